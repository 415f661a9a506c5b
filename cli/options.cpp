#include "options.h"

#include <iostream>

#include <CLI/CLI.hpp>

namespace stratoshark::cli {

namespace {

constexpr const char* kFooter = R"(
Examples:
  stratoshark -e 'tracepoint:syscalls:sys_enter_openat < @[comm] = count(); >'
  stratoshark -e 'interval:s:1 { printf("%d\n", nsecs); }'
  stratoshark tools/opensnoop.ss
  stratoshark -l 'tracepoint:syscalls:*'
  stratoshark -d asm -e 'BEGIN { printf("hi\n"); exit(); }'

Exit codes:
  0  success (or the code given to exit())
  1  the program has errors (syntax, types, unknown probes)
  2  bad command line or unreadable script file
  3  the kernel refused: verifier rejection, missing kernel feature,
     attach failure, missing privileges
  4  internal error (a bug in stratoshark)
)";

}  // namespace

ParsedOptions parse_options(int argc, char** argv) {
  Options o;
  CLI::App app{"stratoshark: eBPF tracing and packet capture with a bpftrace-compatible language"};
  app.set_version_flag("--version", std::string("stratoshark ") + SS_VERSION);
  app.footer(kFooter);
  app.get_formatter()->column_width(28);

  std::vector<std::string> positional;
  app.add_option("-e", o.program_text, "program text to run instead of a script file");
  app.add_flag("-l", o.list, "list probes matching PATTERN (the first argument; default: all)");
  app.add_option("-d", o.dumps, "print a compilation stage and stop: ast, types, ir, ir-unopt, asm (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"ast", "types", "ir", "ir-unopt", "asm"}))
      ->type_name("STAGE");
  app.add_flag("--dry-run", o.dry_run, "compile and load into the kernel (verifier), but attach nothing");
  app.add_flag("--explain", o.explain,
               "per probe: program type, attach method, estimated vs actual instructions, stack, maps; attach nothing");
  app.add_option("--emit-elf", o.emit_elf, "write the BPF ELF object to FILE (loadable with bpftool)")
      ->type_name("FILE");
  app.add_flag("-v", o.verbose, "verbose: attach details, libbpf and verifier messages; with -l, probe arguments");
  app.add_option("script", positional, "script file (or, with -l, a probe pattern) and its arguments")
      ->type_name("[SCRIPT [ARGS...]]");
  app.positionals_at_end();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return {std::nullopt, code == 0 ? kExitOk : kExitUsage};
  }
  o.has_program_text = app.count("-e") > 0;
  if (o.list) {
    if (!positional.empty()) o.list_pattern = positional.front();
    return {o, kExitOk};
  }
  if (o.has_program_text) {
    o.script_args = positional;
  } else if (!positional.empty()) {
    o.script_path = positional.front();
    o.script_args.assign(positional.begin() + 1, positional.end());
  } else {
    std::cerr << "stratoshark: nothing to run: give a script file or a program with -e\n"
              << "Try: stratoshark -e 'BEGIN { printf(\"hello\\n\"); exit(); }'   (or --help)\n";
    return {std::nullopt, kExitUsage};
  }
  return {o, kExitOk};
}

}  // namespace stratoshark::cli
