// usdt:BINARY:[PROVIDER:]NAME — user-space statically defined tracepoints
// (<sys/sdt.h> probes), attached through libbpf's USDT support. The probes of
// a binary come from its .note.stapsdt section; wildcards match PROVIDER and
// NAME. Arguments are arg0..argN, decoded at run time from the argument
// specs libbpf stores for each attached probe.
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class UsdtProvider final : public ProbeProvider {
 public:
  std::string_view name() const override { return "usdt"; }
  std::vector<std::string_view> aliases() const override { return {"U"}; }
  ProgramType program_type() const override { return ProgramType::Kprobe; }
  std::string_view synopsis() const override {
    return "usdt:BINARY:[PROVIDER:]NAME  static probe of a user-space program (sys/sdt.h); arg0..argN";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() < 3 || parts.size() > 4 || parts[1].empty() || parts.back().empty() ||
        (parts.size() == 4 && parts[2].empty())) {
      ctx.diags.error(point.loc, fmt::format("malformed usdt probe '{}'", point.text),
                      "write usdt:BINARY:PROVIDER:NAME or usdt:BINARY:NAME, e.g. usdt:/usr/bin/app:myapp:request");
      return {};
    }
    std::string provider = parts.size() == 4 ? parts[2] : "*";
    const std::string& probe = parts.back();
    std::string error;
    auto path = ctx.catalog.resolve_binary(parts[1], error);
    if (!path) {
      ctx.missing(point.loc, fmt::format("cannot find binary '{}': {}", parts[1], error),
                  "give an absolute path, a program on $PATH or a library name");
      return {};
    }
    auto probes = ctx.catalog.binary_usdt_probes(*path, error);
    if (!probes) {
      ctx.diags.error(point.loc, fmt::format("cannot read the USDT probes of {}: {}", *path, error),
                      "usdt probes need an ELF file built with <sys/sdt.h> probes");
      return {};
    }
    std::vector<ProbeTarget> targets;
    for (const UsdtProbe& p : *probes) {
      if (!glob_match(provider, p.provider) || !glob_match(probe, p.name)) continue;
      bool seen = false;
      for (const auto& t : targets) seen = seen || (t.params[1] == p.provider && t.params[2] == p.name);
      if (seen) continue;  // one probe may sit at several places; libbpf attaches to all of them
      ProbeTarget t;
      t.name = fmt::format("usdt:{}:{}:{}", *path, p.provider, p.name);
      t.params = {*path, p.provider, p.name};
      t.number = p.arg_count;
      targets.push_back(std::move(t));
    }
    if (targets.empty()) {
      std::string available;
      for (const UsdtProbe& p : *probes) {
        std::string n = p.provider + ":" + p.name;
        if (available.find(n) == std::string::npos) available += (available.empty() ? "" : ", ") + n;
      }
      ctx.missing(point.loc,
                  fmt::format("{} has no USDT probe matching '{}'", *path,
                              parts.size() == 4 ? parts[2] + ":" + probe : probe),
                  available.empty() ? std::string("this file has no USDT probes (no .note.stapsdt section)")
                                    : "its probes are: " + available);
    }
    return targets;
  }

  void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const override {
    auto parts = split_attach_point(pattern);
    if (parts.size() < 3 || has_wildcard(parts[1])) return;
    std::string error;
    auto path = catalog.resolve_binary(parts[1], error);
    if (!path) return;
    auto probes = catalog.binary_usdt_probes(*path, error);
    if (!probes) return;
    for (const UsdtProbe& p : *probes) {
      std::string full = fmt::format("usdt:{}:{}:{}", *path, p.provider, p.name);
      std::string as_written = fmt::format("usdt:{}:{}:{}", parts[1], p.provider, p.name);
      if (glob_match(pattern, as_written) || glob_match(pattern, full)) out.push_back(full);
    }
  }

  ArgAccess arg_access() const override { return ArgAccess::Usdt; }
  uint32_t max_args() const override { return 12; }  // libbpf's BPF_USDT_MAX_ARG_CNT
  bool user_space() const override { return true; }
  // libbpf uses the attach cookie for the argument spec; `probe` cannot use it.
  bool shares_programs() const override { return false; }
};

}  // namespace

const ProbeProvider& usdt_provider() {
  static const UsdtProvider provider;
  return provider;
}

}  // namespace stratoshark::lang
