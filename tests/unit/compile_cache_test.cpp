// The compile cache's key: every answer the passes get from the host, and
// every source and option, changes it (cli/compile_cache.h).
#include "compile_cache.h"

#include <gtest/gtest.h>

#include "fake_catalog.h"

namespace stratoshark::cli {
namespace {

std::string key_after_questions(lang::KernelCatalog& host) {
  CompileKey key;
  auto catalog = fingerprint_catalog(host, key);
  catalog->tracepoint_format("syscalls", "sys_enter_openat");
  catalog->has_tracepoint("syscalls:sys_enter_open");
  return key.key();
}

TEST(CompileKey, SameAnswersSameKey) {
  testing::FakeCatalog a, b;
  EXPECT_EQ(key_after_questions(a), key_after_questions(b));
  EXPECT_EQ(key_after_questions(a).size(), 32u);
}

TEST(CompileKey, ChangedTracepointFormatChangesKey) {
  testing::FakeCatalog a, b;
  b.set_format("syscalls:sys_enter_openat",
               "name: sys_enter_openat\nformat:\n\tfield:const char * filename;\toffset:32;\tsize:8;\tsigned:0;\n");
  EXPECT_NE(key_after_questions(a), key_after_questions(b));
}

TEST(CompileKey, AnswersPassThroughUnchanged) {
  testing::FakeCatalog host;
  CompileKey key;
  auto catalog = fingerprint_catalog(host, key);
  EXPECT_EQ(catalog->tracepoint_format("syscalls", "sys_enter_openat"),
            host.tracepoint_format("syscalls", "sys_enter_openat"));
  EXPECT_EQ(catalog->tracepoints(), host.tracepoints());
  EXPECT_FALSE(catalog->tracepoint_format("nope", "nothing"));
}

TEST(CompileKey, TagsAndBytesDoNotRunTogether) {
  CompileKey a, b;
  a.add("ab", "c");
  b.add("a", "bc");
  EXPECT_NE(a.key(), b.key());
  CompileKey c, d;
  c.add("x", "1");
  c.add("x", "2");
  d.add("x", "12");
  EXPECT_NE(c.key(), d.key());
}

}  // namespace
}  // namespace stratoshark::cli
