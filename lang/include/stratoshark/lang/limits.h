// The kernel's limits on BPF programs, and the code generator's policy for
// staying under them. The complexity estimator (lang) and the code generator
// (codegen) both read these, so the estimate and the code agree.
#pragma once

#include <cstdint>

namespace stratoshark::lang::limits {

// Kernel limits (Linux 5.x-6.x, privileged loader).
inline constexpr uint32_t kStackBytes = 512;              // MAX_BPF_STACK
inline constexpr uint32_t kInstructions = 1'000'000;      // BPF_MAXINSNS for privileged programs
inline constexpr uint32_t kProcessedInstructions = 1'000'000;  // BPF_COMPLEXITY_LIMIT_INSNS
inline constexpr uint32_t kHashKeyBytes = 512;            // hash maps refuse larger keys (E2BIG)
inline constexpr uint32_t kPerCpuValueBytes = 32768;      // PCPU_MIN_UNIT_SIZE: largest per-CPU map value
inline constexpr uint32_t kPendingBranches = 8192;       // BPF_COMPLEXITY_LIMIT_JMP_SEQ: branches left to explore

// Code generator policy: values of at least kScratchThreshold bytes, and
// anything beyond kStackBudget bytes of stack, live in the program's per-CPU
// scratch area (one map lookup per run) instead of on the stack. The rest of
// the 512 bytes is left to LLVM's register spills.
inline constexpr uint32_t kScratchThreshold = 32;
inline constexpr uint32_t kStackBudget = 256;
inline constexpr uint32_t kScratchBytes = kPerCpuValueBytes;

// Buffers are allocated in 8-byte units.
inline constexpr uint32_t rounded_buffer(uint32_t bytes) { return ((bytes < 1 ? 1 : bytes) + 7) / 8 * 8; }

// Whether a buffer of `rounded` bytes goes on the stack, given the stack
// already used by earlier buffers of the same program and the threshold
// (kScratchThreshold, or the config block's on_stack_limit). The one
// placement rule.
inline constexpr bool buffer_on_stack(uint32_t rounded, uint32_t stack_used, uint32_t threshold = kScratchThreshold) {
  return rounded < threshold && stack_used + rounded <= kStackBudget;
}

}  // namespace stratoshark::lang::limits
