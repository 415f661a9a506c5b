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
#include <string>
#include <vector>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/error.h"
#include "stratoshark/runtime/output.h"

struct bpf_object;
struct bpf_link;
struct ring_buffer;

namespace stratoshark::runtime {

struct RuntimeOptions {
  bool verbose = false;  // keep libbpf's messages for the caller to show
};

// Receives output as events arrive.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void text(const std::string& text) = 0;
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
  // Reads events until exit() is called or `stop` becomes true.
  void run(EventSink& sink, const std::atomic<bool>& stop);
  // Detaches all probes; events already queued are printed unless exit() ran.
  void detach(EventSink& sink);
  Status run_end(EventSink& sink);
  Result<std::vector<MapSnapshot>> read_maps();
  uint64_t dropped_events();

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

  const Artifact& artifact_;
  RuntimeOptions options_;
  bpf_object* object_ = nullptr;
  ring_buffer* events_ = nullptr;
  std::vector<bpf_link*> links_;
  EventSink* sink_ = nullptr;  // where on_event prints; null: discard
  std::unique_ptr<char[]> verifier_log_;
  bool exit_requested_ = false;
  int exit_code_ = 0;
};

// Mounts tracefs at /sys/kernel/tracing when it is not mounted.
Status ensure_tracefs();

// Number of possible CPUs (the size of per-CPU map values).
int possible_cpus();

// How a provider attaches, in words (for --explain).
std::string attach_method(const ProgramSpec& program);

}  // namespace stratoshark::runtime
