// Code generation: a checked program to a BPF ELF object plus the metadata
// the runtime needs (together: a runtime::Artifact).
//
// The object is produced in memory with LLVM's BPF backend. Maps are
// BTF-defined (.maps), and BTF line info points at the .ss source, whose text
// is embedded so the loader can show the line behind a verifier error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/sema.h"
#include "stratoshark/lang/source.h"
#include "stratoshark/runtime/artifact.h"

namespace stratoshark::codegen {

struct CodegenOptions {
  std::string cpu = "v3";              // BPF ISA version given to LLVM
  uint32_t map_entries = 4096;         // max_entries of user maps
  uint32_t ringbuf_bytes = 1u << 20;   // event ring buffer, or each CPU's perf buffer (power of two, >= page size)
  runtime::EventMode event_mode = runtime::EventMode::RingBuffer;  // --event-mode
  bool keep_ir = false;                // fill CodegenResult::ir_* for -d ir
  uint32_t snaplen = 262144;           // bytes of each packet capture() sends (tcpdump's default)
  bool replay = false;                 // network programs run on a capture file (see runtime::Artifact::replay)
  // The link layer of the packets: Ethernet for live probes; with replay,
  // the file's (runtime::Artifact::link_type). Must match LanguageOptions::link_type.
  protocols::CaptureLink link;
  uint32_t on_stack_limit = 32;        // buffers this large or larger go to scratch (limits::buffer_on_stack)
  uint32_t max_cat_bytes = 10240;      // runtime::Artifact::max_cat_bytes
  bool print_maps_on_exit = true;      // runtime::Artifact::print_maps_on_exit
};

struct CodegenResult {
  std::optional<runtime::Artifact> artifact;
  std::string error;            // set when artifact is empty: an internal or LLVM error
  std::string ir_unoptimized;   // with keep_ir
  std::string ir_optimized;     // with keep_ir
};

CodegenResult generate(const lang::Program& program, const lang::SemaResult& sema,
                       const lang::SourceManager& sources, const CodegenOptions& options);

// BPF instructions of every program section in `elf`, one per line
// ("  offset: instruction"), for -d asm.
std::string disassemble(const std::vector<uint8_t>& elf);

}  // namespace stratoshark::codegen
