// TypeChecker: the state behind check_types(), shared with the per-builtin and
// per-function type rules (builtin_types.cpp, function_types.cpp). Private.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

class TypeChecker;

// What a builtin's type rule sees.
struct BuiltinUse {
  TypeChecker& checker;
  const Identifier& node;
  const Probe& probe;
};

// What a function's type rule sees.
struct CallUse {
  TypeChecker& checker;
  const Call& call;
  const std::vector<Type>& args;  // argument types, already checked
  const Probe& probe;
  bool map_value;  // the call is the whole right-hand side of a map assignment
};

using BuiltinRule = Type (*)(BuiltinUse&);
using FunctionRule = Type (*)(CallUse&);
BuiltinRule builtin_rule(BuiltinId id);
FunctionRule function_rule(FunctionId id);
// Functions whose arguments are names, not expressions (nsecs(boot)): their
// rule checks them.
bool takes_names(FunctionId id);

class TypeChecker {
 public:
  explicit TypeChecker(PassContext& ctx) : ctx_(ctx) {}
  void run();
  // Checks (and records the type of) a sub-expression, for rules that own one.
  Type expr(const Expr& e) { return check_expr(e); }
  // True when every attach point of `probe` is a network probe (socket, tc, xdp).
  bool is_network_probe(const Probe& probe) const;

  // For the rules.
  Diagnostics& diags() { return *diags_; }
  SemaResult& result() { return ctx_.result; }
  PassContext& context() { return ctx_; }
  // The value of a constant integer expression (literals, positional
  // parameters and the arithmetic, bitwise and shift operators over them),
  // or nullopt.
  std::optional<int64_t> constant_int(const Expr& e) const;
  struct ConstantFold {
    bool ok = false;
    int64_t value = 0;
    std::string problem;  // set when the expression is constant but has no 64-bit value
  };
  ConstantFold fold_constant(const Expr& e) const;
  // The `args` field `name` for every target of `probe`; reports and returns
  // None when a target lacks it or the targets disagree on its type.
  Type args_field(const Probe& probe, const std::string& name, SourceRange where);
  // True when every attach point of the probe has an `args` record.
  bool probe_has_args(const Probe& probe, std::string& provider_without);
  // A map named as a whole (print(@m), clear(@m), delete(@m[k]), ...): what is
  // known of it so far, or null (reported) when no statement assigns it.
  const MapInfo* whole_map(const MapRef& m);
  // The key type of a map reference (None for "@x"); checks each key expression.
  Type map_key_type(const MapRef& m) { return key_type(m); }

  // Values that variables, map values, tuple elements and print() can hold.
  static bool storable(const Type& t) { return t.is_storable(); }
  // Integers and pointers (what arithmetic, conditions and %d accept).
  static bool integral(const Type& t) { return t.is_scalar_number(); }
  // Whether the probe runs in user space (uprobe, usdt): pointers made from
  // integers point into the traced process.
  bool user_space_probe(const Probe& probe) const;

  // Kernel types (struct_types.cpp). A type as written in a cast, sizeof()
  // or offsetof(); reports and returns nullopt when it names nothing known.
  std::optional<Type> resolve_type(const TypeName& name);
  // A kernel struct or union by key, from BTF (cached); reports at `where`.
  const KernelStruct* kernel_struct(const std::string& key, SourceRange where);
  // The same without reporting: null when BTF does not describe it.
  const KernelStruct* find_kernel_struct(const std::string& key);
  // The member `name` of struct type `base`; reports and returns None when
  // it has none (with the closest name) or it cannot be read.
  Type struct_member(const Type& base, const std::string& name, SourceRange where, const KernelField** member);
  // Fills in the size of a struct type known only by name (pointer arithmetic).
  bool complete(Type& struct_type, SourceRange where);

 private:
  void reset_result();
  void check_probe(const Probe& probe);
  void check_block(const Block& block);
  void check_stmt(const Stmt& stmt);
  void check_assign(const AssignStmt& assign);
  // $x = value (not compound): declares $x or widens its type; reports.
  void store_variable(const Variable& var, const Expr& value_expr, const Type& value);
  // Expansions of user-defined functions and macros, `let` (definition_types.cpp).
  Type check_block_expr(const BlockExpr& x);
  Type check_expansion(const BlockExpr& x);
  void check_let(const LetStmt& l);
  void check_return(const JumpStmt& s);
  // A parameter, return or `let` type as written ("string" included); reports.
  std::optional<Type> declared_type(const TypeName& name);
  // Loops, unroll and jumps (control_flow_types.cpp).
  void check_while(const WhileStmt& s);
  void check_for_range(const ForRangeStmt& s);
  void check_for_map(const ForMapStmt& s);
  void check_unroll(const UnrollStmt& s);
  void check_jump(const JumpStmt& s);
  Type check_positional(const Positional& p);
  // Declares (or checks) loop variable `v` with type `t`.
  bool bind_variable(const Expr& v, const Type& t);
  Type check_expr(const Expr& expr, bool map_value = false);
  // Operators, casts, tuples and indexing (operator_types.cpp).
  Type check_binary(const Binary& b);
  Type check_pointer_arithmetic(const Binary& b, const Type& l, const Type& r);
  Type check_aggregate_compare(const Binary& b, const Type& l, const Type& r);
  Type check_unary(const Unary& u);
  Type check_ternary(const Ternary& t);
  Type check_tuple(const TupleExpr& t);
  Type check_cast(const CastExpr& c);
  Type check_index(const IndexExpr& x);
  Type check_sizeof(const SizeofExpr& s);
  Type check_offsetof(const OffsetofExpr& o);
  // The element at constant position `index` of tuple type `tuple`; reports.
  Type tuple_element(const Type& tuple, int64_t index, SourceRange where);
  Type check_call(const Call& call, bool map_value);
  Type check_identifier(const Identifier& id);
  Type check_field(const FieldAccess& f);
  Type check_map_read(const MapRef& m);
  // The key type of a map reference (None for "@x"); checks each key expression.
  Type key_type(const MapRef& m);
  // Records a use of map `m` with key `key` and value `value`; reports conflicts.
  void record_map(const MapRef& m, const Type& key, const Type& value, SourceRange value_loc);
  void require_int(const Expr& e, const Type& t, const char* what);
  Type set(const Node& n, Type t);
  const std::vector<TracepointField>& target_args(const ResolvedAttach& attach, const ProbeTarget& target);

  PassContext& ctx_;
  Diagnostics* diags_ = nullptr;
  const Probe* probe_ = nullptr;
  std::map<std::string, Type>* variables_ = nullptr;
  // Map types learned in earlier rounds, so reads before the first assignment
  // (in text order) resolve.
  std::map<std::string, MapInfo> inferred_;
  std::map<std::string, std::vector<TracepointField>> args_cache_;
  std::set<std::string> assigned_maps_;  // every map some statement assigns
  struct CachedStruct {
    std::optional<KernelStruct> layout;
    std::string error;
  };
  std::map<std::string, CachedStruct> structs_;
  bool inferring_ = false;
  struct FunctionScope {
    const BlockExpr* expansion;
    Type returns;
  };
  std::vector<FunctionScope> functions_;  // expansions of functions around the statement being checked
  int loop_depth_ = 0;    // while / for loops around the statement being checked
  int unroll_depth_ = 0;  // unroll blocks around it
};

// Packet rules (packet_types.cpp). check_packet_name/field return nullopt when
// the name is not a packet layer or pkt, so other rules apply.
std::optional<Type> check_packet_name(TypeChecker& checker, const Identifier& id, const Probe& probe);
std::optional<Type> check_packet_field(TypeChecker& checker, const FieldAccess& f, const Probe& probe);
Type check_packet_node(TypeChecker& checker, const Expr& e, const Probe& probe);
// Reports that `what` needs a network probe; returns false when `probe` is not one.
bool require_network_probe(TypeChecker& checker, const Probe& probe, SourceRange where, const std::string& what);

// Merges two compatible types: strings take the larger capacity, integers the
// wider width (signed when either is). Returns None when incompatible.
Type unify(const Type& a, const Type& b);

}  // namespace stratoshark::lang
