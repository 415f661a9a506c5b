// KernelCatalog backed by tracefs of the running kernel.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "stratoshark/lang/kernel_catalog.h"

namespace stratoshark::lang {

namespace {

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class HostCatalog final : public KernelCatalog {
 public:
  explicit HostCatalog(std::string root) : root_(std::move(root)) {}

  const std::vector<std::string>& tracepoints() override {
    if (!tracepoints_) {
      tracepoints_.emplace();
      if (auto text = read_file(root_ + "/available_events")) {
        std::istringstream in(*text);
        std::string line;
        tracepoints_->reserve(4096);
        while (std::getline(in, line)) {
          if (!line.empty()) tracepoints_->push_back(std::move(line));
        }
      }
      // Not sorted: start-up time matters more; lookups use the index below.
      for (const auto& tp : *tracepoints_) index_.insert(tp);
    }
    return *tracepoints_;
  }

  bool has_tracepoint(const std::string& category_event) override {
    if (tracepoints_) return index_.count(category_event) > 0;
    // One stat() instead of reading and indexing every tracepoint name.
    auto colon = category_event.find(':');
    if (colon == std::string::npos || category_event.find('/') != std::string::npos) return false;
    return exists(root_ + "/events/" + category_event.substr(0, colon) + "/" + category_event.substr(colon + 1) +
                  "/format");
  }

  std::optional<std::string> tracepoint_format(std::string_view category, std::string_view event) override {
    if (category.find('/') != std::string_view::npos || event.find('/') != std::string_view::npos) return std::nullopt;
    return read_file(root_ + "/events/" + std::string(category) + "/" + std::string(event) + "/format");
  }

  bool has_kprobes() override {
    return exists(root_ + "/kprobe_events") || exists("/sys/bus/event_source/devices/kprobe/type");
  }

  std::optional<uint64_t> kernel_symbol(const std::string& name, std::string& error) override {
    std::ifstream in("/proc/kallsyms");
    if (!in) {
      error = "cannot read /proc/kallsyms";
      return std::nullopt;
    }
    std::string address, kind, symbol;
    bool hidden = false;
    while (in >> address >> kind >> symbol) {
      in.ignore(1 << 16, '\n');  // a module name may follow
      if (symbol != name) continue;
      uint64_t value = std::stoull(address, nullptr, 16);
      if (value != 0) return value;
      hidden = true;
    }
    error = hidden ? "/proc/kallsyms shows it at 0 (kernel.kptr_restrict hides addresses)"
                   : "no such symbol in /proc/kallsyms";
    return std::nullopt;
  }

  std::optional<uint64_t> cgroup_id(const std::string& path, std::string& error) override {
    // The id of a cgroup v2 directory is its kernfs node id, which
    // name_to_handle_at() returns as the file handle.
    struct statfs fs {};
    if (::statfs(path.c_str(), &fs) != 0) {
      error = std::string("cannot read it: ") + std::strerror(errno);
      return std::nullopt;
    }
    constexpr long kCgroup2Magic = 0x63677270;
    if (fs.f_type != kCgroup2Magic) {
      error = "it is not in a cgroup v2 file system (see mount -t cgroup2: /sys/fs/cgroup, or /sys/fs/cgroup/unified on hybrid systems)";
      return std::nullopt;
    }
    alignas(file_handle) unsigned char storage[sizeof(file_handle) + sizeof(uint64_t)] = {};
    auto* handle = reinterpret_cast<file_handle*>(storage);
    handle->handle_bytes = sizeof(uint64_t);
    int mount_id = 0;
    if (::name_to_handle_at(AT_FDCWD, path.c_str(), handle, &mount_id, 0) != 0) {
      error = std::string("cannot get its file handle: ") + std::strerror(errno);
      return std::nullopt;
    }
    uint64_t id = 0;
    std::memcpy(&id, storage + sizeof(file_handle), sizeof id);
    return id;
  }

  const std::vector<std::string>& kprobe_functions() override {
    if (!functions_) {
      functions_.emplace();
      if (auto text = read_file(root_ + "/available_filter_functions")) {
        std::istringstream in(*text);
        std::string line;
        while (std::getline(in, line)) {
          auto space = line.find(' ');
          functions_->push_back(space == std::string::npos ? line : line.substr(0, space));
        }
        std::sort(functions_->begin(), functions_->end());
        functions_->erase(std::unique(functions_->begin(), functions_->end()), functions_->end());
      }
    }
    return *functions_;
  }

 private:
  std::string root_;
  std::optional<std::vector<std::string>> tracepoints_;
  std::unordered_set<std::string> index_;
  std::optional<std::vector<std::string>> functions_;
};

}  // namespace

bool KernelCatalog::has_tracepoint(const std::string& category_event) {
  const auto& all = tracepoints();
  return std::find(all.begin(), all.end(), category_event) != all.end();
}

std::optional<std::string> KernelCatalog::resolve_binary(const std::string& name, std::string& error) {
  if (!name.empty() && name[0] == '/' && exists(name)) return name;
  error = "this build cannot look binaries up (no ELF support in this catalog)";
  return std::nullopt;
}

std::optional<std::vector<std::string>> KernelCatalog::binary_functions(const std::string&, std::string& error) {
  error = "this build cannot read ELF symbols";
  return std::nullopt;
}

std::optional<std::vector<UsdtProbe>> KernelCatalog::binary_usdt_probes(const std::string&, std::string& error) {
  error = "this build cannot read USDT notes";
  return std::nullopt;
}

const std::vector<std::string>& KernelCatalog::kernel_btf_functions() {
  static const std::vector<std::string> none;
  return none;
}

std::optional<KernelFunction> KernelCatalog::kernel_function(const std::string&, std::string& error) {
  error = "kernel BTF is not available to this catalog";
  return std::nullopt;
}

std::optional<KernelStruct> KernelCatalog::kernel_struct(const std::string&, std::string& error) {
  error = "kernel BTF is not available to this catalog";
  return std::nullopt;
}

std::optional<uint64_t> KernelCatalog::kernel_symbol(const std::string&, std::string& error) {
  error = "kernel symbols are not available to this catalog";
  return std::nullopt;
}

std::optional<BinarySymbol> KernelCatalog::binary_symbol(const std::string&, const std::string&, std::string& error) {
  error = "this build cannot read ELF symbols";
  return std::nullopt;
}

std::optional<uint64_t> KernelCatalog::cgroup_id(const std::string&, std::string& error) {
  error = "cgroups are not available to this catalog";
  return std::nullopt;
}

std::unique_ptr<KernelCatalog> make_host_catalog(std::string tracefs_root) {
  if (tracefs_root.empty()) {
    tracefs_root = exists("/sys/kernel/tracing/events") ? "/sys/kernel/tracing" : "/sys/kernel/debug/tracing";
  }
  return std::make_unique<HostCatalog>(std::move(tracefs_root));
}

}  // namespace stratoshark::lang
