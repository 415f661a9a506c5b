// Decoding bytes into values and rendering them (no kernel involved).
#include <cstring>

#include <gtest/gtest.h>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/output.h"
#include "stratoshark/runtime/value.h"

namespace stratoshark::runtime {
namespace {

template <class T>
void put(std::vector<uint8_t>& bytes, size_t offset, T value) {
  if (bytes.size() < offset + sizeof(T)) bytes.resize(offset + sizeof(T));
  std::memcpy(bytes.data() + offset, &value, sizeof(T));
}

TEST(Decode, IntegersStringsTuplesProbeNames) {
  std::vector<uint8_t> bytes;
  put<int64_t>(bytes, 0, -5);
  put<uint64_t>(bytes, 8, 1);
  bytes.resize(24);
  std::memcpy(bytes.data() + 16, "abc", 4);
  ValueLayout tuple{ValueKind::Tuple, 0, 24, false,
                    {{ValueKind::Int, 0, 8, true, {}}, {ValueKind::ProbeName, 8, 8, false, {}},
                     {ValueKind::String, 16, 8, false, {}}}};
  Value v = decode(bytes, tuple, {"BEGIN", "tracepoint:a:b"});
  ASSERT_EQ(v.elements.size(), 3u);
  EXPECT_EQ(format_value(v), "-5, tracepoint:a:b, abc");
}

TEST(Decode, NeverReadsPastTheEnd) {
  std::vector<uint8_t> bytes = {'x', 'y'};  // no NUL, shorter than the layout
  EXPECT_EQ(decode(bytes, {ValueKind::String, 0, 16, false, {}}, {}).s, "xy");
  EXPECT_EQ(decode(bytes, {ValueKind::Int, 8, 8, false, {}}, {}).u, 0u);
  EXPECT_EQ(decode(bytes, {ValueKind::String, 9, 4, false, {}}, {}).s, "");
}

TEST(PerCpu, CombinesEachAggregation) {
  // Three CPUs, 16-byte slots: {value, set/count}.
  std::vector<uint8_t> bytes(48);
  put<int64_t>(bytes, 0, 7);
  put<uint64_t>(bytes, 8, 1);
  put<int64_t>(bytes, 16, 0);
  put<uint64_t>(bytes, 24, 0);  // CPU 1 never saw a value
  put<int64_t>(bytes, 32, -3);
  put<uint64_t>(bytes, 40, 1);
  EXPECT_EQ(combine_per_cpu(bytes, 3, 16, {ValueKind::Min, 0, 16, true, {}}).i, -3);
  EXPECT_EQ(combine_per_cpu(bytes, 3, 16, {ValueKind::Max, 0, 16, true, {}}).i, 7);
  EXPECT_EQ(combine_per_cpu(bytes, 3, 16, {ValueKind::Avg, 0, 16, true, {}}).i, 2);  // (7 + 0 - 3) / 2
  EXPECT_EQ(combine_per_cpu(bytes, 3, 16, {ValueKind::Sum, 0, 8, true, {}}).i, 4);
}

TEST(Printf, RendersConversions) {
  PrintfSpec spec;
  spec.segments = {
      {"[", Conversion{'d', "", 4, -1}, {ValueKind::Int, 8, 8, true, {}}},
      {"|", Conversion{'s', "-", 5, -1}, {ValueKind::String, 16, 8, false, {}}},
      {"|", Conversion{'x', "#", -1, -1}, {ValueKind::Int, 24, 8, false, {}}},
      {"]\n", std::nullopt, {}},
  };
  std::vector<uint8_t> event(32);
  put<int64_t>(event, 8, -12);
  std::memcpy(event.data() + 16, "ab", 3);
  put<uint64_t>(event, 24, 255);
  EXPECT_EQ(format_printf(spec, event, {}), "[ -12|ab   |0xff]\n");
}

TEST(MapText, SortedByValueThenKey) {
  MapSpec spec;
  spec.name = "";
  spec.has_key = true;
  MapSnapshot snapshot{&spec, {}};
  snapshot.entries.push_back({Value::of_string("b"), Value::of_uint(5)});
  snapshot.entries.push_back({Value::of_string("a"), Value::of_uint(5)});
  snapshot.entries.push_back({Value::of_string("c"), Value::of_uint(1)});
  EXPECT_EQ(format_map_text(snapshot), "@[c]: 1\n@[a]: 5\n@[b]: 5\n");
  MapSpec scalar;
  scalar.name = "total";
  MapSnapshot one{&scalar, {{Value{}, Value::of_int(-2)}}};
  EXPECT_EQ(format_map_text(one), "@total: -2\n");
}

Value histogram(std::vector<uint64_t> buckets) {
  Value v;
  v.kind = Value::Kind::Histogram;
  v.buckets = std::move(buckets);
  return v;
}

TEST(HistogramText, PowerOfTwoLabelsUpToTera) {
  MapSpec spec;
  spec.value.kind = ValueKind::Hist;
  std::vector<uint64_t> buckets(66, 0);
  buckets[12] = 1;  // [1K, 2K)
  buckets[22] = 2;  // [1M, 2M)
  buckets[32] = 4;  // [1G, 2G)
  buckets[42] = 8;  // [1T, 2T)
  std::string text = format_histogram_text(histogram(buckets), spec);
  EXPECT_NE(text.find("[1K, 2K)               1 |@@@@@@                                              |\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[1M, 2M)               2 |"), std::string::npos);
  EXPECT_NE(text.find("[512M, 1G)             0 |"), std::string::npos);
  EXPECT_NE(text.find("[1T, 2T)               8 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n"), std::string::npos);
  EXPECT_EQ(text.find("[2T"), std::string::npos);  // stops at the last bucket with a count
  EXPECT_EQ(format_histogram_text(histogram(std::vector<uint64_t>(66, 0)), spec), "");
}

TEST(HistogramText, LinearLabelsAndDivision) {
  MapSpec spec;
  spec.value.kind = ValueKind::Lhist;
  spec.linear_min = -2048;
  spec.linear_max = 2097152 + 1024;
  spec.linear_step = 1024;
  std::vector<uint64_t> buckets(bucket_count(spec), 0);
  ASSERT_EQ(buckets.size(), 2051u + 2u);  // (max - min) / step buckets, below and beyond
  buckets[0] = 10;
  buckets[3] = 20;                   // [0, 1K)
  buckets[buckets.size() - 2] = 30;  // [2M, 2049K)
  buckets.back() = 40;               // [2049K, ...)
  std::string text = format_histogram_text(histogram(buckets), spec, 10);
  EXPECT_EQ(text.substr(0, text.find('\n')), "(..., -2K)             1 |@@@@@@@@@@@@@                                       |");
  EXPECT_NE(text.find("[-2K, -1K)             0 |"), std::string::npos);
  EXPECT_NE(text.find("[0, 1K)                2 |"), std::string::npos);
  EXPECT_NE(text.find("[2M, 2049K)            3 |"), std::string::npos);
  EXPECT_NE(text.find("[2049K, ...)           4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|"), std::string::npos);
}

TEST(MapText, StatsTopAndDiv) {
  MapSpec spec;
  spec.name = "s";
  spec.has_key = true;
  MapSnapshot snapshot{&spec, {}};
  Value small;
  small.kind = Value::Kind::Stats;
  small.elements = {Value::of_uint(2), Value::of_int(5), Value::of_int(10)};
  Value big = small;
  big.elements = {Value::of_uint(1), Value::of_int(50), Value::of_int(50)};
  snapshot.entries.push_back({Value::of_string("b"), big});
  snapshot.entries.push_back({Value::of_string("a"), small});
  EXPECT_EQ(format_map_text(snapshot), "@s[a]: count 2, average 5, total 10\n@s[b]: count 1, average 50, total 50\n");
  EXPECT_EQ(format_map_text(snapshot, {1, 1}), "@s[b]: count 1, average 50, total 50\n");
  MapSpec counts;
  counts.name = "c";
  counts.has_key = true;
  MapSnapshot c{&counts, {{Value::of_uint(1), Value::of_uint(1000)}, {Value::of_uint(2), Value::of_uint(10)}}};
  EXPECT_EQ(format_map_text(c, {0, 1000}), "@c[2]: 0\n@c[1]: 1\n");
}

TEST(Json, EscapesAndShapes) {
  EXPECT_EQ(json_escape("a\"b\\c\n\x01"), "a\\\"b\\\\c\\n\\u0001");
  EXPECT_EQ(json_message("printf", "x\n"), "{\"type\": \"printf\", \"data\": \"x\\n\"}\n");
  Value tuple;
  tuple.kind = Value::Kind::Tuple;
  tuple.elements = {Value::of_int(1), Value::of_string("s")};
  EXPECT_EQ(json_value(tuple), "{\"type\": \"value\", \"data\": [1,\"s\"]}\n");
  MapSpec spec;
  spec.name = "h";
  spec.value.kind = ValueKind::Hist;
  std::vector<uint64_t> buckets(66, 0);
  buckets[0] = 1;
  buckets[65] = 2;
  MapSnapshot h{&spec, {{Value{}, histogram(buckets)}}};
  std::string line = json_map(h);
  EXPECT_EQ(line.substr(0, 58), "{\"type\": \"hist\", \"data\": {\"@h\": [{\"max\": -1, \"count\": 1}, ");
  EXPECT_NE(line.find("{\"min\": 9223372036854775808, \"max\": 18446744073709551615, \"count\": 2}]}}\n"),
            std::string::npos);
  MapSnapshot empty{&spec, {}};
  EXPECT_EQ(json_map(empty), "");
}

TEST(Decode, BoolPointerArrayBuffer) {
  std::vector<uint8_t> bytes;
  put<uint64_t>(bytes, 0, 1);
  put<uint64_t>(bytes, 8, 0xffff888100001000ull);
  put<uint32_t>(bytes, 16, 0x0100007f);
  put<uint64_t>(bytes, 24, 3);  // a buffer of 3 bytes
  bytes.resize(40);
  std::memcpy(bytes.data() + 32, "a\x01\xff", 3);
  EXPECT_EQ(format_printed_value(decode(bytes, {ValueKind::Bool, 0, 8, false, {}}, {})), "true");
  EXPECT_EQ(format_printed_value(decode(bytes, {ValueKind::Pointer, 8, 8, false, {}}, {})), "0xffff888100001000");
  ValueLayout array{ValueKind::Array, 16, 4, false, {{ValueKind::Int, 0, 1, false, {}}}};
  EXPECT_EQ(format_printed_value(decode(bytes, array, {})), "[127,0,0,1]");
  Value buffer = decode(bytes, {ValueKind::Buffer, 24, 16, false, {}}, {});
  EXPECT_EQ(format_printed_value(buffer), "a\\x01\\xff");
  // %r, %rx, %rh of a buffer.
  PrintfSpec spec;
  for (const char* flags : {"", "x", "h"}) {
    spec.segments.push_back({"[", Conversion{'r', flags, -1, -1}, {ValueKind::Buffer, 24, 16, false, {}}});
  }
  EXPECT_EQ(format_printf(spec, bytes, {}), "[a\\x01\\xff[\\x61\\x01\\xff[61 01 ff");
}

// A stack decoded through a symbolizer, shown as bpftrace shows it: values
// indented by 8, map keys by 4; tuples as values in parentheses.
class FixedSymbols final : public Symbolizer {
 public:
  std::vector<uint64_t> stack(uint32_t, int64_t) override { return {0x10, 0x20}; }
  std::string kernel_symbol(uint64_t a, bool offset) override { return a == 0x10 ? (offset ? "f+1" : "f") : "g+2"; }
  std::string user_symbol(uint32_t, uint64_t, bool) override { return "u"; }
};

TEST(Decode, StacksAndSymbols) {
  std::vector<uint8_t> bytes(16, 0);
  FixedSymbols symbols;
  DecodeContext context;
  context.symbols = &symbols;
  Value stack = decode(bytes, {ValueKind::KernelStack, 0, 16, false, {}, 127}, context);
  EXPECT_EQ(format_printed_value(stack), "\n        f+1\n        g+2\n");
  EXPECT_EQ(format_value(stack), "\n    f+1\n    g+2\n");
  put<uint64_t>(bytes, 0, 0x10);
  EXPECT_EQ(decode(bytes, {ValueKind::KernelSymbol, 0, 16, false, {}}, context).s, "f");
  Value perf = decode(bytes, {ValueKind::KernelStack, 0, 16, false, {}, 127 | (1u << 16)}, context);
  EXPECT_EQ(perf.elements[0].s, "10 f+1");
  MapSpec spec;
  spec.name = "m";
  spec.has_key = true;
  MapSnapshot map{&spec, {}};
  Value tuple;
  tuple.kind = Value::Kind::Tuple;
  tuple.elements = {Value::of_int(1), Value::of_string("x")};
  map.entries.push_back({stack, tuple});
  EXPECT_EQ(format_map_text(map), "@m[\n    f+1\n    g+2\n]: (1, x)\n");
}

TEST(ArtifactJson, RoundTrips) {
  Artifact a;
  ProgramSpec program;
  program.function = "ss_0_tp";
  program.provider = "tracepoint";
  program.program_type = "tracepoint";
  program.targets = {{"tracepoint:a:b", {"a", "b"}, 0, false, 3, {"x.ss", 1, 2, 3}}};
  program.alternatives = {""};
  program.instructions = 12;
  program.lines = {{4, {"x.ss", 1, 5, 1}}};
  program.helpers = {{14, "bpf_get_current_pid_tgid", {"x.ss", 1, 5, 1}}};
  a.programs.push_back(program);
  a.maps.push_back({"n", "m_n", true, false, {}, 8, {ValueKind::Count, 0, 8, false, {}}, 8});
  MapSpec lhist;
  lhist.name = "l";
  lhist.value.kind = ValueKind::Lhist;
  lhist.bucket_offset = 8;
  lhist.linear_min = -5;
  lhist.linear_max = 50;
  lhist.linear_step = 5;
  a.maps.push_back(lhist);
  a.print_values.push_back({ValueKind::String, 8, 16, false, {}});
  a.printfs.push_back({{{"x=", Conversion{'d', "", -1, -1}, {ValueKind::Int, 8, 8, true, {}}}}, 16});
  a.probe_names = {"tracepoint:a:b"};
  a.func_names = {"b"};
  a.stack_maps = {{"ss_stack_3", 3}};
  a.time_formats = {"%H:%M"};
  a.joins = {{",", 16, 64}};
  a.warnings = {{"probe_read_kernel", {"x.ss", 1, 2, 3}, "BEGIN { }"}};
  a.cpid_map = "ss_cpid";
  a.print_values.push_back({ValueKind::KernelStack, 8, 16, false, {}, 3});
  a.events_map = "ss_events";
  a.dropped_map = "ss_dropped";
  a.events_size = 4096;
  std::string error;
  auto back = artifact_from_metadata_json(artifact_metadata_json(a), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->programs[0].targets[0].position.column, 2u);
  EXPECT_EQ(back->programs[0].lines[0].insn, 4u);
  EXPECT_EQ(back->programs[0].helpers[0].name, "bpf_get_current_pid_tgid");
  EXPECT_EQ(back->maps[0].value.kind, ValueKind::Count);
  EXPECT_EQ(back->maps[1].linear_min, -5);
  EXPECT_EQ(back->maps[1].bucket_offset, 8u);
  EXPECT_EQ(back->print_values[0].size, 16u);
  EXPECT_EQ(back->printfs[0].segments[0].conversion->specifier, 'd');
  EXPECT_EQ(back->print_values[1].table, 3u);
  EXPECT_EQ(back->stack_maps[0].frames, 3u);
  EXPECT_EQ(back->warnings[0].source_line, "BEGIN { }");
  EXPECT_EQ(back->joins[0].separator, ",");
  EXPECT_EQ(artifact_metadata_json(*back), artifact_metadata_json(a));
  EXPECT_FALSE(artifact_from_metadata_json("{}", error));
  EXPECT_FALSE(artifact_from_metadata_json("not json", error));
}

}  // namespace
}  // namespace stratoshark::runtime
