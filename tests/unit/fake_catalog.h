// A fixed KernelCatalog for tests: two syscall tracepoints with different
// record layouts, one with a __data_loc string; no kprobes.
#pragma once

#include <map>

#include "stratoshark/lang/kernel_catalog.h"

namespace stratoshark::testing {

class FakeCatalog final : public lang::KernelCatalog {
 public:
  FakeCatalog() {
    formats_["syscalls:sys_enter_openat"] =
        "name: sys_enter_openat\nID: 1\nformat:\n"
        "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
        "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n"
        "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n"
        "\tfield:int dfd;\toffset:16;\tsize:8;\tsigned:0;\n"
        "\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;\n"
        "\tfield:int flags;\toffset:32;\tsize:8;\tsigned:0;\n";
    formats_["syscalls:sys_enter_open"] =
        "name: sys_enter_open\nID: 2\nformat:\n"
        "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n"
        "\tfield:const char * filename;\toffset:16;\tsize:8;\tsigned:0;\n"
        "\tfield:int flags;\toffset:24;\tsize:8;\tsigned:0;\n";
    formats_["sched:sched_process_exec"] =
        "name: sched_process_exec\nID: 3\nformat:\n"
        "\tfield:__data_loc char[] filename;\toffset:8;\tsize:4;\tsigned:0;\n"
        "\tfield:pid_t pid;\toffset:12;\tsize:4;\tsigned:1;\n"
        "\tfield:u8 addr[4];\toffset:16;\tsize:4;\tsigned:0;\n"
        "\tfield:char comm[16];\toffset:20;\tsize:16;\tsigned:0;\n";
    formats_["sock:inet_sock_set_state"] = "name: inet_sock_set_state\nformat:\n";
    for (const auto& [name, text] : formats_) list_.push_back(name);
  }

  const std::vector<std::string>& tracepoints() override { return list_; }
  std::optional<std::string> tracepoint_format(std::string_view category, std::string_view event) override {
    auto it = formats_.find(std::string(category) + ":" + std::string(event));
    if (it == formats_.end()) return std::nullopt;
    return it->second;
  }
  bool has_kprobes() override { return false; }
  // A small task_struct: pid, comm, a parent pointer, a nested struct, a bitfield.
  std::optional<lang::KernelStruct> kernel_struct(const std::string& key, std::string& error) override {
    using lang::Type;
    auto field = [](std::string name, uint32_t offset, Type type, uint32_t bits = 0) {
      lang::KernelField f;
      f.name = std::move(name);
      f.offset = offset;
      f.type = std::move(type);
      f.bitfield_bits = bits;
      f.c_type = f.type.to_string();
      return f;
    };
    lang::KernelStruct s;
    s.key = key;
    if (key == "struct task_struct") {
      s.size = 64;
      s.fields = {field("pid", 8, Type::integer(32, true)), field("comm", 16, Type::string(16)),
                  field("parent", 32, Type::pointer(Type::struct_type("struct task_struct", 64), false)),
                  field("se", 40, Type::struct_type("struct sched_entity", 16)),
                  field("flag", 56, Type::integer(32, false), 1)};
      return s;
    }
    if (key == "struct sched_entity") {
      s.size = 16;
      s.fields = {field("vruntime", 8, Type::u64())};
      return s;
    }
    error = "kernel BTF has no such struct";
    return std::nullopt;
  }
  const std::vector<std::string>& kprobe_functions() override { return functions_; }

  // Tests change the host: replaces (or adds) one tracepoint's format text.
  void set_format(const std::string& category_event, std::string text) { formats_[category_event] = std::move(text); }

 private:
  std::map<std::string, std::string> formats_;
  std::vector<std::string> list_;  // sorted: std::map order
  std::vector<std::string> functions_;
};

}  // namespace stratoshark::testing
