// check_types(): type names and kernel structs.
//
// Type names in casts, sizeof() and offsetof() are the built-in integer
// names or kernel structs and unions from BTF (through the KernelCatalog).
// A member read (p->pid, p.se.vruntime) is typed here and recorded in
// SemaResult::members; codegen emits it as a CO-RE relocated read, so the
// kernel's own layout decides the offset when the program is loaded.
#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"
#include "type_checker.h"

namespace stratoshark::lang {

std::optional<Type> TypeChecker::resolve_type(const TypeName& name) {
  Type t = Type::none();
  if (auto builtin = builtin_type_name(name.base)) {
    t = *builtin;
  } else if (name.base.rfind("struct ", 0) == 0 || name.base.rfind("union ", 0) == 0) {
    const KernelStruct* s = kernel_struct(name.base, name.loc);
    if (s == nullptr) return std::nullopt;
    t = Type::struct_type(s->key, s->size);
  } else {
    diags_->error(name.loc, fmt::format("unknown type '{}'", name.base),
                  "types are int8 .. int64, uint8 .. uint64, bool, and kernel structs: struct task_struct");
    return std::nullopt;
  }
  bool user = user_space_probe(*probe_);
  for (uint32_t i = 0; i < name.pointer_depth; ++i) t = Type::pointer(std::move(t), user);
  if (t.kind == TypeKind::Void) {
    diags_->error(name.loc, "'void' is not a type of values", "write void * for an untyped pointer");
    return std::nullopt;
  }
  if (name.is_array) {
    if (!t.is_int() && !t.is_pointer()) {
      diags_->error(name.loc, fmt::format("arrays of {} are not supported", t.to_string()),
                    "array elements are integers or pointers, e.g. uint8[4]");
      return std::nullopt;
    }
    t = Type::array(std::move(t), name.array_length);
  }
  return t;
}

const KernelStruct* TypeChecker::find_kernel_struct(const std::string& key) {
  auto it = structs_.find(key);
  if (it == structs_.end()) {
    CachedStruct entry;
    entry.layout = ctx_.catalog.kernel_struct(key, entry.error);
    it = structs_.emplace(key, std::move(entry)).first;
  }
  return it->second.layout ? &*it->second.layout : nullptr;
}

const KernelStruct* TypeChecker::kernel_struct(const std::string& key, SourceRange where) {
  if (const KernelStruct* s = find_kernel_struct(key)) return s;
  diags_->error(where, fmt::format("cannot use {}: {}", key, structs_.at(key).error),
                "kernel structs and unions come from the kernel's BTF (/sys/kernel/btf/vmlinux)");
  return nullptr;
}

bool TypeChecker::complete(Type& t, SourceRange where) {
  if (t.kind != TypeKind::Struct || t.size != 0) return true;
  const KernelStruct* s = kernel_struct(t.name, where);
  if (s == nullptr) return false;
  t.size = s->size;
  return true;
}

Type TypeChecker::struct_member(const Type& base, const std::string& name, SourceRange where,
                                const KernelField** member) {
  const KernelStruct* s = kernel_struct(base.name, where);
  if (s == nullptr) return Type::none();
  const KernelField* found = nullptr;
  for (const KernelField& f : s->fields) {
    if (f.name == name) {
      found = &f;
      break;
    }
  }
  if (found == nullptr) {
    std::vector<std::string> names;
    for (const KernelField& f : s->fields) names.push_back(f.name);
    std::string suggestion = closest_match(name, names);
    diags_->error(where, fmt::format("{} has no field '{}'", s->key, name),
                  suggestion.empty() ? fmt::format("see its fields with: bpftool btf dump file /sys/kernel/btf/vmlinux "
                                                   "format c | grep -A40 '^{} {{'",
                                                   s->key)
                                     : fmt::format("did you mean '{}'?", suggestion));
    return Type::none();
  }
  if (found->bitfield_bits != 0) {
    diags_->error(where, fmt::format("{}.{} is a bitfield ({} bit{}), which cannot be read yet", s->key, name,
                                     found->bitfield_bits, found->bitfield_bits == 1 ? "" : "s"),
                  "read the word that holds it and mask: stratoshark cannot relocate bitfields");
    return Type::none();
  }
  if (found->type.is_none()) {
    diags_->error(where, fmt::format("{}.{} has type {}, which cannot be read yet", s->key, name, found->c_type),
                  "integers, pointers, arrays, strings (char arrays) and nested structs can be read");
    return Type::none();
  }
  if (member != nullptr) *member = found;
  Type t = found->type;
  // Memory reached through user memory is user memory.
  if (base.user && (t.is_pointer() || t.kind == TypeKind::Struct)) t.user = true;
  return t;
}

}  // namespace stratoshark::lang
