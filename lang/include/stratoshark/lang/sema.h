// Results of the semantic passes, kept in side tables next to the AST.
//
// Each pass fills its own part of SemaResult; codegen reads it. Nothing here
// is stored in AST nodes, so the AST stays plain syntax.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/builtins.h"
#include "stratoshark/lang/complexity.h"
#include "stratoshark/lang/format_string.h"
#include "stratoshark/lang/functions.h"
#include "stratoshark/lang/kernel_catalog.h"
#include "stratoshark/lang/probes/provider.h"
#include "stratoshark/lang/types.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::lang {

// Settings that change what the language accepts or how values are sized.
// The config block's settings (docs/language.md#config) are here too; the
// ones the compiler does not use itself (map sizes, the event buffer, what
// the runtime prints) are handed on by the command line.
struct LanguageOptions {
  uint32_t string_capacity = 64;  // bytes, including the NUL, of strings read at run time (max_strlen)
  uint32_t max_loop_iterations = 1024;  // a while loop stops after this many iterations
  std::string stack_mode = "bpftrace";  // kstack/ustack without a mode (stack_mode)
  MissingProbes missing_probes = MissingProbes::Error;  // attach points naming no probe (missing_probes)
  uint32_t on_stack_limit = 32;   // buffers of this many bytes or more live in scratch (on_stack_limit)
  uint32_t max_map_keys = 4096;   // max_entries of the program's maps (max_map_keys)
  uint32_t perf_rb_pages = 0;     // pages of the event buffer; 0: --buffer-size or its default (perf_rb_pages)
  uint32_t max_cat_bytes = 10240; // bytes cat() prints at most (max_cat_bytes)
  bool print_maps_on_exit = true; // print the maps when tracing ends (print_maps_on_exit)
  uint32_t max_probes = 0;        // attach targets at most; 0: no limit (max_probes)
  uint32_t max_bpf_progs = 0;     // BPF programs at most; 0: no limit (max_bpf_progs)
  bool unsafe = false;                  // --unsafe: system(), signal()
  // The link layer network probes see (LINKTYPE_*): Ethernet for live
  // interfaces, the file's for -r. Decides which packet layers exist (eth,
  // sll, sll2) and how capture filters find the network layer.
  uint32_t link_type = protocols::kLinkTypeEthernet;
  // -k: report failed memory reads at run time; -kk (2): also failed map updates.
  uint32_t helper_warnings = 0;
  std::vector<std::string> positional;  // $1 .. $N
};

// A value the compiler knows: a positional parameter, a constant bound.
struct ConstantValue {
  bool is_string = false;
  int64_t integer = 0;
  std::string text;
};

// Iterations of a for-range loop or an unroll: [begin, end).
struct LoopBounds {
  int64_t begin = 0;
  int64_t end = 0;
  uint64_t count() const { return end > begin ? static_cast<uint64_t>(end - begin) : 0; }
};

// Produced by ProbeResolver.
struct ResolvedAttach {
  const ProbeProvider* provider = nullptr;
  const AttachPoint* point = nullptr;
  std::vector<ProbeTarget> targets;
};

struct ResolvedProbe {
  std::vector<ResolvedAttach> attaches;
};

// Produced by TypeChecker.
struct MapInfo {
  std::string name;  // without '@'
  Type key;          // None: the map has no key ("@x")
  Type value;
  SourceRange defined_at;  // first assignment
};

// Produced by ProgramPlanner: one BPF program = one probe body compiled for a
// set of targets of one provider that share the layout of the `args` fields
// the body reads.
struct ProgramPlan {
  uint32_t probe = 0;  // index into Program::probes
  const ProbeProvider* provider = nullptr;
  std::vector<ProbeTarget> targets;
  std::vector<uint32_t> probe_ids;  // per target: index into SemaResult::probe_names
  std::vector<std::string> alternatives;  // per target: ProbeProvider::alternative()
  std::vector<SourceRange> locations;     // per target: the attach point it came from
  std::map<std::string, TracepointField> args;  // the used fields of `args`, by name
  std::optional<TracepointField> retval;        // where `retval` is (return probes)
  std::string function_name;  // ELF symbol and kernel program name (<= 15 chars)
};

// Produced by TypeChecker in network probes: what a packet name means. For a
// layer (Identifier `tcp`, PacketLayer) `protocol` is set and `field` is null;
// for a header field (FieldAccess `tcp.dport`) both are; for packet metadata
// (`pkt.len`, `pkt.ifindex`, `pkt.proto`) `protocol` is null and `meta` names it.
struct PacketRef {
  const protocols::Protocol* protocol = nullptr;
  const protocols::Field* field = nullptr;
  Encapsulation encap;
  std::string meta;
};

// Produced by TypeChecker for a member of a kernel struct (a FieldAccess on
// a struct or a pointer to one): what codegen needs for a CO-RE relocated
// read (the struct as the kernel's BTF names it, the member by name).
struct StructMemberRef {
  std::string struct_key;  // "struct task_struct"
  bool is_union = false;
  uint32_t struct_size = 0;
  KernelField field;
};

// uaddr("sym"): the symbol's address in its ELF file and, when the probe is
// a uprobe on one function, that function's address there (then codegen
// moves the symbol by where the binary is loaded: ip - probed).
struct UserAddress {
  uint64_t symbol = 0;
  uint64_t probed = 0;  // 0: use the file's address as it is
};

struct SemaResult {
  // FilterExpander: the lowered expression of each filter("...") call, by Call node.
  std::unordered_map<NodeId, Expr*> filters;

  // TypeChecker
  std::vector<Type> types;  // by NodeId
  std::unordered_map<NodeId, BuiltinId> builtins;    // Identifier nodes
  std::unordered_map<NodeId, FunctionId> functions;  // Call nodes
  std::unordered_map<NodeId, FormatString> formats;  // printf Call nodes
  std::map<std::string, MapInfo> maps;
  std::vector<std::map<std::string, Type>> variables;  // per probe: $name -> type
  std::vector<std::vector<std::string>> used_args;     // per probe: args fields read
  std::unordered_map<NodeId, PacketRef> packet;        // packet layers, fields and metadata
  std::unordered_map<NodeId, ConstantValue> constants;  // Positional nodes (str($N): as text)
  std::unordered_map<NodeId, LoopBounds> loops;         // ForRange and Unroll statements
  std::unordered_map<NodeId, StructMemberRef> members;  // FieldAccess nodes on kernel structs
  std::unordered_map<NodeId, UserAddress> user_addresses;  // uaddr() calls
  std::vector<std::string> time_formats;  // strftime() and time() formats, by Timestamp::size / constant
  uint32_t max_loop_iterations = 0;                     // while loops (from LanguageOptions)
  uint32_t helper_warnings = 0;                         // -k, -kk (from LanguageOptions)

  // ProbeResolver
  std::vector<ResolvedProbe> probes;  // by probe index

  // ComplexityEstimator
  std::vector<ProbeEstimate> estimates;  // by probe index

  // ProgramPlanner
  std::vector<ProgramPlan> programs;
  std::vector<std::string> probe_names;  // values of the `probe` builtin

  const Type& type_of(const Node* n) const { return types.at(n->id); }
};

}  // namespace stratoshark::lang
