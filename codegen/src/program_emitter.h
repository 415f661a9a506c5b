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
class CoreTypes;
}
#include "stratoshark/lang/sema.h"

namespace stratoshark::codegen {

struct MapHandle {
  llvm::GlobalVariable* global = nullptr;
  const runtime::MapSpec* spec = nullptr;
  // A program deletes, tests or walks its entries (delete, has_key, len,
  // for): the map must be a hash (MapSpec::single_slot).
  bool entries_used = false;
  // The inserts of aggregations' first values (update_or_insert()), which a
  // single slot never reaches: removed when the map becomes one.
  std::vector<llvm::CallInst*> first_inserts;
};

// State shared by every program of one compilation.
struct CodegenState {
  ModuleEmitter& module;
  const lang::Program& program;
  const lang::SemaResult& sema;
  runtime::Artifact& artifact;
  std::map<std::string, MapHandle> maps;
  llvm::GlobalVariable* events = nullptr;
  llvm::GlobalVariable* dropped = nullptr;         // a u64 in .bss
  llvm::GlobalVariable* matched = nullptr;         // packets network probes matched (no capture() in the program)
  llvm::GlobalVariable* packet_scratch = nullptr;  // capture(): per-CPU staging of packet events
  llvm::GlobalVariable* start = nullptr;           // elapsed: the start time, written by the runtime (a .data global)
  std::unordered_map<lang::NodeId, uint32_t> printf_ids;
  // Per-CPU scratch: one array entry per program that needs one; created on
  // first use, its value size fixed once every program is emitted.
  llvm::GlobalVariable* scratch = nullptr;
  uint32_t scratch_users = 0;
  uint32_t scratch_value_size = 0;
  // libbpf's USDT argument specs (present when a usdt probe exists).
  llvm::GlobalVariable* usdt_specs = nullptr;
  // Kernel struct members read with CO-RE relocations (core_types.h).
  CoreTypes* core = nullptr;
  // kstack / ustack: one stack-trace map per depth (frames), made on first use.
  std::map<uint32_t, llvm::GlobalVariable*> stack_maps;
  llvm::GlobalVariable* cpid = nullptr;  // cpid: written by the runtime
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

// Writes a string straight into its destination, a buffer of the capacity
// it was made for (a slot of an event record), NUL-terminated or filling it.
using StringWriter = std::function<void(llvm::Value* dst)>;

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
  // Runs `emit` with `where` as the source position of what it emits.
  void at_location(lang::SourceRange where, const std::function<void()>& emit);
  // Whether `x` is the builtin `id` (an identifier).
  bool is_builtin(const lang::Expr& x, lang::BuiltinId id) const;
  // For a string field of `args` (tracepoints), the writer that reads it
  // into a destination; empty where it cannot fill one of `capacity` bytes.
  StringWriter field_writer(const lang::FieldAccess& f, uint32_t capacity);
  // Copies `bytes` of the probe's context (a tracepoint record, where a
  // field of `args` is) at `offset` to `dst`.
  void copy_field(llvm::Value* dst, uint32_t offset, uint32_t bytes);
  llvm::Value* call_helper(bpf_func_id id, llvm::Type* ret, llvm::ArrayRef<llvm::Value*> args);
  // An 8-byte aligned buffer for a value, zeroed at the current point when
  // asked (zero() assumes the alignment). Small ones go on the stack while
  // the stack budget lasts; large ones, and the rest, go to this program's
  // per-CPU scratch area (lang/limits.h).
  llvm::Value* buffer(uint32_t bytes, bool zeroed);
  uint32_t stack_bytes() const { return stack_used_; }
  // A buffer that must be on the stack whatever the budget (helpers that
  // take only stack pointers: callback contexts).
  llvm::Value* stack_slot(uint32_t bytes);
  // An i64 slot for a value merged from several paths (&&, ?:, a packet
  // read that may go two ways): the optimiser turns it into a register, so
  // unlike buffer() it takes none of the stack budget.
  llvm::Value* temporary();
  uint32_t scratch_bytes() const { return scratch_used_; }
  void copy(llvm::Value* dst, llvm::Value* src, uint32_t bytes, uint32_t dst_align = 8, uint32_t src_align = 8);
  void zero(llvm::Value* ptr, uint32_t bytes);
  void store_string_literal(llvm::Value* dst, const std::string& text, uint32_t capacity);
  // Writes `v` at `dst` in the representation `layout` describes (of a
  // type compatible with v's: tuples are converted element by element).
  void store_value(llvm::Value* dst, const Val& v, const runtime::ValueLayout& layout);

  // Values (value_emitter.cpp).
  // Element `i` of a tuple value.
  Val element(const Val& tuple, size_t i);
  // Reads a value of `type` (an integer at its own width, a pointer, an
  // array or a string) from `address` (i64) in user or kernel memory.
  Val read_memory(llvm::Value* address, const lang::Type& type, bool user, lang::SourceRange where);
  // Copies `bytes` at `src` (a pointer) into `dst`; returns the helper's result.
  llvm::Value* probe_read(llvm::Value* dst, uint32_t bytes, llvm::Value* src, bool user, lang::SourceRange where);
  // The same with a size computed at run time (i32, bounded).
  llvm::Value* probe_read(llvm::Value* dst, llvm::Value* bytes, llvm::Value* src, bool user, lang::SourceRange where);
  // -k: when `result` (a helper's return value) is negative, sends a
  // warning event naming `helper` and the source position. Does nothing
  // unless the program was compiled with -k (`level` 2: only with -kk).
  void check_helper(llvm::Value* result, const char* helper, lang::SourceRange where, uint32_t level = 1);
  // i1: whether two values of compatible types are equal.
  llvm::Value* equal(const Val& a, const Val& b);
  // A pointer to a buffer holding value `v` (integers are stored in 8 bytes).
  llvm::Value* materialize(const Val& v);
  llvm::Value* at_offset(llvm::Value* base, uint32_t offset);

  MapHandle& map(const std::string& name);
  llvm::Value* map_key(const lang::MapRef& ref);
  // The key of map `m` built from `keys` (one expression per part of the key).
  llvm::Value* map_key(const MapHandle& m, const std::vector<const lang::Expr*>& keys);
  // Position of the map in the artifact (the id of map events).
  uint32_t map_index(const MapHandle& m) const;
  llvm::Value* lookup(const MapHandle& map, llvm::Value* key);
  llvm::CallInst* update(const MapHandle& map, llvm::Value* key, llvm::Value* value, uint64_t flags);

  // A loop of at most `count` iterations the verifier can follow: `body`
  // gets the iteration number (i64, from 0) and may branch to loop_exit().
  void counted_loop(uint64_t count, const std::function<void(llvm::Value*)>& body);
  llvm::BasicBlock* loop_exit() const { return loops_.back().exit; }
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
  // The stack-trace map holding stacks of `frames` frames, defined on first use.
  llvm::Value* stack_map(uint32_t frames);
  // The `ss_cpid` map (cpid), defined on first use.
  llvm::Value* cpid_map();
  llvm::Value* runtime_word(llvm::GlobalVariable*& map, std::string& artifact_name, const char* name);
  // Reads a word runtime_word() defined.
  llvm::Value* read_runtime_word(llvm::Value* word);
  // Ends this run of the program now (after exit()).
  void return_now();

 private:
  void stmt(const lang::Stmt& s);
  void block(const lang::Block& b);
  // Loops, unroll and jumps (control_flow_emitter.cpp).
  void while_loop(const lang::WhileStmt& s);
  void for_range(const lang::ForRangeStmt& s);
  void unroll(const lang::UnrollStmt& s);
  // for ($kv : @map): the body in a callback of bpf_for_each_map_elem (map_loop_emitter.cpp).
  void for_map(const lang::ForMapStmt& s);
  void jump(const lang::JumpStmt& s);
  // User-defined functions and macros, let (expansion_emitter.cpp).
  Val expansion(const lang::BlockExpr& x);
  void function_return(const lang::JumpStmt& s);
  void let(const lang::LetStmt& l);
  // Stores `v` in variable `name`, converted to the variable's type.
  void store_variable(const std::string& name, const Val& v);
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
  Val string_equal(const Val& a, const Val& b, const lang::Expr* lhs, const lang::Expr* rhs);
  Val tuple_value(const lang::TupleExpr& t);
  Val cast_value(const lang::CastExpr& c);
  Val index_value(const lang::IndexExpr& x);
  Val deref_value(const lang::Unary& u);
  Val member_value(const lang::FieldAccess& f, const lang::StructMemberRef& ref);
  Val pointer_arithmetic(const lang::Binary& e, const Val& l, const Val& r);
  llvm::Value* bytes_equal(llvm::Value* a, llvm::Value* b, uint32_t bytes);
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
  std::map<std::string, llvm::Value*> key_buffers_;  // per map (map_key()), in this function's entry block
  uint32_t stack_used_ = 0;
  uint32_t scratch_used_ = 0;
  llvm::Value* scratch_base_ = nullptr;
  std::unique_ptr<PacketEmitter> packet_;
  struct LoopTargets {
    llvm::BasicBlock* next;  // continue
    llvm::BasicBlock* exit;  // break
  };
  std::vector<LoopTargets> loops_;
  // Where the returns of the function expansions being emitted go.
  std::map<const lang::BlockExpr*, llvm::BasicBlock*> function_exits_;
  // The function being emitted into: the program, or a for-map callback.
  struct Frame {
    llvm::Function* function;
    llvm::BasicBlock* entry;
    llvm::BasicBlock* body;
    llvm::BasicBlock* return_block;
    llvm::DISubprogram* scope;
    llvm::Value* ctx;
    std::map<std::string, llvm::Value*> variables;
    std::map<std::string, llvm::Value*> key_buffers;
    llvm::Value* scratch_base;
    std::vector<LoopTargets> loops;
  };
  Frame save_frame() const;
  void restore_frame(Frame frame);
  uint32_t callbacks_ = 0;  // for-map callbacks made for this program
  int scratch_index_ = -1;  // this program's entry in ss_scratch
  lang::SourceRange current_range_;  // of the statement or expression being emitted (-k messages)
  std::optional<TcTwin> tc_twin_;
};

// Whether `x` is an integer literal that is not negative (it then takes the
// other operand's signedness in a division).
bool nonnegative_literal(const lang::Expr* x);

// The emitters of builtins and functions (indexed by lang::BuiltinId / FunctionId).
Val emit_builtin(ProgramEmitter& e, const lang::Identifier& node, lang::BuiltinId id);
Val emit_function(ProgramEmitter& e, const lang::Call& call, lang::FunctionId id, MapTarget* target);

}  // namespace stratoshark::codegen
