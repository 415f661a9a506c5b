// BEGIN and END: run once, before the other probes attach and after they detach.
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class BeginEndProvider final : public ProbeProvider {
 public:
  explicit BeginEndProvider(std::string_view name) : name_(name) {}

  std::string_view name() const override { return name_; }
  ProgramType program_type() const override { return ProgramType::RawTracepoint; }
  std::string_view synopsis() const override {
    return name_ == "BEGIN" ? "BEGIN: runs once, before any other probe is attached"
                            : "END: runs once, after the other probes are detached";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    if (point.text != name_) {
      ctx.diags.error(point.loc, fmt::format("'{}' takes no arguments", name_),
                      fmt::format("write just {}", name_));
      return {};
    }
    return {ProbeTarget{std::string(name_), {}, 0, false}};
  }

  void list(std::string_view pattern, KernelCatalog&, std::vector<std::string>& out) const override {
    if (glob_match(pattern, name_)) out.emplace_back(name_);
  }

 private:
  std::string_view name_;
};

}  // namespace

const ProbeProvider& begin_provider() {
  static const BeginEndProvider provider("BEGIN");
  return provider;
}

const ProbeProvider& end_provider() {
  static const BeginEndProvider provider("END");
  return provider;
}

}  // namespace stratoshark::lang
