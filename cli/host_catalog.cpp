#include "host_catalog.h"

#include <map>

#include "stratoshark/runtime/host.h"

namespace stratoshark::cli {

namespace {

lang::KernelFunctionValue to_lang(const runtime::BtfValue& v) {
  lang::KernelFunctionValue out;
  out.name = v.name;
  out.c_type = v.c_type;
  out.size = v.size;
  out.is_signed = v.is_signed;
  out.is_pointer = v.is_pointer;
  out.is_integer = v.is_integer;
  return out;
}

class SystemCatalog final : public lang::KernelCatalog {
 public:
  SystemCatalog() : tracefs_(lang::make_host_catalog()) {}

  const std::vector<std::string>& tracepoints() override { return tracefs_->tracepoints(); }
  bool has_tracepoint(const std::string& category_event) override { return tracefs_->has_tracepoint(category_event); }
  std::optional<std::string> tracepoint_format(std::string_view category, std::string_view event) override {
    return tracefs_->tracepoint_format(category, event);
  }
  bool has_kprobes() override { return tracefs_->has_kprobes(); }
  const std::vector<std::string>& kprobe_functions() override { return tracefs_->kprobe_functions(); }

  std::optional<std::string> resolve_binary(const std::string& name, std::string& error) override {
    auto r = runtime::resolve_binary(name);
    if (!r) {
      error = r.error().message;
      return std::nullopt;
    }
    return *r;
  }

  std::optional<std::vector<std::string>> binary_functions(const std::string& path, std::string& error) override {
    if (auto it = functions_.find(path); it != functions_.end()) return it->second;
    auto r = runtime::elf_functions(path);
    if (!r) {
      error = r.error().message;
      return std::nullopt;
    }
    return functions_.emplace(path, std::move(*r)).first->second;
  }

  std::optional<std::vector<lang::UsdtProbe>> binary_usdt_probes(const std::string& path, std::string& error) override {
    auto r = runtime::elf_usdt_notes(path);
    if (!r) {
      error = r.error().message;
      return std::nullopt;
    }
    std::vector<lang::UsdtProbe> out;
    for (const auto& n : *r) out.push_back({n.provider, n.name, n.arg_count});
    return out;
  }

  const std::vector<std::string>& kernel_btf_functions() override {
    static const std::vector<std::string> none;
    auto btf = runtime::KernelBtf::instance();
    return btf ? (*btf)->functions() : none;
  }

  std::optional<lang::KernelFunction> kernel_function(const std::string& name, std::string& error) override {
    if (auto it = kernel_functions_.find(name); it != kernel_functions_.end()) return it->second;
    auto btf = runtime::KernelBtf::instance();
    if (!btf) {
      error = btf.error().message;
      return std::nullopt;
    }
    auto f = (*btf)->function(name);
    if (!f) {
      error = f.error().message;
      return std::nullopt;
    }
    lang::KernelFunction out;
    out.name = f->name;
    for (const auto& p : f->params) out.params.push_back(to_lang(p));
    if (f->result) out.result = to_lang(*f->result);
    return kernel_functions_.emplace(name, std::move(out)).first->second;
  }

 private:
  std::unique_ptr<lang::KernelCatalog> tracefs_;
  std::map<std::string, std::vector<std::string>> functions_;
  std::map<std::string, lang::KernelFunction> kernel_functions_;
};

}  // namespace

std::unique_ptr<lang::KernelCatalog> make_system_catalog() { return std::make_unique<SystemCatalog>(); }

}  // namespace stratoshark::cli
