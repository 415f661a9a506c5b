#include "symbols.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace stratoshark::runtime {

std::string hex_address(uint64_t address) { return fmt::format("0x{:x}", address); }

void SymbolTables::load_kernel() {
  kernel_loaded_ = true;
  std::ifstream in("/proc/kallsyms");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string address, kind, name;
    if (!(fields >> address >> kind >> name)) continue;
    uint64_t value = std::strtoull(address.c_str(), nullptr, 16);
    if (value == 0) continue;  // hidden (kptr_restrict)
    kernel_.push_back({value, std::move(name)});
  }
  // kallsyms lists aliases in order; keep it among equal addresses.
  std::vector<size_t> order(kernel_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return kernel_[a].address < kernel_[b].address || (kernel_[a].address == kernel_[b].address && a < b);
  });
  std::vector<KernelSymbol> sorted;
  sorted.reserve(kernel_.size());
  for (size_t i : order) sorted.push_back(std::move(kernel_[i]));
  kernel_ = std::move(sorted);
}

std::string SymbolTables::kernel(uint64_t address, bool with_offset) {
  if (!kernel_loaded_) load_kernel();
  auto it = std::upper_bound(kernel_.begin(), kernel_.end(), address,
                             [](uint64_t a, const KernelSymbol& s) { return a < s.address; });
  if (it == kernel_.begin() || address == 0) return hex_address(address);
  --it;
  // Several names at one address (aliases): the first one listed.
  while (it != kernel_.begin() && std::prev(it)->address == it->address) --it;
  uint64_t offset = address - it->address;
  return with_offset ? fmt::format("{}+{}", it->name, offset) : it->name;
}

const std::vector<SymbolTables::Mapping>* SymbolTables::mappings(uint32_t pid) {
  auto it = processes_.find(pid);
  if (it == processes_.end()) {
    std::optional<std::vector<Mapping>> maps;
    std::ifstream in(fmt::format("/proc/{}/maps", pid));
    if (in) {
      maps.emplace();
      std::string line;
      while (std::getline(in, line)) {
        // start-end perms offset dev inode path
        std::istringstream fields(line);
        std::string range, perms, offset, dev, inode, path;
        if (!(fields >> range >> perms >> offset >> dev >> inode)) continue;
        std::getline(fields >> std::ws, path);
        if (path.empty() || path[0] != '/') continue;
        auto dash = range.find('-');
        if (dash == std::string::npos) continue;
        maps->push_back({std::strtoull(range.substr(0, dash).c_str(), nullptr, 16),
                         std::strtoull(range.substr(dash + 1).c_str(), nullptr, 16),
                         std::strtoull(offset.c_str(), nullptr, 16), path});
      }
    }
    it = processes_.emplace(pid, std::move(maps)).first;
  }
  return it->second ? &*it->second : nullptr;
}

const ElfImage* SymbolTables::image(const std::string& path) {
  auto it = images_.find(path);
  if (it == images_.end()) {
    auto loaded = elf_image(path);
    it = images_.emplace(path, loaded ? std::optional<ElfImage>(std::move(*loaded)) : std::nullopt).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::string SymbolTables::module(uint32_t pid, uint64_t address) {
  const auto* maps = mappings(pid);
  if (maps == nullptr) return {};
  for (const Mapping& m : *maps) {
    if (address >= m.start && address < m.end) return m.path;
  }
  return {};
}

std::string SymbolTables::user(uint32_t pid, uint64_t address, bool with_offset) {
  const auto* maps = mappings(pid);
  if (maps == nullptr) return hex_address(address);
  for (const Mapping& m : *maps) {
    if (address < m.start || address >= m.end) continue;
    const ElfImage* elf = image(m.path);
    if (elf == nullptr) return hex_address(address);
    // The process address -> the file offset -> the address in the ELF file.
    uint64_t file_offset = address - m.start + m.file_offset;
    uint64_t elf_address = file_offset;
    for (const ElfSegment& s : elf->segments) {
      if (file_offset >= s.file_offset && file_offset < s.file_offset + s.size) {
        elf_address = file_offset - s.file_offset + s.address;
        break;
      }
    }
    auto sym = std::upper_bound(elf->symbols.begin(), elf->symbols.end(), elf_address,
                                [](uint64_t a, const ElfSymbol& s) { return a < s.address; });
    if (sym == elf->symbols.begin()) return hex_address(address);
    --sym;
    // Prefer a function covering the address over an alias without a size.
    uint64_t offset = elf_address - sym->address;
    if (sym->size != 0 && offset >= sym->size) return hex_address(address);
    return with_offset ? fmt::format("{}+{}", sym->name, offset) : sym->name;
  }
  return hex_address(address);
}

}  // namespace stratoshark::runtime
