// What the generated object says about each BPF program: instruction count,
// stack depth, helper calls, and the BTF line info that maps instructions
// back to the source (read from the .BTF/.BTF.ext sections the BPF back end
// wrote). Feeds the artifact (verifier-error mapping, --explain) and -d asm.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stratoshark/runtime/artifact.h"

namespace stratoshark::codegen {

struct SourceLine {
  uint32_t insn = 0;  // from the program's first instruction
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string text;  // the source line, as BTF stores it
};

struct HelperCall {
  uint32_t insn = 0;
  uint32_t id = 0;
};

// A CO-RE relocation (.BTF.ext): libbpf rewrites instruction `insn` for the
// kernel the program is loaded on.
struct CoreRelocation {
  uint32_t insn = 0;
  std::string text;  // e.g. "CO-RE field offset: task_struct::pid"
};

struct ObjectFunction {
  std::string name;
  std::string section;
  uint64_t offset = 0;  // bytes into the section
  std::vector<uint8_t> code;
  uint32_t instructions = 0;
  uint32_t stack_bytes = 0;
  std::vector<SourceLine> lines;  // sorted by insn
  std::vector<HelperCall> helper_calls;
  std::vector<CoreRelocation> core_relocations;  // sorted by insn
};

// Parses `elf` (a BPF relocatable object). Returns the functions found, or an
// empty vector with `error` set when the object cannot be read.
std::vector<ObjectFunction> analyse_object(const std::vector<uint8_t>& elf, std::string& error);

// Fills each program of `artifact` (matched by function name) with its
// instruction count, stack depth, line table and helpers from artifact.elf.
bool describe_programs(runtime::Artifact& artifact, std::string& error);

// The name of a BPF helper ("bpf_map_lookup_elem"), or "helper #N".
std::string helper_name(uint32_t id);

}  // namespace stratoshark::codegen
