#include "helpers.h"

#include <cstring>
#include <map>
#include <mutex>
#include <utility>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>
#include <unistd.h>

namespace stratoshark::runtime {

namespace {

// Loads `r1..r5 = 0; call helper; r0 = 0; exit` as `type` and reads the
// verifier's answer. Arguments of the wrong kind are rejected later in the
// verifier than the helper itself, so any other message means "allowed".
// (libbpf_probe_bpf_helper looks only for the wording of older kernels.)
std::optional<bool> probe_helper(bpf_prog_type type, uint32_t helper) {
  bpf_insn insns[8] = {};
  for (int r = 1; r <= 5; ++r) {
    insns[r - 1].code = BPF_ALU64 | BPF_MOV | BPF_K;
    insns[r - 1].dst_reg = r;
  }
  insns[5].code = BPF_JMP | BPF_CALL;
  insns[5].imm = static_cast<int32_t>(helper);
  insns[6].code = BPF_ALU64 | BPF_MOV | BPF_K;  // r0 = 0
  insns[7].code = BPF_JMP | BPF_EXIT;
  char log[4096] = {};
  LIBBPF_OPTS(bpf_prog_load_opts, opts, .log_level = 1, .log_size = sizeof(log), .log_buf = log);
  int fd = bpf_prog_load(type, nullptr, "GPL", insns, 8, &opts);
  if (fd >= 0) {
    close(fd);
    return true;
  }
  if (log[0] == '\0') return std::nullopt;  // refused before the verifier ran: cannot tell
  for (const char* refusal : {"unknown func ", "invalid func ", "cannot use helper", "not supported"}) {
    if (std::strstr(log, refusal) != nullptr) return false;
  }
  return true;
}

}  // namespace

std::optional<bool> helper_available(bpf_prog_type type, uint32_t helper) {
  static std::mutex mutex;
  static std::map<std::pair<int, uint32_t>, std::optional<bool>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto key = std::make_pair(static_cast<int>(type), helper);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::optional<bool> answer = probe_helper(type, helper);
  cache.emplace(key, answer);
  return answer;
}

Status check_helpers(bpf_object* object, const Artifact& artifact) {
  for (const ProgramSpec& spec : artifact.programs) {
    bpf_program* prog = bpf_object__find_program_by_name(object, spec.function.c_str());
    if (prog == nullptr) continue;
    bpf_prog_type type = bpf_program__type(prog);
    for (const HelperUse& h : spec.helpers) {
      if (helper_available(type, h.id).value_or(true)) continue;
      const char* type_name = libbpf_bpf_prog_type_str(type);
      std::string probe = spec.targets.empty() ? spec.provider : spec.targets.front().name;
      return Error{ErrorKind::Verifier,
                   fmt::format("{} is not available to {} programs on this kernel (needed by {})", h.name,
                               type_name != nullptr ? type_name : "these", probe),
                   "use this function in a probe type that allows it (e.g. a tracepoint), or drop it from this probe",
                   h.first_use.line > 0 ? std::optional<SourcePosition>(h.first_use) : std::nullopt, {}};
    }
  }
  return {};
}

}  // namespace stratoshark::runtime
