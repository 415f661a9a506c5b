// runtime host: where a uprobe goes in an ELF file (elf_function_offset).
#include <gtest/gtest.h>

#include "stratoshark/runtime/host.h"

namespace stratoshark::runtime {
namespace {

std::string libc_path() {
  auto path = resolve_binary("libc");
  EXPECT_TRUE(path.ok());
  return path ? *path : std::string();
}

TEST(ElfFunctionOffset, VersionedDuplicatesAreOneFunction) {
  // glibc 2.34+ defines pthread_create twice (@GLIBC_2.2.5, @@GLIBC_2.34), at one address.
  auto offset = elf_function_offset(libc_path(), "pthread_create");
  ASSERT_TRUE(offset.ok()) << offset.error().message;
  EXPECT_GT(*offset, 0u);
}

TEST(ElfFunctionOffset, DistinctFunctionsHaveDistinctOffsets) {
  auto a = elf_function_offset(libc_path(), "getppid");
  auto b = elf_function_offset(libc_path(), "getpid");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
}

TEST(ElfFunctionOffset, UnknownFunctionIsAnError) {
  auto offset = elf_function_offset(libc_path(), "ss_no_such_function");
  ASSERT_FALSE(offset.ok());
  EXPECT_NE(offset.error().message.find("defines no function 'ss_no_such_function'"), std::string::npos);
}

}  // namespace
}  // namespace stratoshark::runtime
