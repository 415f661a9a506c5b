// generate(): artifacts for small programs (no kernel: the lit suites load them).
#include <gtest/gtest.h>

#include "compile_helper.h"
#include "stratoshark/codegen/codegen.h"

namespace stratoshark::testing {
namespace {

codegen::CodegenResult compile(Frontend& f, bool keep_ir = false) {
  codegen::CodegenOptions options;
  options.keep_ir = keep_ir;
  return codegen::generate(*f.program, f.sema, f.sources, options);
}

TEST(Codegen, ProducesElfAndMetadata) {
  Frontend f("tracepoint:syscalls:sys_enter_openat { @[comm] = count(); printf(\"%s %d\\n\", comm, pid); }");
  ASSERT_TRUE(f.ok) << f.messages();
  auto r = compile(f);
  ASSERT_TRUE(r.artifact) << r.error;
  const auto& a = *r.artifact;
  ASSERT_GE(a.elf.size(), 4u);
  EXPECT_EQ(std::string(a.elf.begin() + 1, a.elf.begin() + 4), "ELF");
  ASSERT_EQ(a.programs.size(), 1u);
  EXPECT_EQ(a.programs[0].function, "ss_0_tp");
  EXPECT_EQ(a.programs[0].targets[0].params, (std::vector<std::string>{"syscalls", "sys_enter_openat"}));
  EXPECT_EQ(a.programs[0].targets[0].position.line, 1u);
  ASSERT_EQ(a.maps.size(), 1u);
  EXPECT_TRUE(a.maps[0].per_cpu);
  EXPECT_EQ(a.maps[0].key_size, 16u);
  ASSERT_EQ(a.printfs.size(), 1u);
  EXPECT_EQ(a.printfs[0].event_size, 8u + 16u + 8u);
}

TEST(Codegen, DisassemblyNamesHelpersAndMaps) {
  Frontend f("BEGIN { @x = nsecs; exit(); }");
  ASSERT_TRUE(f.ok) << f.messages();
  auto r = compile(f);
  ASSERT_TRUE(r.artifact) << r.error;
  std::string text = codegen::disassemble(r.artifact->elf);
  EXPECT_NE(text.find("ss_0_begin (section raw_tp):"), std::string::npos) << text;
  EXPECT_NE(text.find("call 5"), std::string::npos) << text;    // bpf_ktime_get_ns
  EXPECT_NE(text.find("; m_x"), std::string::npos) << text;     // map relocation
  EXPECT_NE(text.find("call 131"), std::string::npos) << text;  // bpf_ringbuf_reserve
}

TEST(Codegen, LineInfoPointsAtTheScript) {
  Frontend f("BEGIN {\n  @x = 1;\n}\n");
  ASSERT_TRUE(f.ok) << f.messages();
  auto r = compile(f, true);
  ASSERT_TRUE(r.artifact) << r.error;
  EXPECT_NE(r.ir_unoptimized.find("!DILocation(line: 2, column: 3"), std::string::npos);
  EXPECT_NE(r.ir_unoptimized.find("source: \"BEGIN {\\0A  @x = 1;\\0A}\\0A\""), std::string::npos);
}

TEST(Codegen, ManyProbeTargetsUseCookiesForProbe) {
  Frontend f("tracepoint:syscalls:sys_enter_open* { @[probe] = count(); }");
  ASSERT_TRUE(f.ok) << f.messages();
  auto r = compile(f);
  ASSERT_TRUE(r.artifact) << r.error;
  EXPECT_NE(codegen::disassemble(r.artifact->elf).find("call 174"), std::string::npos);  // get_attach_cookie
  ASSERT_EQ(r.artifact->programs[0].targets.size(), 2u);
  EXPECT_NE(r.artifact->programs[0].targets[0].cookie, r.artifact->programs[0].targets[1].cookie);
}

}  // namespace
}  // namespace stratoshark::testing
