// Kernel function signatures from vmlinux BTF (libbpf).
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include <algorithm>
#include <cstdio>
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

std::string composite_key(const struct btf* btf, uint32_t id, const btf_type* t) {
  const char* n = btf__name_by_offset(btf, t->name_off);
  std::string kind = btf_is_union(t) ? "union " : "struct ";
  if (n == nullptr || *n == '\0') return fmt::format("{}<anon #{}>", kind, id);
  return kind + n;
}

BtfTypeRef describe_ref(const struct btf* btf, uint32_t id, int depth) {
  BtfTypeRef r;
  if (depth > 8) return r;
  const btf_type* t = skip_modifiers(btf, id, &id);
  if (id == 0 || t == nullptr) {
    r.kind = BtfTypeRef::Kind::Void;
    return r;
  }
  switch (btf_kind(t)) {
    case BTF_KIND_INT: {
      uint8_t encoding = btf_int_encoding(t);
      r.kind = (encoding & BTF_INT_BOOL) != 0 ? BtfTypeRef::Kind::Bool : BtfTypeRef::Kind::Int;
      r.size = t->size;
      r.is_signed = (encoding & BTF_INT_SIGNED) != 0;
      const char* n = btf__name_by_offset(btf, t->name_off);
      // Only `char` itself: arrays of unsigned char (__u8 addresses, hashes)
      // are bytes, as in tracepoint formats (ntop(skc_v6_daddr.in6_u.u6_addr8)).
      r.is_char = t->size == 1 && n != nullptr && (std::strcmp(n, "char") == 0 || std::strcmp(n, "signed char") == 0);
      break;
    }
    case BTF_KIND_ENUM:
    case BTF_KIND_ENUM64:
      r.kind = BtfTypeRef::Kind::Int;
      r.size = t->size;
      r.is_signed = btf_kflag(t);
      break;
    case BTF_KIND_PTR: {
      r.kind = BtfTypeRef::Kind::Pointer;
      r.size = 8;
      // The pointee's own tags say where it lives: char __user * is PTR -> TYPE_TAG(user) -> char.
      r.inner = std::make_shared<BtfTypeRef>(describe_ref(btf, t->type, depth + 1));
      const btf_type* p = btf__type_by_id(btf, t->type);
      while (p != nullptr && (btf_is_type_tag(p) || btf_is_const(p) || btf_is_volatile(p) || btf_is_typedef(p))) {
        if (btf_is_type_tag(p)) {
          const char* tag = btf__name_by_offset(btf, p->name_off);
          r.user = r.user || (tag != nullptr && std::strcmp(tag, "user") == 0);
        }
        p = btf__type_by_id(btf, p->type);
      }
      break;
    }
    case BTF_KIND_ARRAY: {
      const struct btf_array* a = btf_array(t);
      r.kind = BtfTypeRef::Kind::Array;
      r.length = a->nelems;
      r.inner = std::make_shared<BtfTypeRef>(describe_ref(btf, a->type, depth + 1));
      r.size = r.inner->size * a->nelems;
      break;
    }
    case BTF_KIND_STRUCT:
    case BTF_KIND_UNION:
      r.kind = btf_is_union(t) ? BtfTypeRef::Kind::Union : BtfTypeRef::Kind::Struct;
      r.size = t->size;
      r.key = composite_key(btf, id, t);
      break;
    default:
      r.kind = BtfTypeRef::Kind::Other;
      break;
  }
  return r;
}

void flatten_members(const struct btf* btf, const btf_type* t, uint32_t base_bits, std::vector<BtfMember>& out,
                     int depth) {
  const btf_member* members = btf_members(t);
  for (uint16_t i = 0; i < btf_vlen(t); ++i) {
    const char* n = btf__name_by_offset(btf, members[i].name_off);
    uint32_t bits = base_bits + btf_member_bit_offset(t, i);
    if (n == nullptr || *n == '\0') {
      const btf_type* inner = skip_modifiers(btf, members[i].type);
      if (inner != nullptr && btf_is_composite(inner) && depth < 16) flatten_members(btf, inner, bits, out, depth + 1);
      continue;
    }
    BtfMember m;
    m.name = n;
    m.bit_offset = bits;
    m.bitfield_bits = btf_member_bitfield_size(t, i);
    m.c_type = type_name(btf, members[i].type);
    m.type = describe_ref(btf, members[i].type, 0);
    out.push_back(std::move(m));
  }
}

}  // namespace

Result<BtfStruct> KernelBtf::structure(const std::string& key) const {
  int id = -1;
  bool is_union = key.rfind("union ", 0) == 0;
  std::string name = key.substr(key.find(' ') + 1);
  if (unsigned anon = 0; std::sscanf(name.c_str(), "<anon #%u>", &anon) == 1) {
    id = static_cast<int>(anon);
  } else if (key.rfind("struct ", 0) == 0 || is_union) {
    id = btf__find_by_name_kind(btf_, name.c_str(), is_union ? BTF_KIND_UNION : BTF_KIND_STRUCT);
  }
  const btf_type* t = id > 0 ? btf__type_by_id(btf_, static_cast<uint32_t>(id)) : nullptr;
  if (t == nullptr || !btf_is_composite(t)) {
    return Error{ErrorKind::Environment, "kernel BTF has no such " + std::string(is_union ? "union" : "struct"), "",
                 std::nullopt, {}};
  }
  BtfStruct s;
  s.key = composite_key(btf_, static_cast<uint32_t>(id), t);
  s.is_union = btf_is_union(t);
  s.size = t->size;
  flatten_members(btf_, t, 0, s.members, 0);
  return s;
}

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
