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
};

// Parses argv. Returns the options, or the exit code to leave with (after
// --help, --version or a usage error, which it has already printed).
struct ParsedOptions {
  std::optional<Options> options;
  int exit_code = kExitOk;
};
ParsedOptions parse_options(int argc, char** argv);

}  // namespace stratoshark::cli
