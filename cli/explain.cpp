#include "explain.h"

#include <fmt/format.h>

#include "stratoshark/lang/limits.h"

namespace stratoshark::cli {

namespace {

std::string layout_name(const runtime::ValueLayout& v) {
  using runtime::ValueKind;
  switch (v.kind) {
    case ValueKind::Int: return v.is_signed ? "int64" : "uint64";
    case ValueKind::String: return fmt::format("string[{}]", v.size);
    case ValueKind::ProbeName: return "probe";
    case ValueKind::Address: return v.size == 6 ? "mac" : v.size == 4 ? "ipv4" : "ipv6";
    case ValueKind::Count: return "count";
    case ValueKind::Sum: return "sum";
    case ValueKind::Min: return "min";
    case ValueKind::Max: return "max";
    case ValueKind::Avg: return "avg";
    case ValueKind::Stats: return "stats";
    case ValueKind::Hist: return "hist";
    case ValueKind::Lhist: return "lhist";
    case ValueKind::Bool: return "bool";
    case ValueKind::Pointer: return "pointer";
    case ValueKind::Array:
      return fmt::format("{}[{}]", v.elements.empty() ? "?" : layout_name(v.elements[0]),
                         v.elements.empty() || v.elements[0].size == 0 ? 0 : v.size / v.elements[0].size);
    case ValueKind::Buffer: return fmt::format("buffer[{}]", v.size > 8 ? v.size - 8 : 0);
    case ValueKind::KernelStack: return "kstack";
    case ValueKind::UserStack: return "ustack";
    case ValueKind::KernelSymbol: return "ksym";
    case ValueKind::UserSymbol: return "usym";
    case ValueKind::Timestamp: return "timestamp";
    case ValueKind::FuncName: return "func";
    case ValueKind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < v.elements.size(); ++i) s += (i ? ", " : "") + layout_name(v.elements[i]);
      return s + ")";
    }
  }
  return "?";
}

uint64_t round8(uint64_t n) { return (n + 7) / 8 * 8; }

std::string bytes(uint64_t n) {
  if (n >= (1u << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1u << 20));
  if (n >= 1024) return fmt::format("{:.1f} KiB", static_cast<double>(n) / 1024);
  return fmt::format("{} B", n);
}

std::string where(const runtime::SourcePosition& p) {
  return p.line == 0 ? std::string() : fmt::format(" ({}:{}:{})", p.file, p.line, p.column);
}

}  // namespace

std::string explain(const std::vector<ProbeSummary>& probes, const runtime::Artifact& artifact,
                    const std::vector<runtime::Session::ProgramStats>& stats) {
  std::string out;
  for (const runtime::ProgramSpec& p : artifact.programs) {
    const ProbeSummary& probe = probes.at(p.probe_index);
    const lang::ProbeEstimate& e = probe.estimate;
    const runtime::Session::ProgramStats* loaded = nullptr;
    for (const auto& s : stats) {
      if (s.function == p.function) loaded = &s;
    }
    out += fmt::format("probe {}  ({})\n", probe.name, probe.location);
    out += fmt::format("  {:<15} {}: {} program, {} target{}\n", "program", p.function, p.program_type,
                       p.targets.size(), p.targets.size() == 1 ? "" : "s");
    out += fmt::format("  {:<15} {}\n", "attach", runtime::attach_method(p));
    out += fmt::format("  {:<15} estimated {}, generated {}, loaded {}\n", "instructions", e.instructions,
                       p.instructions, loaded ? std::to_string(loaded->xlated_instructions) : "-");
    out += fmt::format("  {:<15} estimated {}, verifier processed {} (limit {})\n", "verifier work", e.processed,
                       loaded ? std::to_string(loaded->verified_instructions) : "-", lang::limits::kProcessedInstructions);
    out += fmt::format("  {:<15} estimated {} B before optimisation, generated {} B (limit {} B)\n", "stack",
                       e.stack_bytes, p.stack_bytes, lang::limits::kStackBytes);
    out += fmt::format("  {:<15} estimated {} B, generated {} B per CPU (limit {} B)\n", "scratch", e.scratch_bytes,
                       p.scratch_bytes, lang::limits::kScratchBytes);
    out += fmt::format("  {:<15} {} B read from kernel memory per run\n", "copies", e.copy_bytes);
    std::string helpers;
    for (const auto& h : p.helpers) {
      helpers += fmt::format("{}{}{}\n", helpers.empty() ? "" : std::string(18, ' '), h.name, where(h.first_use));
    }
    out += fmt::format("  {:<15} {}", "helpers", helpers.empty() ? std::string("none\n") : helpers);
    out += "\n";
  }

  int cpus = runtime::possible_cpus();
  out += fmt::format("maps ({} possible CPUs)\n", cpus);
  out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", "name", "type", "key", "value", "entries",
                     "memory (at most)");
  for (const runtime::MapSpec& m : artifact.maps) {
    // Hash elements: a kernel header (~48 B), the key, then the value (or,
    // per CPU, a pointer to a per-CPU copy of it).
    uint64_t value = m.per_cpu ? 8 + round8(m.value_size) * static_cast<uint64_t>(cpus) : round8(m.value_size);
    uint64_t memory = static_cast<uint64_t>(m.max_entries) * (48 + round8(m.key_size) + value);
    if (m.single_slot) memory = round8(m.value_size) * static_cast<uint64_t>(cpus);  // one per-CPU array element
    std::string key = m.has_key ? fmt::format("{} ({} B)", layout_name(m.key), m.key_size) : "-";
    const char* type = m.single_slot ? "percpu_array" : m.per_cpu ? "percpu_hash" : "hash";
    out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", "@" + m.name, type, key, layout_name(m.value),
                       m.max_entries, bytes(memory));
  }
  if (artifact.event_mode == runtime::EventMode::PerfBuffer) {
    // The map holds one perf event per CPU; the buffers are the perf events' own.
    out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", artifact.events_map, "perf_event_array",
                       "uint32", "events", cpus, bytes(artifact.events_size * static_cast<uint64_t>(cpus)));
  } else {
    out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", artifact.events_map, "ringbuf", "-", "events", "-",
                       bytes(artifact.events_size));
  }
  out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", artifact.dropped_map, "array", "uint32", "uint64",
                     1, bytes(8));
  if (!artifact.matched_map.empty()) {
    out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", artifact.matched_map, "percpu_array", "uint32",
                       "uint64", 1, bytes(8ull * static_cast<uint64_t>(cpus)));
  }
  if (!artifact.packet_map.empty()) {
    // capture(): one staging record per CPU (the event header, snaplen bytes and a VLAN tag's 4).
    uint64_t record = 32ull + artifact.snaplen + 4;
    out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", artifact.packet_map, "array", "uint32",
                       fmt::format("{} B", record), cpus, bytes(record * static_cast<uint64_t>(cpus)));
  }
  if (!artifact.scratch_map.empty()) {
    uint64_t users = 0;
    for (const auto& p : artifact.programs) users += p.scratch_bytes > 0 ? 1 : 0;
    out += fmt::format("  {:<14} {:<13} {:<26} {:<12} {:>8}  {}\n", artifact.scratch_map, "percpu_array", "uint32",
                       fmt::format("{} B", artifact.scratch_value_size), users,
                       bytes(users * artifact.scratch_value_size * static_cast<uint64_t>(cpus)));
  }
  return out;
}

}  // namespace stratoshark::cli
