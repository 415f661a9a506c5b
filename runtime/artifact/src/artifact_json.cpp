// JSON (de)serialisation of the artifact's metadata.
#include <nlohmann/json.hpp>

#include "stratoshark/runtime/artifact.h"

namespace stratoshark::runtime {

NLOHMANN_JSON_SERIALIZE_ENUM(ValueKind, {
                                            {ValueKind::Int, "int"},
                                            {ValueKind::String, "string"},
                                            {ValueKind::ProbeName, "probe"},
                                            {ValueKind::Tuple, "tuple"},
                                            {ValueKind::Count, "count"},
                                            {ValueKind::Sum, "sum"},
                                            {ValueKind::Min, "min"},
                                            {ValueKind::Max, "max"},
                                            {ValueKind::Avg, "avg"},
                                            {ValueKind::Address, "address"},
                                            {ValueKind::Stats, "stats"},
                                            {ValueKind::Hist, "hist"},
                                            {ValueKind::Lhist, "lhist"},
                                            {ValueKind::Bool, "bool"},
                                            {ValueKind::Pointer, "pointer"},
                                            {ValueKind::Array, "array"},
                                            {ValueKind::Buffer, "buffer"},
                                            {ValueKind::KernelStack, "kstack"},
                                            {ValueKind::UserStack, "ustack"},
                                            {ValueKind::KernelSymbol, "ksym"},
                                            {ValueKind::UserSymbol, "usym"},
                                            {ValueKind::Timestamp, "timestamp"},
                                            {ValueKind::FuncName, "func"},
                                        })

void to_json(nlohmann::json& j, const ValueLayout& v) {
  j = {{"kind", v.kind}, {"offset", v.offset}, {"size", v.size}, {"signed", v.is_signed}};
  if (!v.elements.empty()) j["elements"] = v.elements;
  if (v.table != 0) j["table"] = v.table;
}
void from_json(const nlohmann::json& j, ValueLayout& v) {
  j.at("kind").get_to(v.kind);
  j.at("offset").get_to(v.offset);
  j.at("size").get_to(v.size);
  j.at("signed").get_to(v.is_signed);
  if (j.contains("elements")) j.at("elements").get_to(v.elements);
  v.table = j.value("table", 0u);
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MapSpec, name, elf_name, per_cpu, has_key, key, key_size, value, value_size,
                                   max_entries, bucket_offset, linear_min, linear_max, linear_step, single_slot)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Conversion, specifier, flags, width, precision)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(SourcePosition, file, line, column, length)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AttachTarget, name, params, number, retprobe, cookie, position)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LineInfo, insn, position)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(HelperUse, id, name, first_use)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ProgramSpec, function, provider, program_type, probe_index, targets, alternatives,
                                   instructions, stack_bytes, scratch_bytes, lines, helpers)

void to_json(nlohmann::json& j, const FormatSegment& s) {
  j = {{"literal", s.literal}, {"arg", s.arg}};
  if (s.conversion) j["conversion"] = *s.conversion;
}
void from_json(const nlohmann::json& j, FormatSegment& s) {
  j.at("literal").get_to(s.literal);
  j.at("arg").get_to(s.arg);
  if (j.contains("conversion")) s.conversion = j.at("conversion").get<Conversion>();
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PrintfSpec, segments, event_size)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JoinSpec, separator, count, size)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StackMapSpec, name, frames)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(WarningSite, helper, position, source_line)

std::string artifact_metadata_json(const Artifact& a) {
  nlohmann::json j = {
      {"format", "stratoshark-artifact-1"},
      {"programs", a.programs},
      {"maps", a.maps},
      {"printfs", a.printfs},
      {"print_values", a.print_values},
      {"probe_names", a.probe_names},
      {"events_map", a.events_map},
      {"event_mode", a.event_mode == EventMode::PerfBuffer ? "perf" : "ringbuf"},
      {"scratch_map", a.scratch_map},
      {"scratch_value_size", a.scratch_value_size},
      {"dropped_map", a.dropped_map},
      {"matched_map", a.matched_map},
      {"events_size", a.events_size},
      {"snaplen", a.snaplen},
      {"packet_map", a.packet_map},
      {"start_map", a.start_map},
      {"replay", a.replay},
      {"link_type", a.link_type},
      {"link_big_endian", a.link_big_endian},
      {"print_maps_on_exit", a.print_maps_on_exit},
      {"max_cat_bytes", a.max_cat_bytes},
      {"func_names", a.func_names},
      {"stack_maps", a.stack_maps},
      {"time_formats", a.time_formats},
      {"joins", a.joins},
      {"warnings", a.warnings},
      {"cpid_map", a.cpid_map},
  };
  return j.dump(2);
}

std::optional<Artifact> artifact_from_metadata_json(const std::string& text, std::string& error) {
  try {
    auto j = nlohmann::json::parse(text);
    if (j.value("format", "") != "stratoshark-artifact-1") {
      error = "not a stratoshark artifact description (missing \"format\": \"stratoshark-artifact-1\")";
      return std::nullopt;
    }
    Artifact a;
    j.at("programs").get_to(a.programs);
    j.at("maps").get_to(a.maps);
    j.at("printfs").get_to(a.printfs);
    if (j.contains("print_values")) j.at("print_values").get_to(a.print_values);
    j.at("probe_names").get_to(a.probe_names);
    j.at("events_map").get_to(a.events_map);
    a.event_mode = j.value("event_mode", std::string("ringbuf")) == "perf" ? EventMode::PerfBuffer : EventMode::RingBuffer;
    j.at("scratch_map").get_to(a.scratch_map);
    j.at("scratch_value_size").get_to(a.scratch_value_size);
    j.at("dropped_map").get_to(a.dropped_map);
    a.matched_map = j.value("matched_map", std::string());
    j.at("events_size").get_to(a.events_size);
    a.snaplen = j.value("snaplen", 0u);
    a.packet_map = j.value("packet_map", std::string());
    a.start_map = j.value("start_map", std::string());
    a.replay = j.value("replay", false);
    a.link_type = j.value("link_type", 1u);
    a.link_big_endian = j.value("link_big_endian", false);
    a.print_maps_on_exit = j.value("print_maps_on_exit", true);
    a.max_cat_bytes = j.value("max_cat_bytes", 10240u);
    if (j.contains("func_names")) j.at("func_names").get_to(a.func_names);
    if (j.contains("stack_maps")) j.at("stack_maps").get_to(a.stack_maps);
    if (j.contains("time_formats")) j.at("time_formats").get_to(a.time_formats);
    if (j.contains("joins")) j.at("joins").get_to(a.joins);
    if (j.contains("warnings")) j.at("warnings").get_to(a.warnings);
    a.cpid_map = j.value("cpid_map", std::string());
    return a;
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace stratoshark::runtime
