// generate(): ties maps, programs and object emission together.
#include "stratoshark/codegen/codegen.h"

#include <linux/bpf.h>

#include "layout.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

namespace {

runtime::SourcePosition position_of(const lang::SourceManager& sources, lang::SourceRange r) {
  runtime::SourcePosition p;
  if (r.file >= sources.size()) return p;
  const auto& file = sources.file(r.file);
  auto lc = file.position(r.begin);
  p.file = file.name();
  p.line = lc.line;
  p.column = lc.column;
  p.length = r.end - r.begin;
  return p;
}

}  // namespace

CodegenResult generate(const lang::Program& program, const lang::SemaResult& sema, const lang::SourceManager& sources,
                       const CodegenOptions& options) {
  CodegenResult result;
  ModuleEmitter module(sources, options);
  runtime::Artifact artifact;
  CodegenState state{module, program, sema, artifact, {}, nullptr, nullptr, nullptr, {}};

  for (const auto& [name, info] : sema.maps) artifact.maps.push_back(map_spec(info));
  for (const runtime::MapSpec& spec : artifact.maps) {
    uint32_t type = spec.per_cpu ? BPF_MAP_TYPE_PERCPU_HASH : BPF_MAP_TYPE_HASH;
    // Not preallocated: creating a map then costs nothing per entry, so
    // start-up does not grow with max_entries (entries come from the
    // kernel's BPF memory allocator, safe in any probe context).
    llvm::GlobalVariable* gv = module.define_map(spec.elf_name, type, options.map_entries, module.di_for(spec.key),
                                                 module.di_for(spec.value), BPF_F_NO_PREALLOC);
    state.maps[spec.name] = MapHandle{gv, &spec};
  }
  artifact.events_map = "ss_events";
  artifact.events_size = options.ringbuf_bytes;
  state.events = module.define_map(artifact.events_map, BPF_MAP_TYPE_RINGBUF, options.ringbuf_bytes, nullptr, nullptr);
  artifact.dropped_map = "ss_dropped";
  state.dropped = module.define_map(artifact.dropped_map, BPF_MAP_TYPE_PERCPU_ARRAY, 1, module.di_int(32, false),
                                    module.di_int(64, false));

  bool captures = false;
  for (const auto& [id, fn] : sema.functions) captures = captures || fn == lang::FunctionId::Capture;
  if (captures) {
    // One staging record per CPU: the event header and up to snaplen packet bytes.
    uint32_t value = static_cast<uint32_t>(sizeof(runtime::EventHeader) + sizeof(runtime::PacketEventHeader)) +
                     options.snaplen;
    artifact.snaplen = options.snaplen;
    artifact.packet_map = "ss_packets";
    state.packet_scratch = module.define_map(artifact.packet_map, BPF_MAP_TYPE_ARRAY, 1, module.di_int(32, false),
                                             module.di_char_array(value));
  }
  artifact.replay = options.replay;
  for (const lang::ProgramPlan& plan : sema.programs) {
    ProgramEmitter(state, plan).emit();
    runtime::ProgramSpec spec;
    spec.function = plan.function_name;
    spec.provider = std::string(plan.provider->name());
    spec.probe_index = plan.probe;
    for (size_t i = 0; i < plan.targets.size(); ++i) {
      const lang::ProbeTarget& t = plan.targets[i];
      spec.targets.push_back({t.name, t.params, t.number, t.retprobe, plan.probe_ids[i],
                              position_of(sources, plan.locations[i])});
      spec.alternatives.push_back(plan.alternatives[i]);
    }
    artifact.programs.push_back(std::move(spec));
  }
  artifact.probe_names = sema.probe_names;

  auto elf = module.compile(result.error, options.keep_ir ? &result.ir_unoptimized : nullptr,
                            options.keep_ir ? &result.ir_optimized : nullptr);
  if (!elf) return result;
  artifact.elf = std::move(*elf);
  result.artifact = std::move(artifact);
  return result;
}

}  // namespace stratoshark::codegen
