// KernelCatalog: what the running kernel offers to attach to, as the compiler
// needs it (wildcard expansion, tracepoint argument layouts, feature checks).
// Passes only see this interface, so tests can substitute a fixed catalog.
// It is also the only way host facts may reach the passes: the CLI's compile
// cache wraps it and keys cached programs on every question and answer
// (cli/compile_cache.h), so a new method needs a recording override there.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratoshark/lang/types.h"

namespace stratoshark::lang {

// One field of a tracepoint's record, from tracefs' `format` file.
struct TracepointField {
  std::string name;
  std::string c_type;    // as written by the kernel, e.g. "const char *"
  uint32_t offset = 0;
  uint32_t size = 0;
  bool is_signed = false;
  bool data_loc = false;  // __data_loc: a u32 holding (length << 16 | offset)
  bool is_array = false;
  uint32_t array_length = 0;
  bool is_pointer = false;
  bool common = false;    // common_* header fields

  // The language type of the field, or None with `unsupported` set.
  Type type;
  std::string unsupported;
};

// One parameter (or the return value) of a kernel function, from kernel BTF.
struct KernelFunctionValue {
  std::string name;    // empty for the return value
  std::string c_type;  // e.g. "struct sock *", "int"
  uint32_t size = 8;   // bytes of the value (pointers: 8)
  bool is_signed = false;
  bool is_pointer = false;
  bool is_integer = true;  // integers, enums and pointers; false for structs passed by value
};

// A kernel function's signature, as fentry/fexit see it.
struct KernelFunction {
  std::string name;
  std::vector<KernelFunctionValue> params;
  std::optional<KernelFunctionValue> result;  // nullopt for void
};

// One member of a kernel struct or union, from kernel BTF. Members of
// anonymous structs and unions are listed in the parent, at their offsets
// from the parent's start (as C lets them be named).
struct KernelField {
  std::string name;
  uint32_t offset = 0;         // bytes from the start of the struct
  uint32_t bitfield_bits = 0;  // non-zero for a bitfield
  std::string c_type;          // e.g. "pid_t", "struct task_struct *"
  // Int, Pointer, Array, String (char arrays) or Struct (a nested struct or
  // union, by key); None when the member cannot be read (`c_type` says why).
  Type type;
};

// A kernel struct or union. Its key names it: "struct task_struct",
// "union ...", or for anonymous ones "struct <anon #ID>" with the BTF id.
struct KernelStruct {
  std::string key;
  bool is_union = false;
  uint32_t size = 0;
  std::vector<KernelField> fields;
};

// An ELF symbol: where it is in the file's address space and its size.
struct BinarySymbol {
  uint64_t address = 0;
  uint64_t size = 0;
};

// The type a C declaration's type names, for tracepoint fields and kernel
// function parameters: integers by their C names, pointers (to integers,
// structs, unions, void or pointers), with `user` for pointers into user
// memory. Unknown names are void (pointers) or None.
Type type_from_c(std::string_view c_type, uint32_t bytes, bool is_signed, bool user);

// A USDT probe found in an ELF file's .note.stapsdt section.
struct UsdtProbe {
  std::string provider;
  std::string name;
  uint32_t arg_count = 0;
};

// Parses the text of events/<category>/<name>/format. Unparseable lines are
// skipped; the result holds the fields in record order. Pointer fields point
// into user memory when `user_pointers` (the syscalls category), else into
// kernel memory.
std::vector<TracepointField> parse_tracepoint_format(std::string_view text, uint32_t string_capacity,
                                                    bool user_pointers = false);

class KernelCatalog {
 public:
  virtual ~KernelCatalog() = default;
  // Every tracepoint as "category:event", in the kernel's order.
  virtual const std::vector<std::string>& tracepoints() = 0;
  // Whether "category:event" exists (the default scans tracepoints()).
  virtual bool has_tracepoint(const std::string& category_event);
  // The raw format text of one tracepoint, or nullopt when it does not exist.
  virtual std::optional<std::string> tracepoint_format(std::string_view category, std::string_view event) = 0;
  // Whether kprobes can be created (CONFIG_KPROBES and its tracefs/PMU interface).
  virtual bool has_kprobes() = 0;
  // Kernel functions that kprobes can attach to (empty when unknown).
  virtual const std::vector<std::string>& kprobe_functions() = 0;

  // User-space binaries and kernel BTF. These need libelf and libbpf, which
  // lang does not use: the defaults report "not available" and the host
  // implementation lives outside lang (cli/host_catalog, backed by
  // runtime/host). On failure they return nullopt with `error` set to one
  // sentence.
  //
  // The absolute path of a binary named as a path, a program on $PATH
  // ("bash") or a shared library ("libc", "libc.so.6").
  virtual std::optional<std::string> resolve_binary(const std::string& name, std::string& error);
  // The functions an ELF file defines (.symtab and .dynsym).
  virtual std::optional<std::vector<std::string>> binary_functions(const std::string& path, std::string& error);
  // The USDT probes of an ELF file.
  virtual std::optional<std::vector<UsdtProbe>> binary_usdt_probes(const std::string& path, std::string& error);
  // Every function kernel BTF describes (for fentry wildcards); empty when unknown.
  virtual const std::vector<std::string>& kernel_btf_functions();
  // One kernel function's signature from BTF.
  virtual std::optional<KernelFunction> kernel_function(const std::string& name, std::string& error);
  // A kernel struct or union from BTF, by key ("struct task_struct").
  virtual std::optional<KernelStruct> kernel_struct(const std::string& key, std::string& error);
  // The address of a kernel symbol (/proc/kallsyms).
  virtual std::optional<uint64_t> kernel_symbol(const std::string& name, std::string& error);
  // An ELF symbol of a binary (.symtab, then .dynsym).
  virtual std::optional<BinarySymbol> binary_symbol(const std::string& path, const std::string& name,
                                                    std::string& error);
  // The cgroup v2 id of the cgroup directory at `path`.
  virtual std::optional<uint64_t> cgroup_id(const std::string& path, std::string& error);
};

// The catalog of the running kernel, read from tracefs (default
// /sys/kernel/tracing, falling back to /sys/kernel/debug/tracing).
std::unique_ptr<KernelCatalog> make_host_catalog(std::string tracefs_root = {});

}  // namespace stratoshark::lang
