// ELF symbols and USDT notes of user-space binaries, read with libelf.
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "stratoshark/runtime/host.h"

namespace stratoshark::runtime {

namespace {

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Directories the dynamic linker searches on Debian and most distributions.
constexpr const char* kLibraryDirs[] = {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64",
                                        "/lib", "/usr/lib", "/usr/local/lib"};

std::optional<std::string> find_library(const std::string& name) {
  // "libc" -> libc.so, libc.so.N (the highest version found); "libc.so.6" as is.
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("LD_LIBRARY_PATH")) {
    std::string list = env;
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t colon = list.find(':', pos);
      std::string dir = list.substr(pos, colon == std::string::npos ? std::string::npos : colon - pos);
      if (!dir.empty()) dirs.push_back(dir);
      if (colon == std::string::npos) break;
      pos = colon + 1;
    }
  }
  for (const char* d : kLibraryDirs) dirs.emplace_back(d);
  bool versioned = name.find(".so") != std::string::npos;
  for (const auto& dir : dirs) {
    if (versioned) {
      if (is_file(dir + "/" + name)) return std::filesystem::canonical(dir + "/" + name).string();
      continue;
    }
    // Prefer a versioned file (libc.so.6): the unversioned one is often a
    // linker script for the compiler, not a shared object.
    std::error_code ec;
    std::string best;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      std::string file = entry.path().filename().string();
      if (file.rfind(name + ".so", 0) != 0) continue;
      std::string rest = file.substr(name.size() + 3);  // "", ".6", ".1.2"
      if (!rest.empty() && rest[0] != '.') continue;
      bool better = best.empty() || (best == name + ".so" && !rest.empty()) || (!rest.empty() && file < best);
      if (better) best = file;
    }
    if (!best.empty()) return std::filesystem::canonical(dir + "/" + best).string();
  }
  return std::nullopt;
}

// Opens `path` with libelf and calls `use` with it; returns use's error, if any.
Status with_elf(const std::string& path, const std::function<Status(Elf*)>& use) {
  if (elf_version(EV_CURRENT) == EV_NONE) {
    return Error{ErrorKind::Environment, "libelf is unusable", "", std::nullopt, {}};
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Error{ErrorKind::Environment, fmt::format("cannot open {}: {}", path, std::strerror(errno)), "",
                 std::nullopt, {}};
  }
  Elf* elf = elf_begin(fd, ELF_C_READ, nullptr);
  if (elf == nullptr || elf_kind(elf) != ELF_K_ELF) {
    if (elf != nullptr) elf_end(elf);
    ::close(fd);
    return Error{ErrorKind::Environment, fmt::format("{} is not an ELF file", path), "", std::nullopt, {}};
  }
  Status s = use(elf);
  elf_end(elf);
  ::close(fd);
  return s;
}

}  // namespace

Result<std::string> resolve_binary(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    if (!is_file(name)) {
      return Error{ErrorKind::Environment, fmt::format("{} does not exist or is not a file", name), "", std::nullopt,
                   {}};
    }
    return std::filesystem::canonical(name).string();
  }
  if (name.rfind("lib", 0) == 0) {
    if (auto lib = find_library(name)) return *lib;
  }
  if (const char* path_env = std::getenv("PATH")) {
    std::string list = path_env;
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t colon = list.find(':', pos);
      std::string dir = list.substr(pos, colon == std::string::npos ? std::string::npos : colon - pos);
      std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (is_file(candidate) && ::access(candidate.c_str(), X_OK) == 0) {
        return std::filesystem::canonical(candidate).string();
      }
      if (colon == std::string::npos) break;
      pos = colon + 1;
    }
  }
  return Error{ErrorKind::Environment,
               fmt::format("no program '{}' on $PATH and no library '{}' in the linker's directories", name, name), "",
               std::nullopt, {}};
}

namespace {

// Calls `use` with the base name ("malloc" for "malloc@@GLIBC_2.2.5") and the
// entry of every function (and, with `objects`, every data object) that
// `elf` defines, from .symtab and .dynsym.
void for_each_symbol(Elf* elf, bool objects, const std::function<void(std::string_view, const GElf_Sym&)>& use) {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr shdr;
    if (gelf_getshdr(scn, &shdr) == nullptr) continue;
    if (shdr.sh_type != SHT_SYMTAB && shdr.sh_type != SHT_DYNSYM) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr || shdr.sh_entsize == 0) continue;
    size_t count = shdr.sh_size / shdr.sh_entsize;
    for (size_t i = 0; i < count; ++i) {
      GElf_Sym sym;
      if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) continue;
      int type = GELF_ST_TYPE(sym.st_info);
      bool wanted = type == STT_FUNC || type == STT_GNU_IFUNC || (objects && type == STT_OBJECT);
      if (!wanted || sym.st_shndx == SHN_UNDEF || sym.st_value == 0) continue;
      const char* name = elf_strptr(elf, shdr.sh_link, sym.st_name);
      if (name == nullptr || *name == '\0') continue;
      // Versioned dynamic names ("malloc@@GLIBC_2.2.5") are not in .dynsym's
      // string table; only .symtab of some builds has them. Keep the base name.
      std::string_view base(name);
      use(base.substr(0, base.find('@')), sym);
    }
  }
}

void for_each_function(Elf* elf, const std::function<void(std::string_view, const GElf_Sym&)>& use) {
  for_each_symbol(elf, false, use);
}

}  // namespace

Result<ElfImage> elf_image(const std::string& path) {
  ElfImage image;
  Status s = with_elf(path, [&](Elf* elf) -> Status {
    size_t phnum = 0;
    if (elf_getphdrnum(elf, &phnum) == 0) {
      for (size_t i = 0; i < phnum; ++i) {
        GElf_Phdr phdr;
        if (gelf_getphdr(elf, static_cast<int>(i), &phdr) == nullptr || phdr.p_type != PT_LOAD) continue;
        image.segments.push_back({phdr.p_offset, phdr.p_vaddr, phdr.p_filesz});
      }
    }
    for_each_symbol(elf, true, [&](std::string_view name, const GElf_Sym& sym) {
      int type = GELF_ST_TYPE(sym.st_info);
      image.symbols.push_back({std::string(name), sym.st_value, sym.st_size, type != STT_OBJECT});
    });
    return {};
  });
  if (!s) return s.error();
  std::sort(image.symbols.begin(), image.symbols.end(), [](const ElfSymbol& a, const ElfSymbol& b) {
    return a.address < b.address || (a.address == b.address && a.name < b.name);
  });
  return image;
}

Result<std::vector<std::string>> elf_functions(const std::string& path) {
  auto image = elf_image(path);
  if (!image) return image.error();
  std::vector<std::string> names;
  for (const ElfSymbol& s : image->symbols) {
    if (s.function) names.push_back(s.name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Result<uint64_t> elf_function_offset(const std::string& path, const std::string& name) {
  std::optional<uint64_t> address;
  uint64_t offset = 0;
  Status s = with_elf(path, [&](Elf* elf) -> Status {
    std::optional<uint64_t> other;
    for_each_function(elf, [&](std::string_view base, const GElf_Sym& sym) {
      if (base != name) return;
      if (address && *address != sym.st_value) other = sym.st_value;
      if (!address) address = sym.st_value;
    });
    if (address && other) {
      return Error{ErrorKind::Environment,
                   fmt::format("{} defines '{}' at two addresses ({:#x} and {:#x})", path, name, *address, *other), "",
                   std::nullopt, {}};
    }
    if (!address) {
      return Error{ErrorKind::Environment, fmt::format("{} defines no function '{}'", path, name), "", std::nullopt,
                   {}};
    }
    // The loadable segment that holds the address maps it to the file.
    size_t phnum = 0;
    if (elf_getphdrnum(elf, &phnum) != 0) phnum = 0;
    for (size_t i = 0; i < phnum; ++i) {
      GElf_Phdr phdr;
      if (gelf_getphdr(elf, static_cast<int>(i), &phdr) == nullptr || phdr.p_type != PT_LOAD) continue;
      if (*address >= phdr.p_vaddr && *address < phdr.p_vaddr + phdr.p_memsz) {
        offset = *address - phdr.p_vaddr + phdr.p_offset;
        return {};
      }
    }
    return Error{ErrorKind::Environment,
                 fmt::format("the address of '{}' in {} lies in no loadable segment", name, path), "", std::nullopt,
                 {}};
  });
  if (!s) return s.error();
  return offset;
}

Result<std::vector<UsdtNote>> elf_usdt_notes(const std::string& path) {
  std::vector<UsdtNote> notes;
  Status s = with_elf(path, [&](Elf* elf) -> Status {
    size_t shstrndx = 0;
    if (elf_getshdrstrndx(elf, &shstrndx) != 0) return {};
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf, scn)) != nullptr) {
      GElf_Shdr shdr;
      if (gelf_getshdr(scn, &shdr) == nullptr || shdr.sh_type != SHT_NOTE) continue;
      const char* section = elf_strptr(elf, shstrndx, shdr.sh_name);
      if (section == nullptr || std::strcmp(section, ".note.stapsdt") != 0) continue;
      Elf_Data* data = elf_getdata(scn, nullptr);
      if (data == nullptr) continue;
      size_t offset = 0, name_off = 0, desc_off = 0;
      GElf_Nhdr nhdr;
      while ((offset = gelf_getnote(data, offset, &nhdr, &name_off, &desc_off)) > 0) {
        const char* owner = static_cast<const char*>(data->d_buf) + name_off;
        if (nhdr.n_type != 3 || nhdr.n_namesz != 8 || std::strncmp(owner, "stapsdt", 8) != 0) continue;
        // desc: pc, base, semaphore (3 addresses), then provider\0name\0args\0
        const char* desc = static_cast<const char*>(data->d_buf) + desc_off;
        size_t addresses = 3 * (gelf_getclass(elf) == ELFCLASS32 ? 4 : 8);
        if (nhdr.n_descsz <= addresses) continue;
        const char* end = desc + nhdr.n_descsz;
        const char* p = desc + addresses;
        auto next = [&](std::string& out) {
          const char* z = static_cast<const char*>(std::memchr(p, '\0', static_cast<size_t>(end - p)));
          if (z == nullptr) return false;
          out.assign(p, z);
          p = z + 1;
          return true;
        };
        UsdtNote note;
        std::string args;
        if (!next(note.provider) || !next(note.name)) continue;
        if (next(args)) {
          // Arguments are separated by spaces: "-4@%eax 8@-8(%rbp)".
          bool in_arg = false;
          for (char c : args) {
            if (c != ' ' && !in_arg) ++note.arg_count;
            in_arg = c != ' ';
          }
        }
        notes.push_back(std::move(note));
      }
    }
    return {};
  });
  if (!s) return s.error();
  return notes;
}

}  // namespace stratoshark::runtime
