// What the complexity estimator predicts for each probe's BPF program, before
// any code is generated: instructions, verifier work, stack, scratch space and
// bytes copied per run. It follows the code generator's rules (lang/limits.h)
// and is checked against the real programs by the soundness tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stratoshark/lang/source.h"

namespace stratoshark::lang {

struct ProbeEstimate {
  uint32_t instructions = 0;     // BPF instructions of the program (an upper estimate)
  uint64_t processed = 0;        // instructions the verifier processes across the paths it explores
  uint32_t branches = 0;         // conditional branches
  uint32_t stack_bytes = 0;      // buffers placed on the stack (before LLVM merges or removes them)
  uint32_t scratch_bytes = 0;    // buffers placed in the per-CPU scratch area
  uint32_t copy_bytes = 0;       // bytes read from kernel memory per run (strings, records)
  // The statement that costs the most instructions, for messages.
  std::optional<SourceRange> costliest;
  uint32_t costliest_instructions = 0;
  // The loop (while, for) whose iterations cost the verifier the most, for messages.
  std::optional<SourceRange> heaviest_loop;
  uint64_t heaviest_loop_processed = 0;  // all its iterations
  uint64_t heaviest_loop_iterations = 0;
  bool heaviest_loop_is_while = false;
  // The loop that leaves the most branches for the verifier to explore
  // later (one per undecidable branch of each iteration), and how many.
  std::optional<SourceRange> pending_loop;
  uint64_t pending_branches = 0;
  // A for ($kv : @map) loop the verifier cannot finish checking (its body
  // updates a variable it branches on), and that variable.
  std::optional<SourceRange> unsettled_map_loop;
  std::string unsettled_variable;
};

}  // namespace stratoshark::lang
