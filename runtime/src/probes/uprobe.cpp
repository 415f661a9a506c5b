// uprobe / uretprobe: a uprobe perf event per function, through libbpf
// (which finds the function's file offset from its ELF symbol), each with a
// bpf_link and the probe id as cookie; scoped to one process with -p / -c.
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"
#include "stratoshark/runtime/host.h"

namespace stratoshark::runtime {

namespace {

class UprobeAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "uprobe" || provider == "uretprobe"; }

  std::string method(const ProgramSpec& program) const override {
    return fmt::format("a {} perf event per function (found by ELF symbol), each with a bpf_link",
                       program.provider == "uretprobe" ? "uretprobe" : "uprobe");
  }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    return attach_scoped(prog, program, {}, out);
  }

  Status attach_scoped(bpf_program* prog, const ProgramSpec& program, const AttachContext& scope,
                       Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      const std::string& path = t.params.at(0);
      const std::string& function = t.params.at(1);
      LIBBPF_OPTS(bpf_uprobe_opts, opts, .bpf_cookie = t.cookie, .retprobe = t.retprobe,
                  .func_name = function.c_str());
      pid_t pid = scope.pid > 0 ? scope.pid : -1;
      bpf_link* link = bpf_program__attach_uprobe_opts(prog, pid, path.c_str(), static_cast<size_t>(t.number), &opts);
      int err = link == nullptr ? -errno : 0;
      if (err == -LIBBPF_ERRNO__FORMAT) {
        // libbpf 1.1 refuses a name with several symbol entries even when they
        // are one function (glibc 2.34's versioned pthread_create): find the
        // offset ourselves and attach by offset.
        auto offset = elf_function_offset(path, function);
        if (!offset) return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, offset.error().message),
                                  "", t.position, {}};
        opts.func_name = nullptr;
        link = bpf_program__attach_uprobe_opts(prog, pid, path.c_str(), static_cast<size_t>(*offset + t.number), &opts);
        err = link == nullptr ? -errno : 0;
      }
      if (link == nullptr) {
        return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)),
                     err == -ESRCH ? "the process given with -p does not exist"
                     : err == -ENOENT ? "the binary or the function's symbol is gone (was the file replaced?)"
                                      : "",
                     t.position, {}};
      }
      out.links.push_back(link);
    }
    return {};
  }
};

}  // namespace

const Attacher& uprobe_attacher() {
  static const UprobeAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
