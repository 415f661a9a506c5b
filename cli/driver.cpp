#include "driver.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <optional>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "capture.h"
#include "child.h"
#include "compile_cache.h"
#include "explain.h"
#include "host_catalog.h"
#include "program_output.h"
#include "report.h"
#include "stdlib_tools.h"
#include "stratoshark/codegen/codegen.h"
#include "stratoshark/lang/ast_printer.h"
#include "stratoshark/lang/capture_program.h"
#include "stratoshark/lang/config.h"
#include "stratoshark/lang/parse.h"
#include "stratoshark/lang/passes.h"
#include "stratoshark/runtime/session.h"

namespace stratoshark::cli {

namespace {

std::atomic<bool> stop_requested{false};

void on_stop_signal(int) { stop_requested.store(true); }

// -c: the traced command ended; stop tracing (its last events are still read).
void on_child_exit(int) { stop_requested.store(true); }

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: let the event poll return at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

// The event ring buffer's size: --buffer-size rounded up to a power of two.
uint32_t ring_buffer_bytes(uint64_t requested) {
  uint64_t size = 1u << 20;
  if (requested == 0) return static_cast<uint32_t>(size);
  size = 4096;
  while (size < requested && size < (1ULL << 31)) size <<= 1;
  return static_cast<uint32_t>(size);
}

bool wants(const Options& o, const char* stage) {
  for (const auto& d : o.dumps) {
    if (d == stage) return true;
  }
  return false;
}

// The last pipeline stage any -d asks for: 0 none, 1 ast, 2 types, 3 ir, 4 asm.
int last_dump_stage(const Options& o) {
  int stage = 0;
  for (const auto& d : o.dumps) stage = std::max(stage, d == "ast" ? 1 : d == "types" ? 2 : d == "asm" ? 4 : 3);
  return stage;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What to say when a SCRIPT word is neither a file nor a stdlib tool.
std::string stdlib_hint(const std::string& word) {
  auto dirs = stdlib_dirs();
  if (word.find('/') != std::string::npos || dirs.empty()) return "check the path, or pass the program inline with -e";
  return fmt::format("check the path, or name a tool of the stdlib (ls {}), or pass the program inline with -e",
                     dirs.front());
}

// STRATOSHARK_NAME (or bpftrace's BPFTRACE_NAME) for each config setting
// (STRATOSHARK_MAX_STRLEN, BPFTRACE_MAX_MAP_KEYS, ...): the defaults; a
// config block in the script overrides them.
bool apply_environment(lang::LanguageOptions& language) {
  for (const std::string& setting : lang::config_setting_names()) {
    std::string upper;
    for (char c : setting) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& name : {"BPFTRACE_" + upper, "STRATOSHARK_" + upper}) {
      const char* value = std::getenv(name.c_str());
      if (value == nullptr) continue;
      std::string message, hint;
      if (!lang::apply_config_text(setting, value, language, message, hint)) {
        print_error(fmt::format("{}={} is not a valid {}: {}", name, value, setting, message), hint);
        return false;
      }
    }
  }
  return true;
}

// The compile cache's key: the host answers `key` already holds (from the
// passes' catalog), then this executable and kernel, the sources, the options
// that reach the compiler and the typed program (docs/cli.md#compile-cache).
std::string compile_key(CompileKey& key, const lang::SourceManager& sources, const lang::LanguageOptions& language,
                        const codegen::CodegenOptions& cg, const std::string& typed_ast) {
  // A new option field changes these sizes (not always: event_mode fitted in
  // padding), so check the list below whenever a field is added.
  static_assert(sizeof(lang::LanguageOptions) == 112, "add the new LanguageOptions field to the compile key");
  static_assert(sizeof(codegen::CodegenOptions) == 72, "add the new CodegenOptions field to the compile key");
  add_environment(key);
  for (size_t i = 0; i < sources.size(); ++i) {
    key.add("source " + sources.file(static_cast<lang::FileId>(i)).name(), sources.file(static_cast<lang::FileId>(i)).text());
  }
  key.add("string_capacity", language.string_capacity);
  key.add("max_loop_iterations", language.max_loop_iterations);
  key.add("stack_mode", language.stack_mode);
  key.add("missing_probes", static_cast<uint64_t>(language.missing_probes));
  key.add("on_stack_limit", language.on_stack_limit);
  key.add("max_map_keys", language.max_map_keys);
  key.add("perf_rb_pages", language.perf_rb_pages);
  key.add("max_cat_bytes", language.max_cat_bytes);
  key.add("print_maps_on_exit", language.print_maps_on_exit);
  key.add("max_probes", language.max_probes);
  key.add("max_bpf_progs", language.max_bpf_progs);
  key.add("unsafe", language.unsafe);
  key.add("link_type", language.link_type);
  key.add("helper_warnings", language.helper_warnings);
  for (const auto& word : language.positional) key.add("positional", word);
  key.add("cpu", cg.cpu);
  key.add("map_entries", cg.map_entries);
  key.add("ringbuf_bytes", cg.ringbuf_bytes);
  key.add("keep_ir", cg.keep_ir);
  key.add("snaplen", cg.snaplen);
  key.add("replay", cg.replay);
  key.add("link", cg.link.link_type);
  key.add("link_big_endian", cg.link.big_endian);
  key.add("event_mode", static_cast<uint64_t>(cg.event_mode));
  key.add("cg_on_stack_limit", cg.on_stack_limit);
  key.add("cg_max_cat_bytes", cg.max_cat_bytes);
  key.add("cg_print_maps_on_exit", cg.print_maps_on_exit);
  key.add("typed_ast", typed_ast);
  return key.key();
}

struct Compiled {
  std::optional<runtime::Artifact> artifact;
  int exit_code = kExitOk;
  std::vector<ProbeSummary> probes;  // by probe index
};

// Compiles the program for packets of `link` (Ethernet, or the -r file's).
Compiled compile(const Options& o, const protocols::CaptureLink& link, lang::SourceManager& sources) {
  lang::AstContext ast;
  lang::Diagnostics diags;
  lang::Program* program = nullptr;
  lang::FileId file = 0;
  if (o.capture) {
    lang::CaptureRequest request;
    request.attach_point = capture_attach_point(o.interface);
    request.filter = o.filter;
    request.link_type = link.link_type;
    program = lang::build_capture_program(request, sources, ast, diags);
    if (program == nullptr) {
      print_diagnostics(diags, sources);
      return {std::nullopt, kExitProgramError, {}};
    }
  } else if (o.has_program_text) {
    file = sources.add("-e", o.program_text);
  } else {
    auto path = find_script(o.script_path);
    auto text = path ? read_file(*path) : std::nullopt;
    if (!text) {
      if (!path) errno = ENOENT;
      print_error(fmt::format("cannot read script '{}': {}", o.script_path, std::strerror(errno)),
                  stdlib_hint(o.script_path));
      return {std::nullopt, kExitUsage, {}};
    }
    file = sources.add(*path, std::move(*text));
  }

  if (!o.capture) program = lang::parse_program(sources, file, ast, diags);
  if (program == nullptr) {
    print_diagnostics(diags, sources);
    return {std::nullopt, kExitProgramError, {}};
  }
  if (program->probes.empty()) {
    diags.error(lang::SourceRange{file, 0, 0}, "the program has no probes",
                "write at least one, e.g. BEGIN { printf(\"hello\\n\"); exit(); }");
    print_diagnostics(diags, sources);
    return {std::nullopt, kExitProgramError, {}};
  }
  if (wants(o, "ast")) std::cout << lang::print_ast(*program);
  int last_stage = last_dump_stage(o);
  if (last_stage == 1) return {std::nullopt, kExitOk, {}};

  // Tracepoint lists and formats come from tracefs.
  if (runtime::Status s = runtime::ensure_tracefs(); !s && o.verbose) {
    std::cerr << "warning: " << s.error().message << "\n";
  }
  CompileKey key;
  auto system_catalog = make_system_catalog();
  auto catalog = fingerprint_catalog(*system_catalog, key);
  lang::LanguageOptions language;
  language.positional = o.script_args;
  language.unsafe = o.unsafe;
  language.link_type = link.link_type;
  language.helper_warnings = static_cast<uint32_t>(std::min(o.helper_warnings, 2));
  if (!apply_environment(language) || !lang::apply_config(*program, language, diags)) {
    print_diagnostics(diags, sources);
    return {std::nullopt, diags.has_errors() ? kExitProgramError : kExitUsage, {}};
  }
  lang::SemaResult sema;
  lang::PassContext ctx{*program, ast, *catalog, language, diags, sema};
  bool ok = lang::default_passes().run(ctx);
  print_diagnostics(diags, sources);  // warnings too
  if (!ok) return {std::nullopt, kExitProgramError, {}};
  std::string typed_ast;
  if (wants(o, "types") || (!o.no_cache && last_stage == 0)) {
    typed_ast = lang::print_ast(*program, [&](const lang::Expr& e) { return sema.type_of(&e).to_string(); });
  }
  if (wants(o, "types")) std::cout << typed_ast;
  if (last_stage == 2) return {std::nullopt, kExitOk, {}};

  codegen::CodegenOptions cg;
  cg.keep_ir = wants(o, "ir") || wants(o, "ir-unopt");
  cg.snaplen = o.snaplen;
  cg.replay = !o.read_file.empty();
  cg.link = link;
  cg.ringbuf_bytes = ring_buffer_bytes(o.buffer_bytes);
  // Config settings for code generation and the runtime; --buffer-size on
  // the command line wins over perf_rb_pages.
  cg.map_entries = language.max_map_keys;
  if (language.perf_rb_pages != 0 && o.buffer_bytes == 0) cg.ringbuf_bytes = language.perf_rb_pages * 4096u;
  cg.on_stack_limit = language.on_stack_limit;
  cg.max_cat_bytes = language.max_cat_bytes;
  cg.print_maps_on_exit = language.print_maps_on_exit;
  cg.event_mode = o.event_mode == "perf" ? runtime::EventMode::PerfBuffer : runtime::EventMode::RingBuffer;
  // -d ir and -d asm show LLVM's work, so they always compile.
  std::optional<CompileCache> cache;
  std::string cache_key;
  if (!o.no_cache && last_stage == 0) {
    std::string why;
    cache = CompileCache::open(why);
    if (!cache && o.verbose) std::cerr << "compile cache not used: " << why << "\n";
    if (cache) cache_key = compile_key(key, sources, language, cg, typed_ast);
  }
  codegen::CodegenResult generated;
  if (cache) generated.artifact = cache->load(cache_key);
  if (generated.artifact) {
    if (o.verbose) std::cerr << fmt::format("compile cache: reused {}/{}\n", cache->directory(), cache_key);
  } else {
    generated = codegen::generate(*program, sema, sources, cg);
    if (!generated.artifact) {
      print_error(generated.error, "this is a bug in stratoshark; please report it with the program");
      return {std::nullopt, kExitInternal, {}};
    }
    std::string why;
    if (cache && !cache->store(cache_key, *generated.artifact, why)) {
      if (o.verbose) std::cerr << "compile cache: not stored: " << why << "\n";
    }
  }
  if (wants(o, "ir-unopt")) std::cout << generated.ir_unoptimized;
  if (wants(o, "ir")) std::cout << generated.ir_optimized;
  if (wants(o, "asm")) std::cout << codegen::disassemble(generated.artifact->elf);
  if (!o.emit_elf.empty()) {
    std::ofstream out(o.emit_elf, std::ios::binary);
    out.write(reinterpret_cast<const char*>(generated.artifact->elf.data()),
              static_cast<std::streamsize>(generated.artifact->elf.size()));
    if (!out) {
      print_error(fmt::format("cannot write '{}': {}", o.emit_elf, std::strerror(errno)));
      return {std::nullopt, kExitUsage, {}};
    }
  }
  if (last_stage > 0) return {std::nullopt, kExitOk, {}};
  Compiled compiled{std::move(generated.artifact), kExitOk, {}};
  for (const lang::Probe* p : program->probes) {
    ProbeSummary summary;
    for (const lang::AttachPoint* ap : p->attach_points) summary.name += (summary.name.empty() ? "" : ", ") + ap->text;
    auto pos = sources.file(p->loc.file).position(p->loc.begin);
    summary.location = fmt::format("{}:{}:{}", sources.file(p->loc.file).name(), pos.line, pos.column);
    summary.estimate = sema.estimates.at(p->index);
    compiled.probes.push_back(std::move(summary));
  }
  return compiled;
}

int fail(const runtime::Error& e, const lang::SourceManager& sources, const Options& o) {
  print_runtime_error(e, sources, o.verbose);
  return e.kind == runtime::ErrorKind::Internal ? kExitInternal : kExitKernel;
}

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int run_program(const Options& o) {
  auto started = Clock::now();
  if (int code = check_event_options(o); code != kExitOk) return code;
  if (o.capture && !o.netns.empty() && !enter_netns(o.netns)) return kExitUsage;
  // -r: the file is opened first, for the link layer the programs read.
  protocols::CaptureLink link;
  std::unique_ptr<pcap::CaptureReader> replay_file;
  if (!o.read_file.empty()) {
    replay_file = open_replay_file(o.read_file, link);
    if (!replay_file) return kExitUsage;
  }
  lang::SourceManager sources;
  Compiled compiled = compile(o, link, sources);
  if (o.verbose && compiled.artifact) std::cerr << fmt::format("compiled in {:.1f} ms\n", ms_since(started));
  if (!compiled.artifact) return compiled.exit_code;
  const runtime::Artifact& artifact = *compiled.artifact;

  runtime::RuntimeOptions ro;
  ro.verbose = o.verbose;
  ro.numa_node = o.numa_node;
  ro.pid = o.pid;
  // Forces the older tc attachment where the kernel has tcx (to test it, or
  // to share a clsact qdisc with tc(8)-managed filters).
  const char* tc_attach = std::getenv("STRATOSHARK_TC_ATTACH");
  ro.tc_clsact = tc_attach != nullptr && std::string_view(tc_attach) == "clsact";
  if (o.pid > 0 && ::kill(o.pid, 0) != 0 && errno == ESRCH) {
    print_error(fmt::format("no process has pid {} (-p)", o.pid), "check the pid, e.g. with: pgrep NAME");
    return kExitUsage;
  }
  // -c: the command starts now, stopped until the probes are attached.
  std::optional<TracedCommand> command;
  if (!o.command.empty() && !o.explain && !o.dry_run) {
    std::string error;
    command.reset();
    if (auto started_command = TracedCommand::start(o.command, error)) command.emplace(std::move(*started_command));
    if (!command) {
      print_error(fmt::format("cannot run the command of -c: {}", error), "give it as -c 'PROGRAM ARGS...'");
      return kExitUsage;
    }
    ro.pid = command->pid();
    ro.child_pid = command->pid();
  }
  auto loaded = runtime::Session::load(artifact, ro);
  if (!loaded) {
    if (o.explain) std::cout << explain(compiled.probes, artifact, {});
    return fail(loaded.error(), sources, o);
  }
  runtime::Session& session = **loaded;
  if (o.verbose) {
    std::cerr << session.libbpf_log();
    std::cerr << fmt::format("loaded {} programs in {:.1f} ms since start\n", session.program_count(), ms_since(started));
  }

  if (o.explain) {
    std::cout << explain(compiled.probes, artifact, session.program_stats());
    return kExitOk;
  }
  if (o.dry_run) {
    std::cerr << fmt::format("{} program{} passed the kernel verifier; nothing attached (--dry-run)\n",
                             session.program_count(), session.program_count() == 1 ? "" : "s");
    return kExitOk;
  }
  if (o.verbose) {
    for (const auto& p : artifact.programs) {
      if (p.provider == "BEGIN" || p.provider == "END") continue;
      std::cerr << fmt::format("attach {}: {}\n", p.targets.front().name, runtime::attach_method(p));
    }
  }
  if (runtime::Status s = session.preflight(); !s) return fail(s.error(), sources, o);

  if (!place_reader(o)) return kExitUsage;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (!o.output_file.empty()) {
    file.reset(std::fopen(o.output_file.c_str(), "w"));
    if (!file) {
      print_error(fmt::format("cannot write '{}': {}", o.output_file, std::strerror(errno)),
                  "check that the directory exists and is writable");
      return kExitUsage;
    }
  }
  install_signal_handlers();
  ProgramOutput sink(file ? file.get() : stdout, o.output_format == "json" ? OutputFormat::Json : OutputFormat::Text,
                     stop_requested, o.count);
  if (!sink.open_packet_output(o, artifact.link_type)) return kExitUsage;
  if (runtime::Status s = session.run_begin(sink); !s) return fail(s.error(), sources, o);
  if (!session.exit_requested() && !o.read_file.empty()) {
    auto replayed = session.replay(*replay_file, o.read_file, sink, stop_requested, o.count);
    if (!replayed) return fail(replayed.error(), sources, o);
    if (replayed->truncated > 0) {
      std::cerr << fmt::format("note: {} packet{} longer than {} bytes ran on their first {} bytes (a BPF_PROG_TEST_RUN limit)\n",
                               replayed->truncated, replayed->truncated == 1 ? "" : "s", replayed->replay_limit,
                               replayed->replay_limit);
    }
  } else if (!session.exit_requested()) {
    auto attached = session.attach();
    if (!attached) return fail(attached.error(), sources, o);
    size_t probes = 0;
    for (const auto& p : artifact.programs) probes += p.provider == "BEGIN" || p.provider == "END" ? 0 : p.targets.size();
    std::cerr << fmt::format("Attaching {} probe{}...\n", probes, probes == 1 ? "" : "s");
    if (o.verbose) {
      for (const std::string& note : session.attach_notes()) std::cerr << "attached " << note << "\n";
      std::cerr << fmt::format("{} attachments live {:.1f} ms since start\n", *attached, ms_since(started));
    }
    if (command) {
      struct sigaction sa {};
      sa.sa_handler = on_child_exit;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = SA_NOCLDSTOP;
      sigaction(SIGCHLD, &sa, nullptr);
      command->release();
      if (command->exited()) stop_requested.store(true);  // it ended before the handler could see it
    }
    session.run(sink, stop_requested);
  }
  session.detach(sink);
  if (command) command->finish();
  if (runtime::Status s = session.run_end(sink); !s) return fail(s.error(), sources, o);

  auto maps = session.read_maps();
  if (!maps) return fail(maps.error(), sources, o);
  std::vector<const runtime::MapSnapshot*> ordered;
  for (const auto& m : *maps) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(),
            [](const runtime::MapSnapshot* a, const runtime::MapSnapshot* b) { return a->spec->name < b->spec->name; });
  if (artifact.print_maps_on_exit) {
    for (const runtime::MapSnapshot* m : ordered) sink.maps_at_exit(*m);
  }

  if (o.verbose && artifact.event_mode == runtime::EventMode::PerfBuffer) {
    // perf writes its LOST record with the next record that fits, so losses
    // at the end go unreported there; Dropped is the programs' exact count.
    std::cerr << fmt::format("perf buffers reported {} lost record{} (reported late or not at all; Dropped is exact)\n",
                             session.perf_lost_events(), session.perf_lost_events() == 1 ? "" : "s");
  }
  bool packets = o.capture || !artifact.packet_map.empty() || !artifact.matched_map.empty();
  if (packets) {
    // Programs that capture(): the packets that reached user space; others:
    // the packets their network probes matched, counted in the kernel.
    uint64_t captured = artifact.packet_map.empty() ? session.matched_packets() : sink.packets();
    uint64_t dropped = session.dropped_events();
    std::cerr << capture_summary(captured, dropped);
    if (dropped > 0) {
      std::cerr << fmt::format("hint: the {} was full when {}; a larger --buffer-size (now {} KB{}) helps\n",
                               artifact.event_mode == runtime::EventMode::PerfBuffer ? "perf buffer of a CPU"
                                                                                      : "ring buffer",
                               dropped == 1 ? "that event came" : "those events came", artifact.events_size / 1024,
                               artifact.event_mode == runtime::EventMode::PerfBuffer ? " per CPU" : "");
    }
  } else if (uint64_t dropped = session.dropped_events(); dropped > 0) {
    std::cerr << fmt::format("warning: {} event{} dropped because the {} full{}\n", dropped,
                             dropped == 1 ? " was" : "s were",
                             artifact.event_mode == runtime::EventMode::PerfBuffer ? "perf buffers were"
                                                                                   : "ring buffer was",
                             o.buffer_bytes == 0 ? "; a larger --buffer-size helps" : "");
  }
  return session.exit_requested() ? session.exit_code() : kExitOk;
}

int list_probes(const Options& o) {
  if (runtime::Status s = runtime::ensure_tracefs(); !s) {
    print_error(s.error().message, s.error().hint);
    return kExitKernel;
  }
  auto catalog = make_system_catalog();
  std::string pattern = o.list_pattern.empty() ? "*" : o.list_pattern;
  // "tracepoint:..." lists one provider; a bare pattern matches every provider.
  std::vector<std::string> found;
  for (const lang::ProbeProvider* p : lang::all_providers()) {
    std::string_view prefix = std::string_view(pattern).substr(0, pattern.find(':'));
    bool provider_named = pattern.find(':') != std::string::npos;
    if (provider_named && lang::find_provider(prefix) != p && !lang::glob_match(prefix, p->name())) continue;
    std::string full = pattern;
    if (provider_named && lang::find_provider(prefix) == p) full = std::string(p->name()) + pattern.substr(prefix.size());
    p->list(full, *catalog, found);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  lang::LanguageOptions language;
  lang::Diagnostics ignored;
  lang::ProviderContext pctx{*catalog, ignored, language.string_capacity};
  std::string out;
  for (const auto& name : found) {
    out += name + "\n";
    if (!o.verbose) continue;
    const lang::ProbeProvider* p = lang::find_provider(std::string_view(name).substr(0, name.find(':')));
    lang::ProbeTarget target;
    target.name = name;
    auto parts = lang::split_attach_point(name);
    target.params.assign(parts.begin() + 1, parts.end());
    if (p == nullptr || p->program_type() != lang::ProgramType::Tracepoint) continue;
    if (auto fields = p->args(target, pctx)) {
      for (const auto& f : *fields) {
        std::string type = f.c_type + (f.is_array ? fmt::format("[{}]", f.array_length) : "");
        out += fmt::format("    {} {};{}\n", type, f.name, f.unsupported.empty() ? "" : "  (not readable yet)");
      }
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (found.empty()) {
    std::cerr << fmt::format("no probes match '{}'\n", pattern);
    return kExitProgramError;
  }
  return kExitOk;
}

}  // namespace stratoshark::cli
