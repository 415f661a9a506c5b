// generate(): ties maps, programs and object emission together.
#include "stratoshark/codegen/codegen.h"

#include <linux/bpf.h>

#include <algorithm>

#include <fmt/format.h>

#include "core_types.h"
#include "layout.h"
#include "stratoshark/lang/probes/provider.h"
#include "object_info.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

namespace {

const char* program_type_name(lang::ProgramType t, bool retprobe) {
  switch (t) {
    case lang::ProgramType::Tracing: return retprobe ? "tracing (fexit)" : "tracing (fentry)";
    case lang::ProgramType::RawTracepoint: return "raw_tracepoint";
    case lang::ProgramType::Tracepoint: return "tracepoint";
    case lang::ProgramType::Kprobe: return retprobe ? "kprobe (return)" : "kprobe";
    case lang::ProgramType::PerfEvent: return "perf_event";
    case lang::ProgramType::SocketFilter: return "socket_filter";
    case lang::ProgramType::SchedCls: return "sched_cls";
    case lang::ProgramType::Xdp: return "xdp";
  }
  return "?";
}

}  // namespace

// Fills each program's instruction count, stack depth, line table and
// helpers from the object the back end produced.
bool describe_programs(runtime::Artifact& artifact, std::string& error) {
  auto functions = analyse_object(artifact.elf, error);
  if (functions.empty()) {
    error = "internal error: cannot read the generated object: " + error;
    return false;
  }
  for (runtime::ProgramSpec& spec : artifact.programs) {
    auto f = std::find_if(functions.begin(), functions.end(),
                          [&](const ObjectFunction& x) { return x.name == spec.function; });
    if (f == functions.end()) {
      error = "internal error: program " + spec.function + " is missing from the generated object";
      return false;
    }
    spec.instructions = f->instructions;
    spec.stack_bytes = f->stack_bytes;
    for (const SourceLine& l : f->lines) {
      spec.lines.push_back({l.insn, runtime::SourcePosition{l.file, l.line, l.column, 1}});
    }
    for (const HelperCall& call : f->helper_calls) {
      bool seen = std::any_of(spec.helpers.begin(), spec.helpers.end(),
                              [&](const runtime::HelperUse& h) { return h.id == call.id; });
      if (seen) continue;
      runtime::SourcePosition where;
      for (const runtime::LineInfo& l : spec.lines) {
        if (l.insn > call.insn) break;
        where = l.position;
      }
      spec.helpers.push_back({call.id, helper_name(call.id), where});
    }
  }
  return true;
}


namespace {

bool single_slot_kind(runtime::ValueKind kind) {
  using runtime::ValueKind;
  // Each leaves a non-zero byte in the value once it has run (count >= 1, the
  // `set` flag of min/max, the count of avg/stats); sum() may leave zeros.
  return kind == ValueKind::Count || kind == ValueKind::Min || kind == ValueKind::Max || kind == ValueKind::Avg ||
         kind == ValueKind::Stats;
}

void describe_user_map(ModuleEmitter& module, runtime::MapSpec& spec, MapHandle& handle,
                       const CodegenOptions& options) {
  if (!spec.has_key && spec.per_cpu && !handle.entries_used && single_slot_kind(spec.value.kind)) {
    // Programs pass an 8-byte key of 0; the array reads its first 4 bytes.
    spec.single_slot = true;
    spec.key_size = 4;
    spec.key = runtime::ValueLayout{runtime::ValueKind::Int, 0, 4, false, {}, 0};
    spec.max_entries = 1;
    // The entry exists: the lookup finds it, the insert paths are dead.
    for (llvm::CallInst* insert : handle.first_inserts) {
      insert->replaceAllUsesWith(llvm::ConstantInt::get(insert->getType(), 0));
      insert->eraseFromParent();
    }
    module.describe_map(handle.global, BPF_MAP_TYPE_PERCPU_ARRAY, 1, module.di_int(32, false),
                        module.di_for(spec.value));
    return;
  }
  uint32_t type = spec.per_cpu ? BPF_MAP_TYPE_PERCPU_HASH : BPF_MAP_TYPE_HASH;
  // Not preallocated: creating a map then costs nothing per entry, so
  // start-up does not grow with max_entries (entries come from the
  // kernel's BPF memory allocator, safe in any probe context).
  llvm::DIType* key = module.di_for(spec.key);
  if (spec.value.kind == runtime::ValueKind::Hist || spec.value.kind == runtime::ValueKind::Lhist) {
    std::vector<DIMember> members;
    if (spec.has_key) members.push_back({"key", key, 0});
    members.push_back({"bucket", module.di_int(64, false), spec.bucket_offset});
    key = module.di_struct("", members, spec.key_size);
  }
  module.describe_map(handle.global, type, options.map_entries, key, module.di_for(spec.value), BPF_F_NO_PREALLOC);
}

}  // namespace

CodegenResult generate(const lang::Program& program, const lang::SemaResult& sema, const lang::SourceManager& sources,
                       const CodegenOptions& options) {
  CodegenResult result;
  if (protocols::find_link_layer(options.link.link_type) == nullptr ||
      (!options.replay && options.link.link_type != protocols::kLinkTypeEthernet)) {
    result.error = fmt::format("cannot generate packet access for link type {}{}", options.link.link_type,
                               options.replay ? "" : " (live probes see Ethernet frames)");
    return result;
  }
  ModuleEmitter module(sources, options);
  runtime::Artifact artifact;
  CodegenState state{module, program, sema, artifact, {}, nullptr, nullptr, nullptr, nullptr, nullptr, {}, nullptr, 0, 0,
                     nullptr, nullptr, {}, nullptr};
  CoreTypes core(module);
  state.core = &core;

  for (const auto& [name, info] : sema.maps) {
    artifact.maps.push_back(map_spec(info));
    artifact.maps.back().max_entries = options.map_entries;
  }
  // Described (type, key, value) once the programs are emitted: what they
  // do with a map decides whether it can be a single slot.
  for (const runtime::MapSpec& spec : artifact.maps) {
    state.maps[spec.name] = MapHandle{module.declare_map(spec.elf_name), &spec, false, {}};
  }
  artifact.events_map = "ss_events";
  artifact.events_size = options.ringbuf_bytes;
  artifact.event_mode = options.event_mode;
  if (options.event_mode == runtime::EventMode::PerfBuffer) {
    // One slot per CPU; the runtime sizes it to the possible CPUs before loading.
    state.events = module.define_map(artifact.events_map, BPF_MAP_TYPE_PERF_EVENT_ARRAY, 0, module.di_int(32, false),
                                     module.di_int(32, false));
  } else {
    state.events = module.define_map(artifact.events_map, BPF_MAP_TYPE_RINGBUF, options.ringbuf_bytes, nullptr, nullptr);
  }
  // Events that found the buffer full: one counter shared by all CPUs,
  // added to atomically where a reservation fails (4 instructions, no lookup).
  artifact.dropped_map = ".bss";
  state.dropped = module.define_global_word("ss_dropped", artifact.dropped_map);

  bool captures = false;
  for (const auto& [id, fn] : sema.functions) captures = captures || fn == lang::FunctionId::Capture;
  if (captures) {
    // One staging record per CPU: the event header and up to snaplen packet
    // bytes, plus room for the 4 bytes of a VLAN tag written whole.
    uint32_t value = static_cast<uint32_t>(sizeof(runtime::EventHeader) + sizeof(runtime::PacketEventHeader)) +
                     options.snaplen + 4;
    artifact.snaplen = options.snaplen;
    artifact.packet_map = "ss_packets";
    state.packet_scratch = module.define_map(artifact.packet_map, BPF_MAP_TYPE_ARRAY, 1, module.di_int(32, false),
                                             module.di_char_array(value));
  }
  bool network = std::any_of(sema.programs.begin(), sema.programs.end(), [](const lang::ProgramPlan& p) {
    return lang::is_network_program(p.provider->program_type());
  });
  if (network && !captures) {
    // What the closing "Captured: N packets" line counts for such programs.
    artifact.matched_map = "ss_matched";
    state.matched = module.define_map(artifact.matched_map, BPF_MAP_TYPE_PERCPU_ARRAY, 1, module.di_int(32, false),
                                      module.di_int(64, false));
  }
  artifact.replay = options.replay;
  artifact.link_type = options.link.link_type;
  artifact.link_big_endian = options.link.big_endian;
  artifact.print_maps_on_exit = options.print_maps_on_exit;
  artifact.max_cat_bytes = options.max_cat_bytes;
  bool usdt = std::any_of(sema.programs.begin(), sema.programs.end(), [](const lang::ProgramPlan& p) {
    return p.provider->arg_access() == lang::ArgAccess::Usdt;
  });
  if (usdt) {
    // libbpf's USDT support finds these two maps by name and fills them
    // when attaching (layouts from bpf/usdt.bpf.h).
    constexpr uint32_t kUsdtSpecSize = 208;  // struct __bpf_usdt_spec
    state.usdt_specs = module.define_map("__bpf_usdt_specs", BPF_MAP_TYPE_ARRAY, 256, module.di_int(32, true),
                                         module.di_char_array(kUsdtSpecSize));
    module.define_map("__bpf_usdt_ip_to_spec_id", BPF_MAP_TYPE_HASH, 1024, module.di_int(64, true),
                      module.di_int(32, false));
  }
  auto live_tc = [&](const lang::ProgramPlan& p) {
    return p.provider->program_type() == lang::ProgramType::SchedCls && !options.replay;
  };
  for (const lang::ProgramPlan& plan : sema.programs) {
    if (lang::is_network_program(plan.provider->program_type())) module.optimise_packet_programs();
    ProgramEmitter emitter(state, plan);
    if (live_tc(plan)) {
      // First the twin that reads packets partly in pages through helpers,
      // a subprogram the direct program calls (packet_access.h).
      ProgramEmitter twin_emitter(state, plan);
      twin_emitter.set_tc_twin({true});
      twin_emitter.emit();
      state.scratch_value_size = std::max(state.scratch_value_size, twin_emitter.scratch_bytes());
      emitter.set_tc_twin({false});
    }
    emitter.emit();
    runtime::ProgramSpec spec;
    spec.scratch_bytes = emitter.scratch_bytes();
    state.scratch_value_size = std::max(state.scratch_value_size, emitter.scratch_bytes());
    spec.function = plan.function_name;
    spec.provider = std::string(plan.provider->name());
    spec.program_type = program_type_name(plan.provider->program_type(), plan.targets.front().retprobe);
    spec.probe_index = plan.probe;
    for (size_t i = 0; i < plan.targets.size(); ++i) {
      const lang::ProbeTarget& t = plan.targets[i];
      spec.targets.push_back({t.name, t.params, t.number, t.retprobe, plan.probe_ids[i],
                              module.position(plan.locations[i])});
      spec.alternatives.push_back(plan.alternatives[i]);
    }
    artifact.programs.push_back(std::move(spec));
  }
  for (runtime::MapSpec& spec : artifact.maps) describe_user_map(module, spec, state.maps.at(spec.name), options);
  artifact.probe_names = sema.probe_names;
  // func: the function of each probe id.
  artifact.func_names.assign(artifact.probe_names.size(), std::string());
  for (const lang::ProgramPlan& plan : sema.programs) {
    for (size_t i = 0; i < plan.targets.size(); ++i) {
      if (plan.probe_ids[i] < artifact.func_names.size()) {
        artifact.func_names[plan.probe_ids[i]] = plan.provider->function_of(plan.targets[i]);
      }
    }
  }
  artifact.time_formats = sema.time_formats;
  if (state.scratch != nullptr) {
    artifact.scratch_map = "ss_scratch";
    artifact.scratch_value_size = state.scratch_value_size;
    module.describe_map(state.scratch, BPF_MAP_TYPE_PERCPU_ARRAY, state.scratch_users, module.di_int(32, false),
                        module.di_char_array(state.scratch_value_size));
  }

  core.finalize();
  auto elf = module.compile(result.error, options.keep_ir ? &result.ir_unoptimized : nullptr,
                            options.keep_ir ? &result.ir_optimized : nullptr);
  if (!elf) return result;
  artifact.elf = std::move(*elf);
  if (!describe_programs(artifact, result.error)) return result;
  result.artifact = std::move(artifact);
  return result;
}

}  // namespace stratoshark::codegen
