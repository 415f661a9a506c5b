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
  a.printfs.push_back({{{"x=", Conversion{'d', "", -1, -1}, {ValueKind::Int, 8, 8, true, {}}}}, 16});
  a.probe_names = {"tracepoint:a:b"};
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
  EXPECT_EQ(back->printfs[0].segments[0].conversion->specifier, 'd');
  EXPECT_EQ(artifact_metadata_json(*back), artifact_metadata_json(a));
  EXPECT_FALSE(artifact_from_metadata_json("{}", error));
  EXPECT_FALSE(artifact_from_metadata_json("not json", error));
}

}  // namespace
}  // namespace stratoshark::runtime
