// plan_programs(): decides how many BPF programs each probe becomes.
//
// Targets of one provider share a program unless the `args` fields the body
// reads sit at different offsets in their records; then each layout gets its
// own program. Every target gets an id in the probe-name table (the value of
// the `probe` builtin, passed to the program as the attach cookie).
#include <fmt/format.h>

#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

namespace {

std::string short_name(const ProbeProvider& p) {
  std::string_view n = p.name();
  if (n == "BEGIN") return "begin";
  if (n == "END") return "end";
  if (n == "tracepoint") return "tp";
  if (n == "kprobe") return "kp";
  if (n == "kretprobe") return "krp";
  if (n == "interval") return "iv";
  if (n == "profile") return "prof";
  if (n == "socket") return "sock";
  if (n == "rawtracepoint") return "rtp";
  if (n == "uprobe") return "up";
  if (n == "uretprobe") return "urp";
  if (n == "software") return "sw";
  if (n == "hardware") return "hw";
  return std::string(n.substr(0, 4));
}

// max_probes and max_bpf_progs (0: no limit): an error at the attach point
// whose targets pass the limit.
void check_program_limits(PassContext& ctx) {
  const auto& programs = ctx.result.programs;
  uint32_t max_probes = ctx.options.max_probes;
  size_t targets = 0;
  for (const ProgramPlan& plan : programs) targets += plan.targets.size();
  if (max_probes != 0 && targets > max_probes) {
    size_t seen = 0;
    for (const ProgramPlan& plan : programs) {
      if (seen + plan.targets.size() > max_probes) {
        ctx.diags.error(plan.locations[max_probes - seen],
                        fmt::format("the program attaches to {} probes, more than max_probes ({})", targets,
                                    max_probes),
                        "narrow the wildcards, or raise the limit: config = { max_probes = N }");
        break;
      }
      seen += plan.targets.size();
    }
  }
  uint32_t max_progs = ctx.options.max_bpf_progs;
  if (max_progs != 0 && programs.size() > max_progs) {
    ctx.diags.error(programs[max_progs].locations.front(),
                    fmt::format("the program needs {} BPF programs, more than max_bpf_progs ({})", programs.size(),
                                max_progs),
                    "probes that share a body and an args layout share a program; raise the limit: "
                    "config = { max_bpf_progs = N }");
  }
}

}  // namespace

void plan_programs(PassContext& ctx) {
  SemaResult& r = ctx.result;
  ProviderContext pctx{ctx.catalog, ctx.diags, ctx.options.string_capacity, ctx.options.missing_probes};
  std::map<std::string, uint32_t> name_ids;
  auto probe_id = [&](const std::string& name) {
    auto [it, inserted] = name_ids.emplace(name, static_cast<uint32_t>(r.probe_names.size()));
    if (inserted) r.probe_names.push_back(name);
    return it->second;
  };

  for (const Probe* probe : ctx.program.probes) {
    const auto& used = r.used_args[probe->index];
    // (provider, layout signature) -> program
    std::vector<std::pair<std::string, size_t>> groups;
    size_t first_program = r.programs.size();
    for (const ResolvedAttach& attach : r.probes[probe->index].attaches) {
      for (const ProbeTarget& target : attach.targets) {
        std::map<std::string, TracepointField> layout;
        std::string signature(attach.provider->name());
        // Providers without attach cookies (raw tracepoints here) or with one
        // kernel object per program (fentry) get a program per target.
        if (!attach.provider->shares_programs()) signature += "|" + target.name;
        if (!used.empty()) {
          auto fields = attach.provider->args(target, pctx);
          for (const std::string& name : used) {
            for (const auto& f : fields.value_or(std::vector<TracepointField>{})) {
              if (f.name != name) continue;
              signature += fmt::format("|{}@{}:{}:{}", f.name, f.offset, f.size, f.data_loc);
              layout.emplace(f.name, f);
            }
          }
        }
        size_t index = 0;
        while (index < groups.size() && groups[index].first != signature) ++index;
        if (index == groups.size()) {
          groups.emplace_back(signature, r.programs.size());
          ProgramPlan plan;
          plan.probe = probe->index;
          plan.provider = attach.provider;
          plan.args = std::move(layout);
          plan.retval = attach.provider->retval(target, pctx);
          r.programs.push_back(std::move(plan));
        }
        ProgramPlan& plan = r.programs[groups[index].second];
        plan.targets.push_back(target);
        plan.probe_ids.push_back(probe_id(target.name));
        plan.alternatives.push_back(attach.provider->alternative(target, ctx.catalog));
        plan.locations.push_back(attach.point->loc);
      }
    }
    size_t count = r.programs.size() - first_program;
    for (size_t i = first_program; i < r.programs.size(); ++i) {
      ProgramPlan& plan = r.programs[i];
      plan.function_name = fmt::format("ss_{}_{}", probe->index, short_name(*plan.provider));
      if (count > 1) plan.function_name += fmt::format("_{}", i - first_program);
    }
  }
  check_program_limits(ctx);
}

}  // namespace stratoshark::lang
