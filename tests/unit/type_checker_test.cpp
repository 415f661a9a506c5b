// check_types() and plan_programs() against a fixed catalog.
#include <gtest/gtest.h>

#include "compile_helper.h"

namespace stratoshark::testing {
namespace {

using lang::TypeKind;

TEST(TypeChecker, MapTypesFromAssignments) {
  Frontend f("BEGIN { @c[comm] = count(); @s = sum(-1); @name[1, \"x\"] = comm; @n = 1; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("c").key.to_string(), "string[16]");
  EXPECT_EQ(f.sema.maps.at("c").value.kind, TypeKind::Count);
  EXPECT_TRUE(f.sema.maps.at("s").value.is_signed);
  EXPECT_EQ(f.sema.maps.at("name").key.to_string(), "(int64, string[2])");
  EXPECT_EQ(f.sema.maps.at("name").value.to_string(), "string[16]");
  EXPECT_EQ(f.sema.maps.at("n").key.kind, TypeKind::None);
}

TEST(TypeChecker, StringKeysWidenToTheLargestUse) {
  Frontend f("BEGIN { @x[\"ab\"] = 1; @x[comm] = 2; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("x").key.size, 16u);
}

TEST(TypeChecker, MapReadBeforeAssignmentInTextOrder) {
  Frontend f("BEGIN { printf(\"%d\\n\", @later); } END { @later = 5; @self = @self + 1; }");
  EXPECT_TRUE(f.ok) << f.messages();
}

TEST(TypeChecker, ConflictingMapValueTypes) {
  Frontend f("BEGIN { @x = 1; } END { @x = comm; }");
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.messages().find("assigned two different types"), std::string::npos);
}

TEST(TypeChecker, VariablesKeepOneKind) {
  Frontend f("BEGIN { $x = 1; $x = \"s\"; }");
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.messages().find("variable $x holds int64 but is assigned string[2]"), std::string::npos);
}

TEST(TypeChecker, VariablesAreScopedToTheirProbe) {
  Frontend f("BEGIN { $x = 1; } END { @y = $x; }");
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.messages().find("variable $x is used before it is assigned"), std::string::npos);
}

TEST(TypeChecker, ArgsFieldsHaveTracefsTypes) {
  Frontend f("tracepoint:syscalls:sys_enter_openat { @a = args.dfd; @b = args->filename; }"
             " tracepoint:sched:sched_process_exec { @c[args.filename] = args.pid; @d[args.comm] = 1; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("c").key.to_string(), "string[64]");  // __data_loc: string capacity
  EXPECT_EQ(f.sema.maps.at("c").value.to_string(), "int64");
  EXPECT_EQ(f.sema.maps.at("d").key.to_string(), "string[16]");  // char comm[16]
}

TEST(TypeChecker, ArrayFieldsAreArrays) {
  Frontend f("tracepoint:sched:sched_process_exec { @x = args.addr; @y = args.addr[3]; }");
  EXPECT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("x").value.to_string(), "uint8[4]");
  EXPECT_EQ(f.sema.maps.at("y").value.to_string(), "uint64");
  Frontend out_of_bounds("tracepoint:sched:sched_process_exec { @y = args.addr[4]; }");
  EXPECT_FALSE(out_of_bounds.ok);
  EXPECT_NE(out_of_bounds.messages().find("the index 4 is out of bounds for uint8[4] of 4 elements"),
            std::string::npos);
}

TEST(TypeChecker, WildcardNeedsTheFieldEverywhere) {
  Frontend missing("tracepoint:syscalls:* { @x = args.dfd; }");
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.messages().find("args.dfd is missing in 1 of the 2 tracepoints"), std::string::npos);
}

TEST(ProgramPlanner, DifferentLayoutsGetTheirOwnPrograms) {
  Frontend f("tracepoint:syscalls:sys_enter_open* { @[probe] = args.flags; }");
  ASSERT_TRUE(f.ok) << f.messages();
  ASSERT_EQ(f.sema.programs.size(), 2u);
  EXPECT_EQ(f.sema.programs[0].args.at("flags").offset + f.sema.programs[1].args.at("flags").offset, 24u + 32u);
  EXPECT_EQ(f.sema.probe_names.size(), 2u);
}

TEST(ProgramPlanner, SameLayoutSharesOneProgram) {
  Frontend f("tracepoint:syscalls:sys_enter_open* { @[probe] = count(); }");
  ASSERT_TRUE(f.ok) << f.messages();
  ASSERT_EQ(f.sema.programs.size(), 1u);
  EXPECT_EQ(f.sema.programs[0].targets.size(), 2u);
  EXPECT_EQ(f.sema.programs[0].function_name, "ss_0_tp");
}

TEST(ProgramPlanner, KprobeAlternativeComesFromTheCatalog) {
  Frontend f("kprobe:tcp_v4_connect { @ = count(); }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.programs[0].alternatives[0], "tracepoint:sock:inet_sock_set_state");
}

TEST(TypeChecker, AggregationsOnlyAsMapValues) {
  Frontend f("BEGIN { printf(\"%d\\n\", count()); }");
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.messages().find("count() can only be assigned to a map"), std::string::npos);
}

TEST(TypeChecker, PrintfChecksEachConversion) {
  Frontend ok("BEGIN { printf(\"%s %d %c %x %s\\n\", comm, pid, 65, 1, probe); }");
  EXPECT_TRUE(ok.ok) << ok.messages();
  Frontend bad("BEGIN { printf(\"%s\\n\", pid); }");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.messages().find("%s needs a string, but 'pid' is uint32"), std::string::npos);
}

TEST(TypeChecker, UnusedValueWarns) {
  Frontend f("BEGIN { 1 + 2; }");
  EXPECT_TRUE(f.ok);
  ASSERT_EQ(f.diags.items().size(), 1u);
  EXPECT_EQ(f.diags.items()[0].severity, lang::Severity::Warning);
}

TEST(TypeChecker, CastsNarrowAndMakePointers) {
  Frontend f("BEGIN { @a = (uint8)300; @b = (bool)1; $p = (struct task_struct *)0; @c = $p->pid; @d = (uint8[4])0x01020304; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("a").value.to_string(), "uint64");
  EXPECT_EQ(f.sema.maps.at("b").value.to_string(), "bool");
  EXPECT_EQ(f.sema.maps.at("c").value.to_string(), "int64");
  EXPECT_EQ(f.sema.maps.at("d").value.to_string(), "uint8[4]");
  EXPECT_EQ(f.sema.variables.at(0).at("p").to_string(), "struct task_struct *");
}

TEST(TypeChecker, TuplesAreValues) {
  Frontend f("BEGIN { $t = (1, \"ab\", (2, comm)); @m = $t; @k[$t.2] = $t[0]; @x = $t.2.1; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("m").value.to_string(), "(int64, string[3], (int64, string[16]))");
  EXPECT_EQ(f.sema.maps.at("k").key.to_string(), "(int64, string[16])");
  EXPECT_EQ(f.sema.maps.at("x").value.to_string(), "string[16]");
  Frontend bad("BEGIN { $t = (1, 2); @x = $t.5; }");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.messages().find("has no element 5"), std::string::npos);
}

TEST(TypeChecker, StructMembersFollowPointers) {
  Frontend f("BEGIN { $t = (struct task_struct *)0; @p = $t->parent->pid; @v = $t.se.vruntime; @c = $t->comm; "
             "@s = sizeof(struct task_struct); @o = offsetof(struct task_struct, se.vruntime); }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("v").value.to_string(), "uint64");
  EXPECT_EQ(f.sema.maps.at("c").value.to_string(), "string[16]");
  EXPECT_EQ(f.sema.members.size(), 5u);  // parent, pid, se, vruntime, comm
  Frontend typo("BEGIN { $t = (struct task_struct *)0; @p = $t->pidd; }");
  EXPECT_FALSE(typo.ok);
  EXPECT_NE(typo.messages().find("did you mean 'pid'?"), std::string::npos);
  Frontend bitfield("BEGIN { $t = (struct task_struct *)0; @p = $t->flag; }");
  EXPECT_NE(bitfield.messages().find("is a bitfield (1 bit)"), std::string::npos);
}

TEST(TypeChecker, PointerArithmeticIsScaled) {
  Frontend f("tracepoint:syscalls:sys_enter_openat { $p = args.filename; @a = $p + 2; @d = ($p + 3) - $p; "
             "$t = (struct task_struct *)0; @n = $t + 1; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.maps.at("a").value.to_string(), "int8 *");
  EXPECT_TRUE(f.sema.maps.at("a").value.user);  // syscall arguments point into user memory
  EXPECT_EQ(f.sema.maps.at("d").value.to_string(), "int64");
  EXPECT_EQ(f.sema.maps.at("n").value.inner().size, 64u);  // completed from BTF for the scaling
  Frontend bad("tracepoint:syscalls:sys_enter_openat { @a = args.filename * 2; }");
  EXPECT_NE(bad.messages().find("operator '*' does not apply to pointers"), std::string::npos);
}

TEST(TypeChecker, MapLoopsGiveKeyAndValue) {
  Frontend f("BEGIN { @m[1, \"a\"] = comm; for ($kv : @m) { @k = $kv.0.1; @v = $kv.1; } }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_EQ(f.sema.variables.at(0).at("kv").to_string(), "((int64, string[2]), string[16])");
  Frontend per_cpu("BEGIN { @c[1] = count(); for ($kv : @c) { } }");
  EXPECT_NE(per_cpu.messages().find("kept per CPU"), std::string::npos);
}

}  // namespace
}  // namespace stratoshark::testing
