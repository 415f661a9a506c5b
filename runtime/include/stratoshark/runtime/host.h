// What the host offers to attach to beyond tracefs: user-space binaries (ELF
// symbols, USDT notes) and kernel functions (kernel BTF). The compiler reaches
// these through its KernelCatalog interface (the CLI adapts one to the
// other), so lang needs neither libelf nor libbpf.
//
// Every function returns its answer or an Error whose message is one
// sentence; none of them prints.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stratoshark/runtime/error.h"

namespace stratoshark::runtime {

// The absolute path of `name`: a path (made absolute), a program on $PATH
// ("bash"), or a shared library ("libc", "libc.so.6", "libpthread") in the
// dynamic linker's directories.
Result<std::string> resolve_binary(const std::string& name);

// Names of the functions an ELF file defines, from .symtab and .dynsym,
// sorted and without duplicates.
Result<std::vector<std::string>> elf_functions(const std::string& path);

// The symbols of an ELF file with their addresses (functions and objects,
// from .symtab and .dynsym), and its loadable segments (to map a running
// process's addresses back to the file's).
struct ElfSymbol {
  std::string name;
  uint64_t address = 0;
  uint64_t size = 0;
  bool function = false;
};
struct ElfSegment {
  uint64_t file_offset = 0;
  uint64_t address = 0;
  uint64_t size = 0;  // in the file
};
struct ElfImage {
  std::vector<ElfSymbol> symbols;  // sorted by address
  std::vector<ElfSegment> segments;
};
Result<ElfImage> elf_image(const std::string& path);

// The file offset of the code of function `name` in an ELF file (what a
// uprobe attaches to), from its .symtab or .dynsym entries. Several entries
// may name it (glibc's versioned pthread_create@GLIBC_2.2.5 and
// pthread_create@@GLIBC_2.34) as long as they agree on the address; entries
// that disagree are an error.
Result<uint64_t> elf_function_offset(const std::string& path, const std::string& name);

struct UsdtNote {
  std::string provider;
  std::string name;
  uint32_t arg_count = 0;  // from the note's argument string
};
// The USDT probes of an ELF file (.note.stapsdt), in file order; one entry
// per probe site.
Result<std::vector<UsdtNote>> elf_usdt_notes(const std::string& path);

// Kernel functions from vmlinux BTF.
struct BtfValue {
  std::string name;    // empty for the return value
  std::string c_type;  // "struct sock *", "int", ...
  uint32_t size = 8;
  bool is_signed = false;
  bool is_pointer = false;
  bool is_integer = true;  // integers, enums, pointers
};
struct BtfFunction {
  std::string name;
  std::vector<BtfValue> params;
  std::optional<BtfValue> result;  // nullopt: void
};

// A member type of a kernel struct, as far as reading it needs: integers
// (and enums) by size and sign, pointers and arrays with what they hold,
// nested structs and unions by key ("struct task_struct", or
// "struct <anon #ID>" with the BTF id for anonymous ones).
struct BtfTypeRef {
  enum class Kind { Int, Bool, Pointer, Array, Struct, Union, Void, Other };
  Kind kind = Kind::Other;
  uint32_t size = 0;
  bool is_signed = false;
  bool is_char = false;  // `char` or `signed char`, not `unsigned char` (arrays of it are strings)
  bool user = false;     // a pointer tagged __user
  uint32_t length = 0;   // arrays
  std::string key;       // structs and unions
  std::shared_ptr<BtfTypeRef> inner;  // the pointee or element
};
struct BtfMember {
  std::string name;
  uint32_t bit_offset = 0;     // from the start of the struct
  uint32_t bitfield_bits = 0;  // non-zero for a bitfield
  std::string c_type;
  BtfTypeRef type;
};
// Members of anonymous structs and unions are listed in their parent.
struct BtfStruct {
  std::string key;
  bool is_union = false;
  uint32_t size = 0;
  std::vector<BtfMember> members;
};

class KernelBtf {
 public:
  // Loads /sys/kernel/btf/vmlinux once (libbpf's btf__load_vmlinux_btf).
  static Result<KernelBtf*> instance();
  const std::vector<std::string>& functions() const { return functions_; }
  Result<BtfFunction> function(const std::string& name) const;
  // A struct or union by key.
  Result<BtfStruct> structure(const std::string& key) const;

 private:
  KernelBtf() = default;
  struct btf* btf_ = nullptr;
  std::vector<std::string> functions_;
};

}  // namespace stratoshark::runtime
