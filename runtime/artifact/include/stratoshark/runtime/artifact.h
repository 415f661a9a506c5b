// The artifact: everything the runtime needs to run a compiled program.
//
// Codegen produces it; the runtime consumes it and needs nothing else (no
// LLVM, no language passes). It is the BPF ELF object plus a description of
// how to attach each program, how to decode each map and event, and what the
// `probe` builtin's values mean. It serialises to JSON, so a program compiled
// on one host can later run on another with a runtime-only binary. Every
// struct compares member by member (operator==), so a round trip through the
// JSON form can be checked for fields it would lose (the compile cache does).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stratoshark::runtime {

enum class ValueKind : uint8_t {
  Int,        // size 1/2/4/8, is_signed
  String,     // NUL-terminated within `size` bytes
  ProbeName,  // u64 index into Artifact::probe_names
  Tuple,      // elements at their offsets
  Count,      // u64 per CPU, summed
  Sum,        // i64/u64 per CPU, summed
  Min,        // {value, set} per CPU
  Max,        // {value, set} per CPU
  Avg,        // {sum, count} per CPU
  Address,    // size 4 (IPv4), 6 (MAC) or 16 (IPv6) bytes in network order
  Stats,      // {sum, count} per CPU: shown as count, average and total
  Hist,       // u64 per CPU per (key, bucket): power-of-two buckets (MapSpec::bucket_offset)
  Lhist,      // u64 per CPU per (key, bucket): linear buckets (MapSpec::linear_*)
  Bool,       // u64: 0 false, else true
  Pointer,    // u64 address, shown in hexadecimal
  Array,      // `size` bytes: elements[0] (offset 0) repeated, each elements[0].size bytes
  Buffer,     // u64 length, then at most size - 8 bytes
  KernelStack,  // u64 stack id in the stack map of `table` frames, u64 unused
  UserStack,    // u64 stack id in the stack map of `table` frames, u64 pid
  KernelSymbol, // u64 kernel address, u64 unused
  UserSymbol,   // u64 user address, u64 pid
  Timestamp,    // u64 CLOCK_MONOTONIC nanoseconds, shown with time_formats[table]
  FuncName,     // u64 probe id, shown as func_names[id]
};

// How to read one value out of a byte buffer.
struct ValueLayout {
  ValueKind kind = ValueKind::Int;
  uint32_t offset = 0;
  uint32_t size = 8;
  bool is_signed = false;
  std::vector<ValueLayout> elements;  // Tuple; Array: the element
  // Stacks: frames (the stack map of that depth) in the low 16 bits, the
  // printing mode above (0 bpftrace, 1 perf, 2 raw). Timestamp: index into
  // time_formats.
  uint32_t table = 0;

  bool operator==(const ValueLayout&) const = default;
};

struct MapSpec {
  std::string name;      // as written, without '@' ("" for "@")
  std::string elf_name;  // symbol in the ELF .maps section
  bool per_cpu = false;
  bool has_key = false;
  ValueLayout key;       // meaningful when has_key
  uint32_t key_size = 8;
  ValueLayout value;
  uint32_t value_size = 8;
  uint32_t max_entries = 0;
  // Hist / Lhist values: one entry per key and bucket, the bucket's index a
  // u64 at bucket_offset in the key (after the key proper). Hist buckets:
  // 0 negative, 1 zero, i >= 2 [2^(i-2), 2^(i-1)). Lhist buckets: 0 below
  // linear_min, i in 1..N [min + (i-1)*step, min + i*step), N+1 from
  // min + N*step on, where N = (max - min) / step.
  uint32_t bucket_offset = 0;
  int64_t linear_min = 0;
  int64_t linear_max = 0;
  int64_t linear_step = 1;
  // A keyless count/min/max/avg/stats that no program deletes, tests or
  // walks: a one-entry per-CPU array (key u32 0), whose lookup the verifier
  // inlines and never misses. Its one entry always exists; an all-zero value
  // (no CPU has counted or set it) is shown as no entry, and clearing zeroes it.
  bool single_slot = false;

  bool operator==(const MapSpec&) const = default;
};

struct Conversion {
  char specifier = 'd';
  std::string flags;
  int width = -1;
  int precision = -1;

  bool operator==(const Conversion&) const = default;
};

struct FormatSegment {
  std::string literal;
  std::optional<Conversion> conversion;
  ValueLayout arg;  // where the argument sits in the event (when conversion)

  bool operator==(const FormatSegment&) const = default;
};

struct PrintfSpec {
  std::vector<FormatSegment> segments;
  uint32_t event_size = 0;

  bool operator==(const PrintfSpec&) const = default;
};

// Where in the user's source a program's attach point was written, so
// runtime errors can point at it.
struct SourcePosition {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t length = 0;

  bool operator==(const SourcePosition&) const = default;
};

struct AttachTarget {
  std::string name;                 // e.g. "tracepoint:syscalls:sys_enter_openat"
  std::vector<std::string> params;  // provider-specific
  uint64_t number = 0;              // provider-specific
  bool retprobe = false;
  uint64_t cookie = 0;              // index into probe_names
  SourcePosition position;

  bool operator==(const AttachTarget&) const = default;
};

// BTF line info of one instruction: where in the source it came from.
struct LineInfo {
  uint32_t insn = 0;  // index from the program's first instruction
  SourcePosition position;

  bool operator==(const LineInfo&) const = default;
};

// A BPF helper a program calls, and the first place in the source that needs it.
struct HelperUse {
  uint32_t id = 0;
  std::string name;  // e.g. "bpf_get_current_comm"
  SourcePosition first_use;

  bool operator==(const HelperUse&) const = default;
};

struct ProgramSpec {
  std::string function;  // program symbol in the ELF
  std::string provider;  // "BEGIN", "END", "tracepoint", "kprobe", "interval", ...
  std::string program_type;  // BPF program type, e.g. "tracepoint", "perf_event", "kprobe", "raw_tracepoint"
  uint32_t probe_index = 0;
  std::vector<AttachTarget> targets;
  // When this kernel cannot attach the provider: what covers the same event.
  std::vector<std::string> alternatives;  // per target ("" when none)
  // From the generated object.
  uint32_t instructions = 0;  // as emitted (a 64-bit immediate load counts twice, as in the kernel)
  uint32_t stack_bytes = 0;   // deepest stack slot the code touches
  uint32_t scratch_bytes = 0; // per-CPU scratch area (large values live there, not on the stack)
  std::vector<LineInfo> lines;
  std::vector<HelperUse> helpers;

  bool operator==(const ProgramSpec&) const = default;
};

// Ring buffer records start with this header.
// Numbered from 16 up for the map events, leaving room below.
enum class EventType : uint32_t {
  Printf = 1,
  Exit = 2,
  Packet = 3,
  System = 4,       // id: index into printfs (the command's format); run with /bin/sh (--unsafe)
  PrintMap = 16,    // id: index into maps; then PrintMapEvent
  ClearMap = 17,    // id: index into maps
  ZeroMap = 18,     // id: index into maps
  PrintValue = 19,  // id: index into print_values; the value at its layout's offset
  // Functions whose work is done in user space when the event is read.
  Time = 32,      // time(fmt): id: index into time_formats
  Cat = 33,       // cat(fmt, ...): id: index into printfs (the path's format)
  Join = 34,      // join(array[, sep]): id: index into joins; then JoinSpec::count strings
  Warning = 35,   // -k: a helper failed; id: index into warnings; then the i64 error code
};

// join(argv, sep): up to `count` strings of `size` bytes each follow the
// EventHeader (an empty first byte ends the list).
struct JoinSpec {
  std::string separator = " ";
  uint32_t count = 16;
  uint32_t size = 64;

  bool operator==(const JoinSpec&) const = default;
};

// A stack-trace map (BPF_MAP_TYPE_STACK_TRACE): its ELF name and how many
// frames each stack holds.
struct StackMapSpec {
  std::string name;
  uint32_t frames = 127;

  bool operator==(const StackMapSpec&) const = default;
};

// -k: where a helper call whose failure is reported sits in the source.
struct WarningSite {
  std::string helper;  // e.g. "probe_read_kernel"
  SourcePosition position;
  std::string source_line;  // the text of that line, for the message

  bool operator==(const WarningSite&) const = default;
};
struct EventHeader {
  uint32_t type;
  uint32_t id;  // Printf: index into printfs; Exit: the exit code; Packet: the probe id (cookie); maps: index
};

// print(@map, top, div): follows the EventHeader.
struct PrintMapEvent {
  uint64_t top;  // 0: every entry
  uint64_t div;  // 0 or 1: values as they are
};

// A Packet event: EventHeader, this, then cap_len bytes of the packet from its
// MAC header on.
struct PacketEventHeader {
  uint64_t timestamp_ns;  // CLOCK_MONOTONIC (boot time excluded)
  uint32_t wire_len;      // length on the wire
  uint32_t cap_len;       // bytes that follow (at most the snap length)
  uint32_t ifindex;
  uint32_t flags;
};

// How events reach user space (--event-mode).
enum class EventMode : uint8_t {
  RingBuffer,  // one BPF ring buffer shared by every CPU (BPF_MAP_TYPE_RINGBUF)
  PerfBuffer,  // a perf buffer per CPU (BPF_MAP_TYPE_PERF_EVENT_ARRAY), read with libbpf's perf_buffer
};

struct Artifact {
  std::vector<uint8_t> elf;
  std::vector<ProgramSpec> programs;
  std::vector<MapSpec> maps;
  std::vector<PrintfSpec> printfs;
  std::vector<ValueLayout> print_values;  // print(value): where the value sits in its event
  std::vector<std::string> probe_names;
  std::vector<std::string> func_names;    // func: per probe id, the probed function ("" when none)
  std::vector<StackMapSpec> stack_maps;   // kstack / ustack
  std::vector<std::string> time_formats;  // strftime() and time() formats
  std::vector<JoinSpec> joins;
  std::vector<WarningSite> warnings;      // -k
  // cpid: an array[1] of u64 into which the runtime writes the pid of the
  // -c child before BEGIN. Empty when no program reads it.
  std::string cpid_map;
  std::string events_map;   // BPF_MAP_TYPE_RINGBUF, or BPF_MAP_TYPE_PERF_EVENT_ARRAY (event_mode)
  EventMode event_mode = EventMode::RingBuffer;
  std::string scratch_map;  // per-CPU array, one entry per program that needs scratch space ("" if none)
  uint32_t scratch_value_size = 0;
  std::string dropped_map;  // per-CPU array[1] of u64: events lost to a full ring buffer
  // Per-CPU array[1] of u64: packets the network probes matched (their
  // predicate held); only in programs with network probes and no capture().
  std::string matched_map;
  uint32_t events_size = 0;  // bytes of the ring buffer, or of each CPU's perf buffer
  // Packets: capture() copies at most `snaplen` bytes (0: no capture()),
  // through a per-CPU staging area, the array map `packet_map`.
  uint32_t snaplen = 0;
  std::string packet_map;
  // `elapsed`: an array[1] of u64 into which the runtime writes the
  // CLOCK_MONOTONIC time (bpf_ktime_get_ns) after loading, before BEGIN.
  // Empty when no program reads it.
  std::string start_map;
  // Compiled for offline replay: network programs take the packet's length
  // on the wire from __sk_buff.cb[0] and its captured length from cb[1].
  bool replay = false;
  // The link layer the network programs read packets of: its LINKTYPE_*,
  // Ethernet (1) live, on replay the file's; for NULL (0) also the file's
  // byte order (protocols::CaptureLink). Replay refuses a file of another.
  uint32_t link_type = 1;
  bool link_big_endian = false;
  // Config block settings the runtime applies: whether the maps are printed
  // when tracing ends, and how much of a file cat() prints.
  bool print_maps_on_exit = true;
  uint32_t max_cat_bytes = 10240;

  bool operator==(const Artifact&) const = default;
};

// JSON form of everything but the ELF bytes (for --emit-elf's side file).
std::string artifact_metadata_json(const Artifact& artifact);
// Reads artifact_metadata_json()'s output; returns nullopt with `error` set on bad input.
std::optional<Artifact> artifact_from_metadata_json(const std::string& json, std::string& error);

}  // namespace stratoshark::runtime
