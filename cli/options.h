// Command-line options, parsed once into an immutable struct.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace stratoshark::cli {

// Documented in docs/cli.md; keep the two in step.
enum ExitCode : int {
  kExitOk = 0,
  kExitProgramError = 1,  // the script has syntax or semantic errors
  kExitUsage = 2,         // bad command line, unreadable script file
  kExitKernel = 3,        // the kernel refused: verifier, missing feature, attach, permissions
  kExitInternal = 4,      // a bug in stratoshark
};

struct Options {
  std::string program_text;  // -e
  bool has_program_text = false;
  std::string script_path;  // first positional argument when there is no -e
  std::vector<std::string> script_args;
  bool list = false;  // -l [PATTERN]
  std::string list_pattern;
  std::vector<std::string> dumps;  // -d STAGE...
  bool dry_run = false;
  bool explain = false;
  std::string emit_elf;
  bool verbose = false;
  bool unsafe = false;  // --unsafe: allow system() and signal()
  int helper_warnings = 0;  // -k (failed memory reads), -kk (also failed map updates)
  bool no_cache = false;  // --no-cache: always compile (docs/cli.md#compile-cache)
  std::string read_file;  // -r FILE: run the network probes over a capture file instead of live traffic
  std::string output_format = "text";  // -f text|json
  std::string output_file;             // -o FILE ("": stdout)
  std::string command;    // -c CMD: run CMD under tracing, stop when it exits
  int pid = -1;           // -p PID: uprobes, usdt and perf counters see only this process

  // `stratoshark capture` (docs/cli.md#capture)
  bool capture = false;
  std::string interface;      // -i IFACE ("any": every interface)
  std::string filter;         // -f EXPR, or the words after the options
  uint64_t count = 0;         // -c N: stop after N packets (0: no limit)
  std::string write_file;     // -w FILE.pcapng
  bool detail = false;        // -V
  uint32_t snaplen = 262144;  // --snaplen
  std::string netns;          // --netns NAME|PATH
  uint64_t buffer_bytes = 0;  // --buffer-size (0: default)
  std::string event_mode = "ringbuf";  // --event-mode ringbuf|perf
  std::string cpu_affinity;   // --cpu-affinity LIST
  int numa_node = -1;         // --numa-node N
};

// Parses argv. Returns the options, or the exit code to leave with (after
// --help, --version or a usage error, which it has already printed).
struct ParsedOptions {
  std::optional<Options> options;
  int exit_code = kExitOk;
};
ParsedOptions parse_options(int argc, char** argv);

// "64KB", "4MB", "1GB", "65536" -> bytes; nullopt when malformed.
std::optional<uint64_t> parse_size(const std::string& text);
// "0-2,5" -> {0, 1, 2, 5}; empty when malformed.
std::vector<int> parse_cpu_list(const std::string& text);

}  // namespace stratoshark::cli
