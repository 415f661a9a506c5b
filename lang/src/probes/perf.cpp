// Timed perf-event probes: interval (one CPU) and profile (every CPU).
//   interval:s:1  interval:ms:100  interval:us:500  interval:hz:10  interval:1s
//   profile:hz:99 profile:ms:10    profile:99 (hz)
// A target's params[0] is "period" (number = nanoseconds) or "frequency"
// (number = samples per second).
#include <charconv>

#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

struct Unit {
  std::string_view name;
  uint64_t ns;  // 0 for hz
};
constexpr Unit kUnits[] = {{"s", 1'000'000'000}, {"ms", 1'000'000}, {"us", 1'000}, {"hz", 0}};

const Unit* find_unit(std::string_view name) {
  for (const auto& u : kUnits) {
    if (u.name == name) return &u;
  }
  return nullptr;
}

class PerfTimerProvider final : public ProbeProvider {
 public:
  explicit PerfTimerProvider(bool every_cpu) : every_cpu_(every_cpu) {}

  std::string_view name() const override { return every_cpu_ ? "profile" : "interval"; }
  std::vector<std::string_view> aliases() const override {
    if (every_cpu_) return {"p"};
    return {"i"};
  }
  ProgramType program_type() const override { return ProgramType::PerfEvent; }
  std::string_view synopsis() const override {
    return every_cpu_ ? "profile:hz:N | profile:s|ms|us:N  sample every CPU at a rate"
                      : "interval:s|ms|us:N | interval:hz:N  fire on one CPU every period";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    std::string unit_name;
    std::string count;
    if (parts.size() == 3) {
      unit_name = parts[1];
      count = parts[2];
    } else if (parts.size() == 2) {
      // interval:1s, interval:100ms, profile:99 (hz)
      const std::string& p = parts[1];
      size_t digits = 0;
      while (digits < p.size() && p[digits] >= '0' && p[digits] <= '9') ++digits;
      count = p.substr(0, digits);
      unit_name = p.substr(digits);
      if (unit_name.empty()) unit_name = every_cpu_ ? "hz" : "";
    }
    const Unit* unit = find_unit(unit_name);
    uint64_t value = 0;
    auto [ptr, ec] = std::from_chars(count.data(), count.data() + count.size(), value);
    bool number_ok = !count.empty() && ec == std::errc() && ptr == count.data() + count.size();
    if (unit == nullptr || !number_ok || value == 0) {
      std::string problem = unit == nullptr ? fmt::format("unknown unit '{}'", unit_name)
                                            : fmt::format("'{}' is not a positive integer", count);
      if (parts.size() < 2) problem = "missing rate";
      ctx.diags.error(point.loc, fmt::format("malformed {} probe '{}': {}", name(), point.text, problem),
                      fmt::format("write {}:UNIT:N with UNIT one of s, ms, us, hz, e.g. {}", name(),
                                  every_cpu_ ? "profile:hz:99" : "interval:s:1"));
      return {};
    }
    ProbeTarget t;
    t.name = fmt::format("{}:{}:{}", name(), unit->name, value);
    if (unit->ns == 0) {
      if (value > 1'000'000'000) {
        ctx.diags.error(point.loc, fmt::format("{} Hz is faster than the clock can fire", value), "use at most 1000000000 hz");
        return {};
      }
      t.params = {"frequency"};
      t.number = value;
    } else {
      if (value > UINT64_MAX / unit->ns) {
        ctx.diags.error(point.loc, fmt::format("period '{}' is too long", point.text), "use a shorter period");
        return {};
      }
      t.params = {"period"};
      t.number = value * unit->ns;
    }
    return {t};
  }

  void list(std::string_view pattern, KernelCatalog&, std::vector<std::string>& out) const override {
    for (const auto& u : kUnits) {
      std::string example = fmt::format("{}:{}:N", name(), u.name);
      if (glob_match(pattern, example)) out.push_back(std::move(example));
    }
  }

 private:
  bool every_cpu_;
};

}  // namespace

const ProbeProvider& interval_provider() {
  static const PerfTimerProvider provider(false);
  return provider;
}

const ProbeProvider& profile_provider() {
  static const PerfTimerProvider provider(true);
  return provider;
}

}  // namespace stratoshark::lang
