// SymbolTables: addresses to names, for ksym()/usym() and stack frames.
//
// Kernel addresses resolve through /proc/kallsyms (read once). User
// addresses resolve through the process's /proc/PID/maps and the symbol
// tables of the ELF files mapped there (each file read once); a process
// that has exited can no longer be resolved, and its addresses are shown
// in hexadecimal, as bpftrace does.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stratoshark/runtime/host.h"

namespace stratoshark::runtime {

class SymbolTables {
 public:
  // "vfs_read", or "vfs_read+16" with the offset; "0x..." when unknown.
  std::string kernel(uint64_t address, bool with_offset);
  std::string user(uint32_t pid, uint64_t address, bool with_offset);
  // The path of the file mapped at `address` in process `pid`, or "".
  std::string module(uint32_t pid, uint64_t address);

 private:
  struct KernelSymbol {
    uint64_t address;
    std::string name;
  };
  struct Mapping {
    uint64_t start, end, file_offset;
    std::string path;
  };
  void load_kernel();
  const std::vector<Mapping>* mappings(uint32_t pid);
  const ElfImage* image(const std::string& path);

  bool kernel_loaded_ = false;
  std::vector<KernelSymbol> kernel_;
  std::map<uint32_t, std::optional<std::vector<Mapping>>> processes_;
  std::map<std::string, std::optional<ElfImage>> images_;
};

// "0x1234".
std::string hex_address(uint64_t address);

}  // namespace stratoshark::runtime
