// software:EVENT[:COUNT] and hardware:EVENT[:COUNT] — perf counters that run
// the probe every COUNT occurrences of the event, on every CPU (or, with -p
// and -c, in one process). A target's params are {"software"|"hardware",
// event, perf type, perf config}; number is the sample period.
#include <linux/perf_event.h>

#include <charconv>

#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

struct CounterEvent {
  std::string_view name;
  std::string_view alias;  // "" if none
  uint64_t config;
  uint64_t default_count;
};

constexpr CounterEvent kSoftware[] = {
    {"cpu-clock", "cpu", PERF_COUNT_SW_CPU_CLOCK, 1000000},
    {"task-clock", "", PERF_COUNT_SW_TASK_CLOCK, 1000000},
    {"page-faults", "faults", PERF_COUNT_SW_PAGE_FAULTS, 100},
    {"context-switches", "cs", PERF_COUNT_SW_CONTEXT_SWITCHES, 1000},
    {"cpu-migrations", "", PERF_COUNT_SW_CPU_MIGRATIONS, 1},
    {"minor-faults", "", PERF_COUNT_SW_PAGE_FAULTS_MIN, 100},
    {"major-faults", "", PERF_COUNT_SW_PAGE_FAULTS_MAJ, 1},
    {"alignment-faults", "", PERF_COUNT_SW_ALIGNMENT_FAULTS, 1},
    {"emulation-faults", "", PERF_COUNT_SW_EMULATION_FAULTS, 1},
    {"dummy", "", PERF_COUNT_SW_DUMMY, 1},
    {"bpf-output", "", PERF_COUNT_SW_BPF_OUTPUT, 1},
};

constexpr CounterEvent kHardware[] = {
    {"cpu-cycles", "cycles", PERF_COUNT_HW_CPU_CYCLES, 1000000},
    {"instructions", "", PERF_COUNT_HW_INSTRUCTIONS, 1000000},
    {"cache-references", "", PERF_COUNT_HW_CACHE_REFERENCES, 1000000},
    {"cache-misses", "", PERF_COUNT_HW_CACHE_MISSES, 1000000},
    {"branch-instructions", "branches", PERF_COUNT_HW_BRANCH_INSTRUCTIONS, 100000},
    {"branch-misses", "", PERF_COUNT_HW_BRANCH_MISSES, 100000},
    {"bus-cycles", "", PERF_COUNT_HW_BUS_CYCLES, 100000},
    {"frontend-stalls", "", PERF_COUNT_HW_STALLED_CYCLES_FRONTEND, 1000000},
    {"backend-stalls", "", PERF_COUNT_HW_STALLED_CYCLES_BACKEND, 1000000},
    {"ref-cycles", "", PERF_COUNT_HW_REF_CPU_CYCLES, 1000000},
};

class PerfCounterProvider final : public ProbeProvider {
 public:
  explicit PerfCounterProvider(bool hardware) : hardware_(hardware) {}

  std::string_view name() const override { return hardware_ ? "hardware" : "software"; }
  std::vector<std::string_view> aliases() const override {
    if (hardware_) return {"h"};
    return {"s"};
  }
  ProgramType program_type() const override { return ProgramType::PerfEvent; }
  std::string_view synopsis() const override {
    return hardware_ ? "hardware:EVENT[:COUNT]  every COUNT hardware events (cycles, instructions, cache-misses, ...)"
                     : "software:EVENT[:COUNT]  every COUNT software events (page-faults, context-switches, ...)";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() < 2 || parts.size() > 3 || parts[1].empty()) {
      ctx.diags.error(point.loc, fmt::format("malformed {} probe '{}'", name(), point.text),
                      fmt::format("write {}:EVENT[:COUNT], e.g. {}", name(),
                                  hardware_ ? "hardware:cache-misses:1000000" : "software:page-faults:100"));
      return {};
    }
    const CounterEvent* event = nullptr;
    for (const auto& e : events()) {
      if (e.name == parts[1] || (!e.alias.empty() && e.alias == parts[1])) event = &e;
    }
    if (event == nullptr) {
      std::vector<std::string> names;
      std::string list;
      for (const auto& e : events()) {
        names.emplace_back(e.name);
        list += (list.empty() ? "" : ", ") + std::string(e.name);
      }
      std::string suggestion = closest_match(parts[1], names);
      ctx.diags.error(point.loc, fmt::format("unknown {} event '{}'", name(), parts[1]),
                      suggestion.empty() ? fmt::format("{} events are: {}", name(), list)
                                         : fmt::format("did you mean '{}'? {} events are: {}", suggestion, name(), list));
      return {};
    }
    uint64_t count = event->default_count;
    if (parts.size() == 3) {
      const std::string& text = parts[2];
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
      if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || count == 0) {
        ctx.diags.error(point.loc, fmt::format("'{}' is not a positive event count", text),
                        fmt::format("write {}:{}:N to run the probe every N events", name(), event->name));
        return {};
      }
    }
    ProbeTarget t;
    t.name = fmt::format("{}:{}:{}", name(), event->name, count);
    t.params = {std::string(name()), std::string(event->name),
                std::to_string(hardware_ ? PERF_TYPE_HARDWARE : PERF_TYPE_SOFTWARE), std::to_string(event->config)};
    t.number = count;
    return {t};
  }

  void list(std::string_view pattern, KernelCatalog&, std::vector<std::string>& out) const override {
    for (const auto& e : events()) {
      std::string full = fmt::format("{}:{}", name(), e.name);
      if (glob_match(pattern, full) || glob_match(pattern, full + ":N")) out.push_back(std::move(full));
    }
  }

 private:
  std::span<const CounterEvent> events() const {
    if (hardware_) return kHardware;
    return kSoftware;
  }

  bool hardware_;
};

}  // namespace

const ProbeProvider& software_provider() {
  static const PerfCounterProvider provider(false);
  return provider;
}

const ProbeProvider& hardware_provider() {
  static const PerfCounterProvider provider(true);
  return provider;
}

}  // namespace stratoshark::lang
