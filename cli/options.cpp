#include "options.h"

#include <cctype>
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
  app.add_flag("--unsafe", o.unsafe, "allow functions that act on the system: system(), signal()");
  app.add_flag("-k", o.helper_warnings,
               "warn at run time when a memory read fails (with the source line); -kk also when a map update fails");
  app.add_flag("--no-cache", o.no_cache, "compile even when the compile cache holds this program");
  app.add_option("-r", o.read_file, "run the network probes over a pcap/pcapng file instead of live traffic")
      ->type_name("FILE");
  app.add_option("-f", o.output_format, "output format: text (default, as bpftrace prints) or json (one object per line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  app.add_option("-o", o.output_file, "write the program's output to FILE instead of stdout")->type_name("FILE");
  app.add_option("-c", o.command, "run CMD, tracing it from its start, and stop when it exits (cpid is its pid)")
      ->type_name("CMD");
  app.add_option("-p", o.pid, "uprobes, usdt and software/hardware counters see only process PID")
      ->check(CLI::Range(1, 1 << 30))
      ->type_name("PID");
  // How events reach user space, and where the reader runs: for scripts and `capture` alike.
  std::string buffer_size;
  auto add_event_options = [&](CLI::App* to) {
    to->add_option("--buffer-size,-B", buffer_size,
                   "event buffer size, e.g. 4MB: the ring buffer, or each CPU's perf buffer (default 1MB)")
        ->type_name("SIZE");
    to->add_option("--event-mode", o.event_mode,
                   "how events reach user space: ringbuf (default, one buffer) or perf (a perf buffer per CPU)")
        ->check(CLI::IsMember({"ringbuf", "perf"}))
        ->type_name("MODE");
    to->add_option("--cpu-affinity", o.cpu_affinity, "pin the reader to these CPUs, e.g. 0-1,3")->type_name("LIST");
    to->add_option("--numa-node", o.numa_node,
                   "create the maps on this NUMA node and run the reader on its CPUs")
        ->check(CLI::Range(0, 1023))
        ->type_name("N");
  };
  add_event_options(&app);
  app.add_option("script", positional, "script file (or, with -l, a probe pattern) and its arguments")
      ->type_name("[SCRIPT [ARGS...]]");
  app.positionals_at_end();

  CLI::App* capture = app.add_subcommand("capture", "capture packets with a kernel-side filter, tcpdump style");
  std::vector<std::string> filter_words;
  capture->add_option("-i,--interface", o.interface,
                      "interface to capture on (any: every interface), or a network probe: socket:IFACE, "
                      "tc:IFACE:ingress|egress, xdp:IFACE")
      ->type_name("IFACE");
  capture->add_option("-f,--filter", o.filter, "capture filter in tcpdump syntax, e.g. \"tcp port 80\"")->type_name("EXPR");
  capture->add_option("-c", o.count, "stop after N packets")->type_name("N");
  capture->add_option("-w", o.write_file, "write the packets to a pcapng file")->type_name("FILE");
  capture->add_option("-r", o.read_file, "replay a pcap/pcapng file through the filter program")->type_name("FILE");
  capture->add_flag("-V", o.detail, "print each packet's protocol fields as a tree");
  capture->add_option("--snaplen,-s", o.snaplen, "bytes of each packet to keep (default 262144)")
      ->check(CLI::Range(1u, 262144u))
      ->type_name("N");
  capture->add_option("--netns", o.netns, "capture inside a network namespace (a name from 'ip netns' or a path)")
      ->type_name("NAME|PATH");
  add_event_options(capture);
  capture->add_option("-d", o.dumps, "print a compilation stage and stop: ast, ir, ir-unopt, asm")
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"ast", "ir", "ir-unopt", "asm"}))
      ->type_name("STAGE");
  capture->add_flag("--dry-run", o.dry_run, "compile and load into the kernel, but capture nothing");
  capture->add_flag("--no-cache", o.no_cache, "compile even when the compile cache holds this program");
  capture->add_flag("-v", o.verbose, "verbose: libbpf and verifier messages");
  capture->add_option("expression", filter_words, "the filter, when not given with -f")->type_name("[EXPR...]");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return {std::nullopt, code == 0 ? kExitOk : kExitUsage};
  }
  if (!buffer_size.empty()) {
    auto bytes = parse_size(buffer_size);
    if (!bytes || *bytes < 4096 || *bytes > (1ULL << 31)) {
      std::cerr << "stratoshark: --buffer-size wants a size from 4KB to 2GB such as 512KB, 8MB or 1GB\n";
      return {std::nullopt, kExitUsage};
    }
    o.buffer_bytes = *bytes;
  }
  if (!o.cpu_affinity.empty() && parse_cpu_list(o.cpu_affinity).empty()) {
    std::cerr << "stratoshark: --cpu-affinity wants a CPU list such as 0, 0-3 or 0,2\n";
    return {std::nullopt, kExitUsage};
  }
  if (capture->parsed()) {
    o.capture = true;
    if (!filter_words.empty()) {
      if (!o.filter.empty()) {
        std::cerr << "stratoshark capture: give the filter either with -f or after the options, not both\n";
        return {std::nullopt, kExitUsage};
      }
      for (const auto& w : filter_words) o.filter += (o.filter.empty() ? "" : " ") + w;
    }
    if (!o.read_file.empty() && (!o.interface.empty() || !o.netns.empty())) {
      std::cerr << "stratoshark capture: -r reads a file; it does not go with -i or --netns\n";
      return {std::nullopt, kExitUsage};
    }
    return {o, kExitOk};
  }
  o.has_program_text = app.count("-e") > 0;
  if (app.count("-c") > 0 && o.command.find_first_not_of(" \t") == std::string::npos) {
    std::cerr << "stratoshark: -c needs a command, e.g. -c 'ls -l /tmp'\n";
    return {std::nullopt, kExitUsage};
  }
  if (!o.command.empty() && o.pid > 0) {
    std::cerr << "stratoshark: -c and -p both choose the process to trace; give one of them\n";
    return {std::nullopt, kExitUsage};
  }
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

std::optional<uint64_t> parse_size(const std::string& text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 12) return std::nullopt;
  uint64_t value = std::stoull(text.substr(0, digits));
  std::string unit = text.substr(digits);
  for (auto& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.empty() || unit == "B") return value;
  if (unit == "K" || unit == "KB" || unit == "KIB") return value << 10;
  if (unit == "M" || unit == "MB" || unit == "MIB") return value << 20;
  if (unit == "G" || unit == "GB" || unit == "GIB") return value << 30;
  return std::nullopt;
}

std::vector<int> parse_cpu_list(const std::string& text) {
  std::vector<int> cpus;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    size_t dash = part.find('-');
    auto number = [](const std::string& s) -> int {
      if (s.empty() || s.size() > 5 || s.find_first_not_of("0123456789") != std::string::npos) return -1;
      return std::stoi(s);
    };
    int first = number(part.substr(0, dash));
    int last = dash == std::string::npos ? first : number(part.substr(dash + 1));
    if (first < 0 || last < first) return {};
    for (int c = first; c <= last; ++c) cpus.push_back(c);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return cpus;
}

}  // namespace stratoshark::cli
