// The verifier's helpers: explanations of recorded kernel logs, and helper
// availability asked of the running kernel.
#include <gtest/gtest.h>

#include "verifier/explain.h"
#include "verifier/helpers.h"

namespace stratoshark::runtime {
namespace {

ProgramSpec program_with_lines() {
  ProgramSpec p;
  p.function = "ss_0_tp";
  // Instruction 0..3 come from line 2, 4.. from line 3 of test.ss.
  p.lines.push_back({0, SourcePosition{"test.ss", 2, 3, 0}});
  p.lines.push_back({4, SourcePosition{"test.ss", 3, 5, 0}});
  return p;
}

TEST(ExplainVerifierLog, InvalidMemAccessMapsToSourceLine) {
  std::string log =
      "0: R1=ctx() R10=fp0\n"
      "0: (bf) r6 = r1                       ; R1=ctx() R6_w=ctx()\n"
      "5: (61) r0 = *(u32 *)(r2 +0)\n"
      "R2 invalid mem access 'scalar'\n"
      "processed 6 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
  VerifierReport r = explain_verifier_log(log, program_with_lines());
  EXPECT_EQ(r.reason, "R2 invalid mem access 'scalar'");
  ASSERT_TRUE(r.insn.has_value());
  EXPECT_EQ(*r.insn, 5u);
  ASSERT_TRUE(r.where.has_value());
  EXPECT_EQ(r.where->line, 3u);
  EXPECT_NE(r.explanation.find("pointer"), std::string::npos) << r.explanation;
  EXPECT_FALSE(r.fix.empty());
}

TEST(ExplainVerifierLog, ProgramTooLarge) {
  std::string log = "BPF program is too large. Processed 1000001 insn\n"
                    "processed 1000001 insns (limit 1000000) max_states_per_insn 4 total_states 1000 peak_states 10\n";
  VerifierReport r = explain_verifier_log(log, ProgramSpec{});
  EXPECT_EQ(r.reason, "BPF program is too large. Processed 1000001 insn");
  EXPECT_FALSE(r.explanation.empty());
  EXPECT_FALSE(r.where.has_value());
}

TEST(ExplainVerifierLog, CombinedStackSize) {
  std::string log = "combined stack size of 2 calls is 544. Too large\n"
                    "verification time 12 usec\n";
  VerifierReport r = explain_verifier_log(log, ProgramSpec{});
  EXPECT_EQ(r.reason, "combined stack size of 2 calls is 544. Too large");
  EXPECT_NE(r.explanation.find("stack"), std::string::npos) << r.explanation;
}

TEST(ExplainVerifierLog, UnknownMessageKeepsTheReason) {
  VerifierReport r = explain_verifier_log("0: (95) exit\nsomething the kernel never said\n", ProgramSpec{});
  EXPECT_EQ(r.reason, "something the kernel never said");
  EXPECT_TRUE(r.explanation.empty());
}

// Asked of the kernel this runs on (root, CAP_BPF): answers every Linux
// since 5.x gives.
TEST(HelperAvailable, RunningKernel) {
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_KPROBE, BPF_FUNC_send_signal), std::optional<bool>(true));
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_SOCKET_FILTER, BPF_FUNC_xdp_load_bytes), std::optional<bool>(false));
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_XDP, BPF_FUNC_skb_load_bytes), std::optional<bool>(false));
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_TRACEPOINT, BPF_FUNC_skb_load_bytes), std::optional<bool>(false));
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_SCHED_CLS, BPF_FUNC_skb_load_bytes), std::optional<bool>(true));
  // Cached: the same answer again.
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_XDP, BPF_FUNC_skb_load_bytes), std::optional<bool>(false));
  EXPECT_EQ(helper_available(BPF_PROG_TYPE_XDP, BPF_FUNC_xdp_load_bytes), std::optional<bool>(true));
}

}  // namespace
}  // namespace stratoshark::runtime
