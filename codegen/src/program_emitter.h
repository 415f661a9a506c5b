// ProgramEmitter: one BPF program (a probe body for one ProgramPlan) as LLVM IR.
//
// Values: integers are i64 (sign- or zero-extended by their type), strings
// are pointers to zero-padded stack buffers of the type's capacity, probe
// names are i64 indexes. Builtins and functions are emitted by the tables in
// builtin_emitters.cpp and function_emitters.cpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <linux/bpf.h>

#include "module_emitter.h"

namespace stratoshark::codegen {
class PacketEmitter;
}
#include "stratoshark/lang/sema.h"

namespace stratoshark::codegen {

struct MapHandle {
  llvm::GlobalVariable* global = nullptr;
  const runtime::MapSpec* spec = nullptr;
};

// State shared by every program of one compilation.
struct CodegenState {
  ModuleEmitter& module;
  const lang::Program& program;
  const lang::SemaResult& sema;
  runtime::Artifact& artifact;
  std::map<std::string, MapHandle> maps;
  llvm::GlobalVariable* events = nullptr;
  llvm::GlobalVariable* dropped = nullptr;
  llvm::GlobalVariable* matched = nullptr;         // packets network probes matched (no capture() in the program)
  llvm::GlobalVariable* packet_scratch = nullptr;  // capture(): per-CPU staging of packet events
  llvm::GlobalVariable* start = nullptr;           // elapsed: the start time, written by the runtime
  std::unordered_map<lang::NodeId, uint32_t> printf_ids;
  // Per-CPU scratch: one array entry per program that needs one; created on
  // first use, its value size fixed once every program is emitted.
  llvm::GlobalVariable* scratch = nullptr;
  uint32_t scratch_users = 0;
  uint32_t scratch_value_size = 0;
  // libbpf's USDT argument specs (present when a usdt probe exists).
  llvm::GlobalVariable* usdt_specs = nullptr;
};

// A live tc probe is emitted twice: the program that reads the packet
// directly, and a twin, a subprogram (.text) it calls for packets partly in
// pages, that reads it through helpers (packet_access.h).
struct TcTwin {
  bool is_twin = false;  // this emission is the twin
};

struct Val {
  llvm::Value* v = nullptr;
  lang::Type type;
};

// The map an aggregation call is assigned to.
struct MapTarget {
  MapHandle& map;
  llvm::Value* key;
};

class ProgramEmitter {
 public:
  ProgramEmitter(CodegenState& state, const lang::ProgramPlan& plan);
  ~ProgramEmitter();
  // Before emit(): this is one of a live tc probe's two programs.
  void set_tc_twin(TcTwin twin) { tc_twin_ = twin; }
  const std::optional<TcTwin>& tc_twin() const { return tc_twin_; }
  // The program's symbol: the plan's name, with "_pg" for a tc twin.
  std::string function_name() const;
  void emit();

  llvm::Function* function() const { return function_; }
  llvm::BasicBlock* return_block() const { return return_block_; }
  // Packet access; only in network programs.
  PacketEmitter& packet();

  llvm::IRBuilder<>& b() { return builder_; }
  llvm::LLVMContext& llvm_context() { return state_.module.context(); }
  CodegenState& state() { return state_; }
  const lang::ProgramPlan& plan() const { return plan_; }
  llvm::Value* ctx() const { return ctx_; }

  Val expr(const lang::Expr& e);
  llvm::Value* call_helper(bpf_func_id id, llvm::Type* ret, llvm::ArrayRef<llvm::Value*> args);
  // An 8-byte aligned buffer for a value, zeroed at the current point when
  // asked (zero() assumes the alignment). Small ones go on the stack while
  // the stack budget lasts; large ones, and the rest, go to this program's
  // per-CPU scratch area (lang/limits.h).
  llvm::Value* buffer(uint32_t bytes, bool zeroed);
  uint32_t stack_bytes() const { return stack_used_; }
  // An i64 slot for a value merged from several paths (&&, ?:, a packet
  // read that may go two ways): the optimiser turns it into a register, so
  // unlike buffer() it takes none of the stack budget.
  llvm::Value* temporary();
  uint32_t scratch_bytes() const { return scratch_used_; }
  void copy(llvm::Value* dst, llvm::Value* src, uint32_t bytes, uint32_t dst_align = 8);
  void zero(llvm::Value* ptr, uint32_t bytes);
  void store_string_literal(llvm::Value* dst, const std::string& text, uint32_t capacity);
  // Writes `v` at `dst` in the representation `layout` describes.
  void store_value(llvm::Value* dst, const Val& v, const runtime::ValueLayout& layout);
  llvm::Value* at_offset(llvm::Value* base, uint32_t offset);

  MapHandle& map(const std::string& name);
  llvm::Value* map_key(const lang::MapRef& ref);
  // The key of map `m` built from `keys` (one expression per part of the key).
  llvm::Value* map_key(const MapHandle& m, const std::vector<const lang::Expr*>& keys);
  // Position of the map in the artifact (the id of map events).
  uint32_t map_index(const MapHandle& m) const;
  llvm::Value* lookup(const MapHandle& map, llvm::Value* key);
  void update(const MapHandle& map, llvm::Value* key, llvm::Value* value, uint64_t flags);

  // Structured control flow: runs `then` when `cond` (i1) holds, else `otherwise`.
  void if_then(llvm::Value* cond, const std::function<void()>& then, const std::function<void()>& otherwise = {});
  llvm::Value* is_true(llvm::Value* i64_value);
  llvm::Value* i64(uint64_t v);
  llvm::Type* i64_type();
  llvm::Type* ptr_type();

  void count_dropped_event();
  // Adds one to this CPU's slot of a per-CPU array[1] of u64.
  void increment_counter(llvm::GlobalVariable* map);
  // The `ss_start` map (elapsed), defined on first use.
  llvm::Value* start_map();
  // Ends this run of the program now (after exit()).
  void return_now();

 private:
  void stmt(const lang::Stmt& s);
  void block(const lang::Block& b);
  // Loops, unroll and jumps (control_flow_emitter.cpp).
  void while_loop(const lang::WhileStmt& s);
  void for_range(const lang::ForRangeStmt& s);
  void unroll(const lang::UnrollStmt& s);
  void jump(const lang::JumpStmt& s);
  // A loop whose header runs `head` (returning the i1 "keep going") before
  // each iteration and `step` after it (also reached by continue).
  void loop(const std::function<llvm::Value*()>& head, const std::function<void()>& body,
            const std::function<void()>& step);
  // Starts an unreachable block after a jump, for statements that follow it.
  void continue_after_jump(const char* name);
  Val positional(const lang::Positional& p);
  void assign(const lang::AssignStmt& a);
  void assign_map(const lang::AssignStmt& a);
  void set_location(lang::SourceRange where);
  Val expr_here(const lang::Expr& e);

  Val binary(const lang::Binary& e);
  Val logical(const lang::Binary& e);
  Val string_equal(const Val& a, const Val& b, const lang::Expr& lhs, const lang::Expr& rhs);
  Val divide(llvm::Value* l, llvm::Value* r, bool is_signed, bool remainder);
  Val ternary(const lang::Ternary& e);
  Val map_read(const lang::MapRef& m);
  Val field(const lang::FieldAccess& f);
  Val variable(const lang::Variable& v);

  CodegenState& state_;
  const lang::ProgramPlan& plan_;
  const lang::Probe& probe_;
  llvm::IRBuilder<> builder_;
  llvm::Function* function_ = nullptr;
  llvm::Value* scratch_base();

  llvm::BasicBlock* entry_ = nullptr;  // allocas and the scratch lookup, then a branch to body_
  llvm::BasicBlock* body_ = nullptr;
  llvm::BasicBlock* return_block_ = nullptr;
  llvm::DISubprogram* scope_ = nullptr;
  llvm::Value* ctx_ = nullptr;
  std::map<std::string, llvm::Value*> variables_;
  uint32_t stack_used_ = 0;
  uint32_t scratch_used_ = 0;
  llvm::Value* scratch_base_ = nullptr;
  std::unique_ptr<PacketEmitter> packet_;
  struct LoopTargets {
    llvm::BasicBlock* next;  // continue
    llvm::BasicBlock* exit;  // break
  };
  std::vector<LoopTargets> loops_;
  std::optional<TcTwin> tc_twin_;
};

// The emitters of builtins and functions (indexed by lang::BuiltinId / FunctionId).
Val emit_builtin(ProgramEmitter& e, const lang::Identifier& node, lang::BuiltinId id);
Val emit_function(ProgramEmitter& e, const lang::Call& call, lang::FunctionId id, MapTarget* target);

}  // namespace stratoshark::codegen
