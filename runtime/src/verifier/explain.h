// Explaining a verifier rejection: which instruction failed, the .ss line it
// came from (BTF line info, carried in the artifact), and what the kernel's
// message means, in words, with what to do about it.
#pragma once

#include <optional>
#include <string>

#include "stratoshark/runtime/artifact.h"

namespace stratoshark::runtime {

struct VerifierReport {
  std::string reason;       // the verifier's own last line, e.g. "R1 invalid mem access 'scalar'"
  std::string explanation;  // what that means ("" when the message is not one we know)
  std::string fix;          // what to change
  std::optional<uint32_t> insn;              // index of the failing instruction
  std::optional<SourcePosition> where;       // its source position
};

VerifierReport explain_verifier_log(const std::string& log, const ProgramSpec& program);

}  // namespace stratoshark::runtime
