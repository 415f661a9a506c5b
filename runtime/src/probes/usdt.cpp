// usdt: libbpf's USDT support (bpf_program__attach_usdt) — a uprobe at every
// site of the probe, with the argument specs stored in the object's
// __bpf_usdt_specs map and the spec index as attach cookie.
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

class UsdtAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "usdt"; }

  std::string method(const ProgramSpec&) const override {
    return "libbpf USDT: a uprobe at each probe site, argument specs in __bpf_usdt_specs (cookie: spec id)";
  }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    return attach_scoped(prog, program, {}, out);
  }

  Status attach_scoped(bpf_program* prog, const ProgramSpec& program, const AttachContext& scope,
                       Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      LIBBPF_OPTS(bpf_usdt_opts, opts, .usdt_cookie = t.cookie);
      bpf_link* link = bpf_program__attach_usdt(prog, scope.pid > 0 ? scope.pid : -1, t.params.at(0).c_str(),
                                                t.params.at(1).c_str(), t.params.at(2).c_str(), &opts);
      if (link == nullptr) {
        int err = -errno;
        return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)),
                     err == -ESRCH ? "the process given with -p does not exist"
                                   : "run with -v to see libbpf's explanation",
                     t.position, {}};
      }
      out.links.push_back(link);
    }
    return {};
  }
};

}  // namespace

const Attacher& usdt_attacher() {
  static const UsdtAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
