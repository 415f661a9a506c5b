// Small lang pieces: printf formats, tracefs formats, globs, diagnostics, types.
#include <gtest/gtest.h>

#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/lang/format_string.h"
#include "stratoshark/lang/kernel_catalog.h"
#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {
namespace {

TEST(FormatString, ParsesFlagsWidthPrecision) {
  FormatError error{};
  auto f = parse_format("a%-10s|%05.2d%%%c", error);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->conversions(), 3u);
  EXPECT_EQ(f->segments[0].literal, "a");
  EXPECT_EQ(f->segments[0].conversion->flags, "-");
  EXPECT_EQ(f->segments[0].conversion->width, 10);
  EXPECT_EQ(f->segments[1].conversion->width, 5);
  EXPECT_EQ(f->segments[1].conversion->precision, 2);
  EXPECT_EQ(f->segments[2].literal, "%");
}

TEST(FormatString, LengthModifiersAreAccepted) {
  FormatError error{};
  auto f = parse_format("%lu %lld %hhx %zd", error);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->segments[0].conversion->specifier, 'u');
  EXPECT_EQ(f->segments[3].conversion->specifier, 'd');
}

TEST(FormatString, ErrorsCarryTheirOffset) {
  FormatError error{};
  EXPECT_FALSE(parse_format("ok %y", error));
  EXPECT_EQ(error.offset, 3u);
  EXPECT_FALSE(parse_format("end %", error));
  EXPECT_NE(error.message.find("incomplete"), std::string::npos);
  EXPECT_FALSE(parse_format("%*d", error));
}

TEST(TracepointFormat, ParsesKernelFormatText) {
  auto fields = parse_tracepoint_format(
      "format:\n"
      "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
      "\tfield:__data_loc char[] name;\toffset:8;\tsize:4;\tsigned:0;\n"
      "\tfield:const char * filename;\toffset:16;\tsize:8;\tsigned:0;\n"
      "\tfield:char comm[16];\toffset:24;\tsize:16;\tsigned:0;\n"
      "\tfield:long ret;\toffset:40;\tsize:8;\tsigned:1;\n"
      "\tfield:unsigned long args[6];\toffset:48;\tsize:48;\tsigned:0;\n",
      64);
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_TRUE(fields[0].common);
  EXPECT_TRUE(fields[1].data_loc);
  EXPECT_EQ(fields[1].name, "name");
  EXPECT_EQ(fields[1].type.to_string(), "string[64]");
  EXPECT_TRUE(fields[2].is_pointer);
  EXPECT_EQ(fields[2].type.to_string(), "int8 *");
  EXPECT_EQ(fields[3].type.to_string(), "string[16]");
  EXPECT_EQ(fields[4].type.to_string(), "int64");
  EXPECT_TRUE(fields[5].is_array);
  EXPECT_EQ(fields[5].array_length, 6u);
  EXPECT_EQ(fields[5].type.to_string(), "uint64[6]");
  // Syscall arguments point into user memory.
  auto user = parse_tracepoint_format("\tfield:const char *const * argv;\toffset:16;\tsize:8;\tsigned:0;\n", 64, true);
  ASSERT_EQ(user.size(), 1u);
  EXPECT_EQ(user[0].type.to_string(), "int8 **");
  EXPECT_TRUE(user[0].type.user);
  auto structs = parse_tracepoint_format(
      "\tfield:struct sk_buff * skb;\toffset:8;\tsize:8;\tsigned:0;\n"
      "\tfield:struct foo bars[2];\toffset:16;\tsize:16;\tsigned:0;\n", 64);
  ASSERT_EQ(structs.size(), 2u);
  EXPECT_EQ(structs[0].type.to_string(), "struct sk_buff *");
  EXPECT_FALSE(structs[0].type.user);
  EXPECT_NE(structs[1].unsupported.find("is an array of struct foo"), std::string::npos);
}

TEST(Glob, Patterns) {
  EXPECT_TRUE(glob_match("sys_enter_*", "sys_enter_openat"));
  EXPECT_TRUE(glob_match("*open*", "sys_enter_openat"));
  EXPECT_TRUE(glob_match("sys_?nter_read", "sys_enter_read"));
  EXPECT_TRUE(glob_match("sys_[ae]*", "sys_enter"));
  EXPECT_FALSE(glob_match("sys_[!e]*", "sys_enter"));
  EXPECT_FALSE(glob_match("sys_enter_*", "sys_exit_read"));
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(AttachPoint, SplitKeepsQuotedColons) {
  auto parts = split_attach_point("uprobe:\"/a:b\":f");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "/a:b");
}

TEST(Diagnostics, RendersCaretUnderTheRange) {
  SourceManager sources;
  FileId f = sources.add("x.ss", "line one\n\tabc def\n");
  Diagnostics diags;
  diags.error(SourceRange{f, 14, 17}, "bad thing", "fix it");
  EXPECT_EQ(render_text(diags.items()[0], sources),
            "x.ss:2:6: error: bad thing\n"
            "    2 | \tabc def\n"
            "      | \t    ^~~\n"
            "hint: fix it\n");
}

TEST(Diagnostics, ClosestMatch) {
  EXPECT_EQ(closest_match("cnt", {"count", "sum", "printf"}), "count");
  EXPECT_EQ(closest_match("xyzzy", {"count", "sum"}), "");
}

TEST(Types, SizesAndLayout) {
  Type t = Type::tuple({Type::string(3), Type::i64(), Type::string(5)});
  auto offsets = tuple_offsets(t);
  EXPECT_EQ(offsets, (std::vector<uint32_t>{0, 8, 16}));
  EXPECT_EQ(t.byte_size(), 24u);
  EXPECT_TRUE(t.is_key_type());
  EXPECT_EQ(Type::aggregation(TypeKind::Avg).byte_size(), 16u);
}

}  // namespace
}  // namespace stratoshark::lang
