// Kernel function signatures from vmlinux BTF (libbpf).
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include <fmt/format.h>

#include "stratoshark/runtime/host.h"

namespace stratoshark::runtime {

namespace {

const btf_type* skip_modifiers(const struct btf* btf, uint32_t id, uint32_t* out_id = nullptr) {
  const btf_type* t = btf__type_by_id(btf, id);
  while (t != nullptr && (btf_is_typedef(t) || btf_is_const(t) || btf_is_volatile(t) || btf_is_restrict(t) ||
                          btf_is_type_tag(t))) {
    id = t->type;
    t = btf__type_by_id(btf, id);
  }
  if (out_id != nullptr) *out_id = id;
  return t;
}

// A C spelling of type `id`, e.g. "const char *", "struct sock *", "u32".
std::string type_name(const struct btf* btf, uint32_t id, int depth = 0) {
  const btf_type* t = btf__type_by_id(btf, id);
  if (id == 0 || t == nullptr) return "void";
  if (depth > 8) return "...";
  const char* n = btf__name_by_offset(btf, t->name_off);
  std::string name = n != nullptr ? n : "";
  switch (btf_kind(t)) {
    case BTF_KIND_PTR: {
      std::string inner = type_name(btf, t->type, depth + 1);
      return inner + (inner.back() == '*' ? "*" : " *");
    }
    case BTF_KIND_CONST: return "const " + type_name(btf, t->type, depth + 1);
    case BTF_KIND_VOLATILE: return "volatile " + type_name(btf, t->type, depth + 1);
    case BTF_KIND_RESTRICT:
    case BTF_KIND_TYPE_TAG: return type_name(btf, t->type, depth + 1);
    case BTF_KIND_STRUCT: return "struct " + name;
    case BTF_KIND_UNION: return "union " + name;
    case BTF_KIND_ENUM:
    case BTF_KIND_ENUM64: return "enum " + name;
    case BTF_KIND_FUNC_PROTO: return "function";
    default: return name.empty() ? "?" : name;
  }
}

BtfValue describe(const struct btf* btf, const char* name, uint32_t type_id) {
  BtfValue v;
  v.name = name != nullptr ? name : "";
  v.c_type = type_name(btf, type_id);
  const btf_type* t = skip_modifiers(btf, type_id);
  if (t == nullptr) return v;
  switch (btf_kind(t)) {
    case BTF_KIND_PTR:
      v.is_pointer = true;
      v.size = 8;
      break;
    case BTF_KIND_INT:
      v.size = t->size;
      v.is_signed = (btf_int_encoding(t) & BTF_INT_SIGNED) != 0;
      break;
    case BTF_KIND_ENUM:
    case BTF_KIND_ENUM64:
      v.size = t->size;
      v.is_signed = btf_kflag(t);
      break;
    default:
      v.is_integer = false;
      v.size = t->size;
      break;
  }
  return v;
}

}  // namespace

Result<KernelBtf*> KernelBtf::instance() {
  static std::once_flag once;
  static KernelBtf* loaded = nullptr;
  static int error = 0;
  std::call_once(once, [] {
    struct btf* btf = btf__load_vmlinux_btf();
    if (btf == nullptr) {
      error = errno;
      return;
    }
    auto* k = new KernelBtf();  // lives for the process, like the kernel's BTF
    k->btf_ = btf;
    uint32_t n = btf__type_cnt(btf);
    for (uint32_t id = 1; id < n; ++id) {
      const btf_type* t = btf__type_by_id(btf, id);
      if (t == nullptr || !btf_is_func(t)) continue;
      k->functions_.emplace_back(btf__name_by_offset(btf, t->name_off));
    }
    std::sort(k->functions_.begin(), k->functions_.end());
    k->functions_.erase(std::unique(k->functions_.begin(), k->functions_.end()), k->functions_.end());
    loaded = k;
  });
  if (loaded == nullptr) {
    return Error{ErrorKind::MissingFeature,
                 fmt::format("cannot read kernel BTF from /sys/kernel/btf/vmlinux: {}", std::strerror(error)),
                 "fentry and fexit need a kernel built with CONFIG_DEBUG_INFO_BTF", std::nullopt, {}};
  }
  return loaded;
}

Result<BtfFunction> KernelBtf::function(const std::string& name) const {
  int id = btf__find_by_name_kind(btf_, name.c_str(), BTF_KIND_FUNC);
  if (id <= 0) {
    return Error{ErrorKind::Environment, "kernel BTF describes no such function", "", std::nullopt, {}};
  }
  const btf_type* func = btf__type_by_id(btf_, static_cast<uint32_t>(id));
  const btf_type* proto = btf__type_by_id(btf_, func->type);
  if (proto == nullptr || !btf_is_func_proto(proto)) {
    return Error{ErrorKind::Environment, "its BTF has no prototype", "", std::nullopt, {}};
  }
  BtfFunction f;
  f.name = name;
  const btf_param* params = btf_params(proto);
  for (uint16_t i = 0; i < btf_vlen(proto); ++i) {
    if (params[i].type == 0) continue;  // variadic "..."
    f.params.push_back(describe(btf_, btf__name_by_offset(btf_, params[i].name_off), params[i].type));
  }
  if (proto->type != 0) f.result = describe(btf_, nullptr, proto->type);
  return f;
}

}  // namespace stratoshark::runtime
