#include "compile_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace stratoshark::cli {

namespace {

constexpr char kMagic[8] = {'S', 'S', 'C', 'C', '0', '0', '0', '1'};
constexpr const char* kSuffix = ".ssc";
// Past this many entries, the least recently used go until kKeepEntries remain.
constexpr size_t kMaxEntries = 256;
constexpr size_t kKeepEntries = 192;

struct EntryHeader {
  char magic[8];
  uint64_t json_size;
  uint64_t elf_size;
  uint64_t checksum;  // XXH3-64 of the JSON and the ELF
};

uint64_t checksum_of(const std::string& json, const std::vector<uint8_t>& elf) {
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, json.data(), json.size());
  XXH3_64bits_update(&state, elf.data(), elf.size());
  return XXH3_64bits_digest(&state);
}

// Owned by the effective user and writable by no one else.
bool safe(const struct stat& st) { return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0; }

bool read_all(int fd, void* buffer, size_t size) {
  auto* p = static_cast<char*>(buffer);
  while (size > 0) {
    ssize_t n = ::read(fd, p, size);
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool write_all(int fd, const void* buffer, size_t size) {
  const auto* p = static_cast<const char*>(buffer);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

std::string cache_directory() {
  if (const char* dir = std::getenv("STRATOSHARK_CACHE_DIR"); dir != nullptr && *dir != '\0') return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return std::string(xdg) + "/stratoshark";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    return std::string(home) + "/.cache/stratoshark";
  }
  return {};
}

// Creates `path` and its missing parents (mode 0700).
bool make_directories(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    std::string prefix = path.substr(0, slash);
    if (::mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

// Removes the least recently used entries when there are too many.
void evict(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::pair<int64_t, std::string>> entries;
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.size() <= std::strlen(kSuffix) || !name.ends_with(kSuffix)) continue;
    struct stat st {};
    std::string path = dir + "/" + std::string(name);
    if (::stat(path.c_str(), &st) == 0) entries.emplace_back(st.st_mtim.tv_sec, std::move(path));
  }
  ::closedir(d);
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (size_t i = 0; i + kKeepEntries < entries.size(); ++i) ::unlink(entries[i].second.c_str());
}

// Records each question and its answer in the key; answers the same as `inner`.
class FingerprintCatalog final : public lang::KernelCatalog {
 public:
  FingerprintCatalog(lang::KernelCatalog& inner, CompileKey& key) : inner_(inner), key_(key) {}

  const std::vector<std::string>& tracepoints() override {
    const auto& all = inner_.tracepoints();
    record_list_once("tracepoints", all, tracepoints_recorded_);
    return all;
  }
  bool has_tracepoint(const std::string& category_event) override {
    bool has = inner_.has_tracepoint(category_event);
    key_.add("has_tracepoint " + category_event, has ? 1 : 0);
    return has;
  }
  std::optional<std::string> tracepoint_format(std::string_view category, std::string_view event) override {
    auto format = inner_.tracepoint_format(category, event);
    key_.add(fmt::format("tracepoint_format {}:{}", category, event), format ? *format : std::string("\x01none"));
    return format;
  }
  bool has_kprobes() override {
    bool has = inner_.has_kprobes();
    key_.add("has_kprobes", has ? 1 : 0);
    return has;
  }
  const std::vector<std::string>& kprobe_functions() override {
    const auto& all = inner_.kprobe_functions();
    record_list_once("kprobe_functions", all, kprobe_functions_recorded_);
    return all;
  }
  std::optional<std::string> resolve_binary(const std::string& name, std::string& error) override {
    auto path = inner_.resolve_binary(name, error);
    key_.add("resolve_binary " + name, path ? *path : "\x01" + error);
    return path;
  }
  std::optional<std::vector<std::string>> binary_functions(const std::string& path, std::string& error) override {
    auto functions = inner_.binary_functions(path, error);
    record_optional_list("binary_functions " + path, functions, error);
    return functions;
  }
  std::optional<std::vector<lang::UsdtProbe>> binary_usdt_probes(const std::string& path, std::string& error) override {
    auto probes = inner_.binary_usdt_probes(path, error);
    std::string answer = probes ? "" : "\x01" + error;
    if (probes) {
      for (const auto& p : *probes) answer += fmt::format("{}:{}:{}\n", p.provider, p.name, p.arg_count);
    }
    key_.add("binary_usdt_probes " + path, answer);
    return probes;
  }
  const std::vector<std::string>& kernel_btf_functions() override {
    const auto& all = inner_.kernel_btf_functions();
    record_list_once("kernel_btf_functions", all, btf_functions_recorded_);
    return all;
  }
  std::optional<lang::KernelFunction> kernel_function(const std::string& name, std::string& error) override {
    auto f = inner_.kernel_function(name, error);
    std::string answer = f ? "" : "\x01" + error;
    auto value = [](const lang::KernelFunctionValue& v) {
      return fmt::format("{}|{}|{}|{}|{}|{}\n", v.name, v.c_type, v.size, v.is_signed, v.is_pointer, v.is_integer);
    };
    if (f) {
      for (const auto& p : f->params) answer += value(p);
      answer += f->result ? "=" + value(*f->result) : "=void";
    }
    key_.add("kernel_function " + name, answer);
    return f;
  }
  std::optional<lang::KernelStruct> kernel_struct(const std::string& key, std::string& error) override {
    auto s = inner_.kernel_struct(key, error);
    std::string answer = s ? fmt::format("{}|{}\n", s->is_union, s->size) : "\x01" + error;
    if (s) {
      for (const auto& f : s->fields) {
        answer += fmt::format("{}|{}|{}|{}|{}\n", f.name, f.offset, f.bitfield_bits, f.c_type, f.type.to_string());
      }
    }
    key_.add("kernel_struct " + key, answer);
    return s;
  }
  std::optional<uint64_t> kernel_symbol(const std::string& name, std::string& error) override {
    auto address = inner_.kernel_symbol(name, error);
    key_.add("kernel_symbol " + name, address ? std::to_string(*address) : "\x01" + error);
    return address;
  }
  std::optional<lang::BinarySymbol> binary_symbol(const std::string& path, const std::string& name,
                                                  std::string& error) override {
    auto symbol = inner_.binary_symbol(path, name, error);
    key_.add(fmt::format("binary_symbol {} {}", path, name),
             symbol ? fmt::format("{}|{}", symbol->address, symbol->size) : "\x01" + error);
    return symbol;
  }
  std::optional<uint64_t> cgroup_id(const std::string& path, std::string& error) override {
    auto id = inner_.cgroup_id(path, error);
    key_.add("cgroup_id " + path, id ? std::to_string(*id) : "\x01" + error);
    return id;
  }

 private:
  void record_list_once(std::string_view tag, const std::vector<std::string>& list, bool& recorded) {
    if (recorded) return;
    recorded = true;
    std::string joined;
    for (const auto& s : list) joined.append(s).push_back('\n');
    key_.add(tag, joined);
  }
  void record_optional_list(const std::string& tag, const std::optional<std::vector<std::string>>& list,
                            const std::string& error) {
    if (!list) {
      key_.add(tag, "\x01" + error);
      return;
    }
    bool unused = false;
    record_list_once(tag, *list, unused);
  }

  lang::KernelCatalog& inner_;
  CompileKey& key_;
  bool tracepoints_recorded_ = false;
  bool kprobe_functions_recorded_ = false;
  bool btf_functions_recorded_ = false;
};

}  // namespace

void CompileKey::add(std::string_view tag, std::string_view bytes) {
  // Length-prefixed, so no two sequences of (tag, bytes) give the same data.
  auto append_sized = [&](std::string_view s) {
    uint64_t n = s.size();
    data_.append(reinterpret_cast<const char*>(&n), sizeof n);
    data_.append(s);
  };
  append_sized(tag);
  append_sized(bytes);
}

void CompileKey::add(std::string_view tag, uint64_t value) {
  add(tag, std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
}

std::string CompileKey::key() const {
  XXH128_hash_t h = XXH3_128bits(data_.data(), data_.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

std::unique_ptr<lang::KernelCatalog> fingerprint_catalog(lang::KernelCatalog& inner, CompileKey& key) {
  return std::make_unique<FingerprintCatalog>(inner, key);
}

void add_environment(CompileKey& key) {
  key.add("version", SS_VERSION);
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0) {
    key.add("exe", fmt::format("{}:{}:{}:{}.{}", st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec,
                               st.st_mtim.tv_nsec));
  }
  struct utsname u {};
  if (::uname(&u) == 0) key.add("kernel", fmt::format("{} {} {}", u.release, u.version, u.machine));
}

std::optional<CompileCache> CompileCache::open(std::string& why) {
  std::string dir = cache_directory();
  if (dir.empty()) {
    why = "no cache directory (set STRATOSHARK_CACHE_DIR or HOME)";
    return std::nullopt;
  }
  if (!make_directories(dir)) {
    why = fmt::format("cannot create {}: {}", dir, std::strerror(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || !safe(st)) {
    why = fmt::format("{} is not a directory of this user that only it can write", dir);
    return std::nullopt;
  }
  return CompileCache(std::move(dir));
}

std::optional<runtime::Artifact> CompileCache::load(const std::string& key) const {
  std::string path = dir_ + "/" + key + kSuffix;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  EntryHeader header{};
  std::string json;
  std::vector<uint8_t> elf;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && safe(st) && read_all(fd, &header, sizeof header) &&
            std::memcmp(header.magic, kMagic, sizeof kMagic) == 0 &&
            header.json_size + header.elf_size + sizeof header == static_cast<uint64_t>(st.st_size);
  if (ok) {
    json.resize(header.json_size);
    elf.resize(header.elf_size);
    ok = read_all(fd, json.data(), json.size()) && read_all(fd, elf.data(), elf.size()) &&
         checksum_of(json, elf) == header.checksum;
  }
  if (ok) ::futimens(fd, nullptr);  // most recently used
  ::close(fd);
  if (!ok) return std::nullopt;
  std::string error;
  auto artifact = runtime::artifact_from_metadata_json(json, error);
  if (!artifact) return std::nullopt;
  artifact->elf = std::move(elf);
  return artifact;
}

bool CompileCache::store(const std::string& key, const runtime::Artifact& artifact, std::string& why) const {
  std::string json = runtime::artifact_metadata_json(artifact);
  std::string error;
  auto back = runtime::artifact_from_metadata_json(json, error);
  if (back) back->elf = artifact.elf;
  if (!back || !(*back == artifact)) {
    why = "the artifact does not survive its JSON form unchanged (a stratoshark bug; the program still runs)";
    return false;
  }
  EntryHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.json_size = json.size();
  header.elf_size = artifact.elf.size();
  header.checksum = checksum_of(json, artifact.elf);
  std::string path = dir_ + "/" + key + kSuffix;
  std::string temporary = fmt::format("{}.{}.tmp", path, ::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    why = fmt::format("cannot write {}: {}", temporary, std::strerror(errno));
    return false;
  }
  bool ok = write_all(fd, &header, sizeof header) && write_all(fd, json.data(), json.size()) &&
            write_all(fd, artifact.elf.data(), artifact.elf.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
    why = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    ::unlink(temporary.c_str());
    return false;
  }
  evict(dir_);
  return true;
}

}  // namespace stratoshark::cli
