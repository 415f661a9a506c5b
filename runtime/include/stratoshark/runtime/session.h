// Session: one loaded artifact in the kernel, from load to teardown.
//
// Order of a run: load (every program passes the verifier or nothing runs),
// preflight (every probe's kernel requirements are met), BEGIN, attach the
// other probes, read events until exit() or a stop request, detach, END,
// read the maps. Every kernel object is owned through a file descriptor
// (bpf_link for attachments), so whatever way the process ends, nothing is
// left behind; the destructor releases everything early.
#pragma once

#include <atomic>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/error.h"
#include "stratoshark/runtime/output.h"

namespace stratoshark::pcap {
class CaptureReader;
}

struct bpf_object;
struct bpf_link;

namespace stratoshark::runtime {
struct Attachments;
class EventReader;
}

namespace stratoshark::runtime {

struct RuntimeOptions {
  bool verbose = false;  // keep libbpf's messages for the caller to show
  int numa_node = -1;    // >= 0: create the maps on this NUMA node
  int pid = -1;          // > 0: uprobes, usdt and perf counters see only this process (-p, -c)
  int child_pid = -1;    // > 0: the -c command's pid (the cpid builtin)
  bool tc_clsact = false;  // tc probes: clsact + cls_bpf even where the kernel has tcx links
};

// One packet capture() sent to user space.
struct CapturedPacket {
  uint32_t probe_id = 0;   // index into Artifact::probe_names
  uint64_t timestamp_ns = 0;  // live: CLOCK_REALTIME; replay: the capture file's timestamp
  uint32_t wire_len = 0;
  uint32_t ifindex = 0;
  uint64_t index = 0;      // replay: 1-based position of the packet in the file; live: 0
  std::span<const uint8_t> data;  // the captured bytes, from the MAC header on
};

// Receives output as events arrive.
class EventSink {
 public:
  virtual ~EventSink() = default;
  // printf() output.
  virtual void text(const std::string& text) = 0;
  virtual void packet(const CapturedPacket& packet) {}
  // print(@map, top, div): the map as it was when the event was read.
  virtual void map(const MapSnapshot& map, const MapView& view) {}
  // print(value).
  virtual void value(const Value& value) {}
  // A run-time warning (-k: a helper failed), one line with its position.
  virtual void warning(const std::string& text) {}
};

// What a replay did.
struct ReplayStats {
  uint64_t packets = 0;    // read from the file
  uint64_t truncated = 0;  // longer than BPF_PROG_TEST_RUN accepts: run on their first replay_limit bytes
  uint32_t replay_limit = 0;
};

class Session {
 public:
  static Result<std::unique_ptr<Session>> load(const Artifact& artifact, const RuntimeOptions& options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Checks that the kernel can attach every probe, before anything runs.
  Status preflight();
  // Runs the BEGIN probes and prints what they produced.
  Status run_begin(EventSink& sink);
  // Attaches every probe but BEGIN/END. Returns the number of attachments.
  Result<size_t> attach();
  // How network probes attached, as found when attaching ("tc:eth0:ingress:
  // tcx link", "xdp:veth0: native XDP"); for -v.
  const std::vector<std::string>& attach_notes() const;
  // Reads events until exit() is called or `stop` becomes true.
  void run(EventSink& sink, const std::atomic<bool>& stop);
  // Offline replay: runs every packet of the pcap or pcapng file `path`
  // through every network program with BPF_PROG_TEST_RUN (instead of
  // attaching them), delivering the events each packet produces before the
  // next. Stops early at exit(), when `stop` becomes true, or after
  // `max_packets` captured packets (0: no limit). The file must hold frames
  // of the link layer the programs were compiled for (Artifact::link_type).
  Result<ReplayStats> replay(const std::string& path, EventSink& sink, const std::atomic<bool>& stop,
                             uint64_t max_packets = 0);
  // The same with a file already open (named `path` in messages), read from
  // where it is: standard input, or a file whose link type the caller read.
  Result<ReplayStats> replay(pcap::CaptureReader& file, const std::string& path, EventSink& sink,
                             const std::atomic<bool>& stop, uint64_t max_packets = 0);
  // Detaches all probes; events already queued are printed unless exit() ran.
  void detach(EventSink& sink);
  Status run_end(EventSink& sink);
  Result<std::vector<MapSnapshot>> read_maps();
  // One map's entries now (histogram buckets gathered per key).
  Result<MapSnapshot> read_map(const MapSpec& spec);
  // clear(@m): removes every entry; zero(@m): sets every value to zero.
  Status clear_map(const MapSpec& spec);
  Status zero_map(const MapSpec& spec);
  // Events the programs could not queue (a full ring or perf buffer), counted in the kernel.
  uint64_t dropped_events();
  // --event-mode perf: records the perf buffers reported lost (the same
  // events as dropped_events() counts; 0 with the ring buffer).
  uint64_t perf_lost_events() const;
  // Packets the network probes matched, counted in the kernel (programs
  // without capture(); see Artifact::matched_map).
  uint64_t matched_packets();
  // Packet events delivered to the sink so far.
  uint64_t captured_packets() const { return captured_; }

  // What the kernel made of each loaded program (for --explain).
  struct ProgramStats {
    std::string function;
    uint32_t xlated_instructions = 0;  // after the verifier's rewrites
    uint32_t verified_instructions = 0;  // instructions the verifier processed
    uint32_t jited_bytes = 0;
  };
  std::vector<ProgramStats> program_stats() const;

  bool exit_requested() const { return exit_requested_; }
  int exit_code() const { return exit_code_; }
  // Number of programs loaded into the kernel.
  size_t program_count() const;
  const std::string& libbpf_log() const;

 private:
  Session(const Artifact& artifact, const RuntimeOptions& options);
  Status run_once(const std::string& provider, EventSink& sink);
  void consume(EventSink* sink);
  static int on_event(void* ctx, void* data, size_t size);
  // print/clear/zero of a map, asked for by an event (session_maps.cpp).
  void map_event(const EventHeader& header, std::span<const uint8_t> event);
  int map_fd(const MapSpec& spec) const;
  // time(), cat(), join() and -k warnings (session_language.cpp).
  void language_event(const EventHeader& header, std::span<const uint8_t> event);
  // How stored values decode here: with stacks and symbols resolved.
  const DecodeContext& decoding();
  // After loading: the values the runtime gives the programs (cpid).
  void set_program_constants();
  // The sum over CPUs of a per-CPU array[1] of u64 (0 when there is none).
  uint64_t per_cpu_count(const std::string& map_name);

  const Artifact& artifact_;
  RuntimeOptions options_;
  bpf_object* object_ = nullptr;
  std::unique_ptr<EventReader> events_;
  std::unique_ptr<Attachments> attachments_;
  EventSink* sink_ = nullptr;  // where on_event prints; null: discard
  // During a replay: the timestamp and position of the packet being run.
  bool replaying_ = false;
  uint64_t replay_timestamp_ns_ = 0;
  uint64_t replay_index_ = 0;
  uint64_t captured_ = 0;  // packet events delivered
  std::unique_ptr<char[]> verifier_log_;
  bool exit_requested_ = false;
  int exit_code_ = 0;
  std::unique_ptr<Symbolizer> symbolizer_;
  DecodeContext decode_context_;
};

// Mounts tracefs at /sys/kernel/tracing when it is not mounted.
Status ensure_tracefs();

// Number of possible CPUs (the size of per-CPU map values).
int possible_cpus();

// How a provider attaches, in words (for --explain).
std::string attach_method(const ProgramSpec& program);

}  // namespace stratoshark::runtime
