// KernelCatalog backed by tracefs of the running kernel.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <sys/stat.h>

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

std::unique_ptr<KernelCatalog> make_host_catalog(std::string tracefs_root) {
  if (tracefs_root.empty()) {
    tracefs_root = exists("/sys/kernel/tracing/events") ? "/sys/kernel/tracing" : "/sys/kernel/debug/tracing";
  }
  return std::make_unique<HostCatalog>(std::move(tracefs_root));
}

}  // namespace stratoshark::lang
