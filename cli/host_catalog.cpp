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

// Kernel BTF member types as the language types them: char arrays are
// strings, integers keep their width, anything else is None.
lang::Type to_lang(const runtime::BtfTypeRef& r) {
  using K = runtime::BtfTypeRef::Kind;
  switch (r.kind) {
    case K::Bool:
      return lang::Type::boolean_type();
    case K::Int:
      if (r.size == 1 || r.size == 2 || r.size == 4 || r.size == 8) {
        return lang::Type::integer(static_cast<uint8_t>(r.size * 8), r.is_signed);
      }
      return lang::Type::none();
    case K::Pointer: {
      lang::Type pointee = r.inner ? to_lang(*r.inner) : lang::Type::void_type();
      if (r.inner && r.inner->kind == K::Void) pointee = lang::Type::void_type();
      if (pointee.is_none()) pointee = lang::Type::void_type();  // function pointers and the like
      return lang::Type::pointer(pointee, r.user);
    }
    case K::Array: {
      if (!r.inner) return lang::Type::none();
      if (r.inner->kind == K::Int && r.inner->is_char) return lang::Type::string(r.length);
      lang::Type element = to_lang(*r.inner);
      if (!(element.is_int() || element.is_pointer() || element.is_array()) || r.length == 0) return lang::Type::none();
      return lang::Type::array(element, r.length);
    }
    case K::Struct:
    case K::Union:
      return lang::Type::struct_type(r.key, r.size);
    default:
      return lang::Type::none();
  }
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

  std::optional<lang::KernelStruct> kernel_struct(const std::string& key, std::string& error) override {
    auto btf = runtime::KernelBtf::instance();
    if (!btf) {
      error = btf.error().message;
      return std::nullopt;
    }
    auto s = (*btf)->structure(key);
    if (!s) {
      error = s.error().message;
      return std::nullopt;
    }
    lang::KernelStruct out;
    out.key = s->key;
    out.is_union = s->is_union;
    out.size = s->size;
    for (const auto& m : s->members) {
      lang::KernelField f;
      f.name = m.name;
      f.offset = m.bit_offset / 8;
      f.bitfield_bits = m.bitfield_bits;
      if (m.bitfield_bits == 0 && m.bit_offset % 8 != 0) f.bitfield_bits = 1;  // not byte aligned: read like one
      f.c_type = m.c_type;
      f.type = to_lang(m.type);
      out.fields.push_back(std::move(f));
    }
    return out;
  }

  std::optional<uint64_t> kernel_symbol(const std::string& name, std::string& error) override {
    return tracefs_->kernel_symbol(name, error);
  }

  std::optional<uint64_t> cgroup_id(const std::string& path, std::string& error) override {
    return tracefs_->cgroup_id(path, error);
  }

  std::optional<lang::BinarySymbol> binary_symbol(const std::string& path, const std::string& name,
                                                  std::string& error) override {
    auto image = runtime::elf_image(path);
    if (!image) {
      error = image.error().message;
      return std::nullopt;
    }
    for (const auto& s : image->symbols) {
      if (s.name == name) return lang::BinarySymbol{s.address, s.size};
    }
    error = "no such symbol in its symbol tables";
    return std::nullopt;
  }

 private:
  std::unique_ptr<lang::KernelCatalog> tracefs_;
  std::map<std::string, std::vector<std::string>> functions_;
  std::map<std::string, lang::KernelFunction> kernel_functions_;
};

}  // namespace

std::unique_ptr<lang::KernelCatalog> make_system_catalog() { return std::make_unique<SystemCatalog>(); }

}  // namespace stratoshark::cli
