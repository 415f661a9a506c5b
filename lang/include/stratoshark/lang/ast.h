// The abstract syntax tree shared by scripts and capture filters.
//
// Nodes are plain data owned by an AstContext arena; each carries a kind, a
// source range and a dense id. Analysis results (types, resolved probes,
// parsed formats) never go into nodes: passes keep them in side tables
// indexed by NodeId (see sema.h). Downcasts use isa/cast/dyn_cast below.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stratoshark/lang/source.h"

namespace stratoshark::lang {

using NodeId = uint32_t;

enum class NodeKind : uint8_t {
  // expressions
  Integer,
  String,
  Identifier,
  Variable,
  Map,
  Call,
  Binary,
  Unary,
  Ternary,
  FieldAccess,
  PacketLayer,   // capture filters: a protocol layer behind vlan/pppoes/mpls headers
  PacketLoad,    // capture filters: proto[offset:size]
  AddressMatch,  // capture filters: an IPv6 address or prefix compare
  ProtoChain,    // capture filters: protochain N, a walk over IPv6 extension / AH headers
  Positional,    // $1 .. $N, $#
  Bool,          // true, false
  Tuple,         // (a, b, ...)
  Cast,          // (TYPE)expr
  Index,         // expr[expr]
  Sizeof,        // sizeof(TYPE) or sizeof(expr)
  Offsetof,      // offsetof(TYPE, field.sub) or offsetof(expr, field)
  BlockExpr,     // the expansion of a user-defined function or macro call
  // statements
  ExprStmt,
  Assign,
  If,
  Block,
  While,
  ForRange,
  ForMap,
  Unroll,
  Jump,
  Let,  // let $x [: TYPE] [= expr];
  // top level
  AttachPoint,
  Probe,
  Program,
};

struct Node {
  Node(NodeKind k, SourceRange r) : kind(k), loc(r) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  NodeKind kind;
  NodeId id = 0;
  SourceRange loc;
};

template <class T>
bool isa(const Node* n) {
  return n != nullptr && T::classof(n);
}
template <class T>
T* cast(Node* n) {
  return static_cast<T*>(n);
}
template <class T>
const T* cast(const Node* n) {
  return static_cast<const T*>(n);
}
template <class T>
T* dyn_cast(Node* n) {
  return isa<T>(n) ? static_cast<T*>(n) : nullptr;
}
template <class T>
const T* dyn_cast(const Node* n) {
  return isa<T>(n) ? static_cast<const T*>(n) : nullptr;
}

#define SS_NODE_KIND(K) \
  static constexpr NodeKind kKind = NodeKind::K; \
  static bool classof(const Node* n) { return n->kind == NodeKind::K; }

// ---------------------------------------------------------------- expressions

struct Expr : Node {
  using Node::Node;
};

struct IntegerLiteral : Expr {
  SS_NODE_KIND(Integer)
  IntegerLiteral(SourceRange r, uint64_t v) : Expr(kKind, r), value(v) {}
  uint64_t value;
};

struct StringLiteral : Expr {
  SS_NODE_KIND(String)
  StringLiteral(SourceRange r, std::string v) : Expr(kKind, r), value(std::move(v)) {}
  std::string value;  // decoded (escapes applied)
};

// A bare name: a builtin (pid, comm, args, ...) once resolved by sema.
struct Identifier : Expr {
  SS_NODE_KIND(Identifier)
  Identifier(SourceRange r, std::string n) : Expr(kKind, r), name(std::move(n)) {}
  std::string name;
};

// A scratch variable: $name.
struct Variable : Expr {
  SS_NODE_KIND(Variable)
  Variable(SourceRange r, std::string n) : Expr(kKind, r), name(std::move(n)) {}
  // Without the '$'. Variables of a function or macro body and `let`
  // variables of inner blocks are renamed apart ("x#3", see
  // passes/user_definitions.cpp); messages show the name as written.
  std::string name;
  std::string written() const { return name.substr(0, name.find('#')); }
  // Whether `name` was renamed apart: one copy per call (or inner block), so
  // codegen keeps such integers in registers rather than in stack slots.
  static bool renamed(const std::string& name) { return name.find('#') != std::string::npos; }
};

// A map reference: @name or @name[k1, k2, ...]; "@" alone has an empty name.
struct MapRef : Expr {
  SS_NODE_KIND(Map)
  MapRef(SourceRange r, std::string n, std::vector<Expr*> k) : Expr(kKind, r), name(std::move(n)), keys(std::move(k)) {}
  std::string name;  // without the '@'
  std::vector<Expr*> keys;
  SourceRange name_loc;
};

struct Call : Expr {
  SS_NODE_KIND(Call)
  Call(SourceRange r, std::string n, std::vector<Expr*> a) : Expr(kKind, r), name(std::move(n)), args(std::move(a)) {}
  std::string name;
  std::vector<Expr*> args;
  SourceRange name_loc;
};

enum class BinaryOp : uint8_t {
  Add, Sub, Mul, Div, Mod,
  BitAnd, BitOr, BitXor, Shl, Shr,
  Lt, Gt, Le, Ge, Eq, Ne,
  LogAnd, LogOr,
};
const char* spelling(BinaryOp op);
bool is_comparison(BinaryOp op);

struct Binary : Expr {
  SS_NODE_KIND(Binary)
  Binary(SourceRange r, BinaryOp o, Expr* l, Expr* rhs_) : Expr(kKind, r), op(o), lhs(l), rhs(rhs_) {}
  BinaryOp op;
  Expr* lhs;
  Expr* rhs;
  SourceRange op_loc;
};

enum class UnaryOp : uint8_t { Neg, Not, BitNot, Deref, AddressOf };
const char* spelling(UnaryOp op);

struct Unary : Expr {
  SS_NODE_KIND(Unary)
  Unary(SourceRange r, UnaryOp o, Expr* e) : Expr(kKind, r), op(o), operand(e) {}
  UnaryOp op;
  Expr* operand;
};

struct Ternary : Expr {
  SS_NODE_KIND(Ternary)
  Ternary(SourceRange r, Expr* c, Expr* t, Expr* e) : Expr(kKind, r), cond(c), then_expr(t), else_expr(e) {}
  Expr* cond;
  Expr* then_expr;
  Expr* else_expr;
};

// base.field or base->field
struct FieldAccess : Expr {
  SS_NODE_KIND(FieldAccess)
  FieldAccess(SourceRange r, Expr* b, std::string f, bool a) : Expr(kKind, r), base(b), field(std::move(f)), arrow(a) {}
  Expr* base;
  std::string field;
  bool arrow;
  SourceRange field_loc;
};

// ------------------------------------------------------------ packet access
//
// In network probes a protocol name is a layer: `tcp` is true when the packet
// has one and `tcp.dport` reads a field of it (an Identifier and a
// FieldAccess; header layouts come from the protocol table). Capture filters
// lower to those same nodes, plus the three below for what scripts cannot
// spell: layers behind encapsulation headers that the filter keywords vlan,
// pppoes and mpls shift past, raw byte loads, and 128-bit address matches.

// Headers between the Ethernet header and the network layer, in the order
// libpcap's filter language stacks them: VLAN tags, a PPPoE session header,
// MPLS labels. Empty: the network layer follows the Ethernet header (or the
// one VLAN tag a live capture strips into packet metadata).
struct Encapsulation {
  uint8_t vlan_tags = 0;
  bool pppoe = false;
  uint8_t mpls_labels = 0;

  bool empty() const { return vlan_tags == 0 && !pppoe && mpls_labels == 0; }
  bool operator==(const Encapsulation&) const = default;
  std::string to_string() const;  // "vlan 1, mpls 2"
};

// A layer behind encapsulation headers: `ip` after `vlan and ...`.
struct PacketLayer : Expr {
  SS_NODE_KIND(PacketLayer)
  PacketLayer(SourceRange r, std::string n, Encapsulation e) : Expr(kKind, r), name(std::move(n)), encap(e) {}
  std::string name;  // a protocol of the protocol table
  Encapsulation encap;
};

// proto[offset:size]: `size` bytes (1, 2 or 4), big-endian, at `offset` from
// the start of `layer` ("link": the frame's first byte, whatever its link
// type; "ip", "ip6", "arp", "rarp", "tcp", "icmp6", ...; transport layers
// are those behind an IPv4 header, as in libpcap). Adds no
// protocol check of its own: the filter lowering guards it. A load past the
// captured bytes rejects the packet (see docs/capture-filters.md).
struct PacketLoad : Expr {
  SS_NODE_KIND(PacketLoad)
  PacketLoad(SourceRange r, std::string l, Encapsulation e, Expr* o, uint8_t s)
      : Expr(kKind, r), layer(std::move(l)), encap(e), offset(o), size(s) {}
  std::string layer;
  Encapsulation encap;
  Expr* offset;
  uint8_t size;
};

// `field` (an IPv6 address field) equals `address` in its first `prefix`
// bits. Compared 32 bits at a time, first word first, as libpcap does.
struct AddressMatch : Expr {
  SS_NODE_KIND(AddressMatch)
  AddressMatch(SourceRange r, Expr* f, std::array<uint8_t, 16> a, uint8_t p)
      : Expr(kKind, r), field(f), address(a), prefix(p) {}
  Expr* field;
  std::array<uint8_t, 16> address;
  uint8_t prefix;  // 0..128
};

// `ip protochain N` / `ip6 protochain N`: true when `protocol` is found by
// walking the header chain from the IP header (IPv6 hop-by-hop, destination
// options, routing and fragment headers; AH for both), as libpcap walks it.
// The caller checks that the packet is IP/IPv6; at most 128 headers are walked.
struct ProtoChain : Expr {
  SS_NODE_KIND(ProtoChain)
  ProtoChain(SourceRange r, bool v6, uint8_t p, Encapsulation e) : Expr(kKind, r), ipv6(v6), protocol(p), encap(e) {}
  bool ipv6;
  uint8_t protocol;
  Encapsulation encap;
};

// A positional parameter: `$N` (N >= 1) is the N-th word after the script
// (or after the -e program) on the command line; `$#` is how many there are.
// Sema gives it the value: an integer when the word is one, else a string.
struct Positional : Expr {
  SS_NODE_KIND(Positional)
  Positional(SourceRange r, uint32_t i) : Expr(kKind, r), index(i) {}
  uint32_t index;  // 0: `$#`
};

struct BoolLiteral : Expr {
  SS_NODE_KIND(Bool)
  BoolLiteral(SourceRange r, bool v) : Expr(kKind, r), value(v) {}
  bool value;
};

// (a, b): a tuple; (a,) has one element, () none.
struct TupleExpr : Expr {
  SS_NODE_KIND(Tuple)
  TupleExpr(SourceRange r, std::vector<Expr*> e) : Expr(kKind, r), elements(std::move(e)) {}
  std::vector<Expr*> elements;
};

// A type as written in a cast, sizeof() or offsetof(): a name ("uint8",
// "bool", "struct task_struct", "union u"), then `*`s, then an optional
// array suffix ("[4]", or "[]" for a length taken from the operand).
struct TypeName {
  std::string base;
  uint32_t pointer_depth = 0;
  bool is_array = false;
  uint32_t array_length = 0;  // 0 with is_array: inferred
  SourceRange loc;
  std::string to_string() const;
};

struct CastExpr : Expr {
  SS_NODE_KIND(Cast)
  CastExpr(SourceRange r, TypeName t, Expr* e) : Expr(kKind, r), target(std::move(t)), operand(e) {}
  TypeName target;
  Expr* operand;
};

// base[index]: an array element, a pointer offset (*(base + index)), or a
// tuple element (constant index).
struct IndexExpr : Expr {
  SS_NODE_KIND(Index)
  IndexExpr(SourceRange r, Expr* b, Expr* i) : Expr(kKind, r), base(b), index(i) {}
  Expr* base;
  Expr* index;
};

// sizeof(TYPE) / sizeof(expr): exactly one of `type` and `operand` is set
// (the operand is not evaluated).
struct SizeofExpr : Expr {
  SS_NODE_KIND(Sizeof)
  SizeofExpr(SourceRange r, std::optional<TypeName> t, Expr* e) : Expr(kKind, r), type(std::move(t)), operand(e) {}
  std::optional<TypeName> type;
  Expr* operand;
};

// offsetof(struct X, a.b) / offsetof(expr, a.b).
struct OffsetofExpr : Expr {
  SS_NODE_KIND(Offsetof)
  OffsetofExpr(SourceRange r, std::optional<TypeName> t, Expr* e, std::vector<std::string> f)
      : Expr(kKind, r), type(std::move(t)), operand(e), fields(std::move(f)) {}
  std::optional<TypeName> type;
  Expr* operand;
  std::vector<std::string> fields;
  SourceRange fields_loc;
};

// ----------------------------------------------------------------- statements

struct Stmt : Node {
  using Node::Node;
};

struct ExprStmt : Stmt {
  SS_NODE_KIND(ExprStmt)
  ExprStmt(SourceRange r, Expr* e) : Stmt(kKind, r), expr(e) {}
  Expr* expr;
  bool terminated = true;  // false: the last statement of a block, without ';' (a macro's value)
};

// target = value, target op= value, target++ (op Add, value 1).
struct AssignStmt : Stmt {
  SS_NODE_KIND(Assign)
  AssignStmt(SourceRange r, Expr* t, Expr* v) : Stmt(kKind, r), target(t), value(v) {}
  Expr* target;  // MapRef or Variable
  Expr* value;
  bool compound = false;
  BinaryOp op = BinaryOp::Add;  // meaningful when compound
};

struct Block : Stmt {
  SS_NODE_KIND(Block)
  Block(SourceRange r, std::vector<Stmt*> s, bool a) : Stmt(kKind, r), stmts(std::move(s)), angle(a) {}
  std::vector<Stmt*> stmts;
  bool angle;  // written with < > rather than { }
};

struct IfStmt : Stmt {
  SS_NODE_KIND(If)
  IfStmt(SourceRange r, Expr* c, Block* t, Stmt* e) : Stmt(kKind, r), cond(c), then_block(t), else_stmt(e) {}
  Expr* cond;
  Block* then_block;
  Stmt* else_stmt;  // Block, IfStmt (else if) or nullptr
};

// while (cond) { ... }: runs at most LanguageOptions::max_loop_iterations
// times (the verifier needs a bound; see docs/language.md#loops).
struct WhileStmt : Stmt {
  SS_NODE_KIND(While)
  WhileStmt(SourceRange r, Expr* c, Block* b) : Stmt(kKind, r), cond(c), body(b) {}
  Expr* cond;
  Block* body;
};

// for ($i : begin..end) { ... }: $i takes begin, begin+1, ..., end-1.
// The bounds are constants (literals or positional parameters).
struct ForRangeStmt : Stmt {
  SS_NODE_KIND(ForRange)
  ForRangeStmt(SourceRange r, Expr* v, Expr* b, Expr* e, Block* body_)
      : Stmt(kKind, r), var(v), begin(b), end(e), body(body_) {}
  Expr* var;  // a Variable
  Expr* begin;
  Expr* end;
  Block* body;
  SourceRange head;  // "for (...)", for messages
};

// for ($kv : @map) { ... }: $kv.0 is the key, $kv.1 the value.
struct ForMapStmt : Stmt {
  SS_NODE_KIND(ForMap)
  ForMapStmt(SourceRange r, Expr* v, Expr* m, Block* b) : Stmt(kKind, r), var(v), map(m), body(b) {}
  Expr* var;  // a Variable
  Expr* map;  // a MapRef without keys
  Block* body;
};

// unroll(N) { ... }: the body N times in a row (N constant, 1..100).
struct UnrollStmt : Stmt {
  SS_NODE_KIND(Unroll)
  UnrollStmt(SourceRange r, Expr* c, Block* b) : Stmt(kKind, r), count(c), body(b) {}
  Expr* count;
  Block* body;
};

enum class JumpKind : uint8_t { Return, Break, Continue };

struct BlockExpr;

struct JumpStmt : Stmt {
  SS_NODE_KIND(Jump)
  JumpStmt(SourceRange r, JumpKind k) : Stmt(kKind, r), jump(k) {}
  JumpKind jump;
  Expr* value = nullptr;              // return EXPR (in a function body)
  const BlockExpr* function = nullptr;  // a return of a user-defined function: leaves this expansion
};

// let $x;  let $x: TYPE;  let $x = expr;  let $x: TYPE = expr;
// The variable exists from here to the end of the enclosing block.
struct LetStmt : Stmt {
  SS_NODE_KIND(Let)
  LetStmt(SourceRange r, Expr* v, std::optional<TypeName> t, Expr* e)
      : Stmt(kKind, r), var(v), type(std::move(t)), value(e) {}
  Expr* var;  // a Variable
  std::optional<TypeName> type;
  Expr* value;  // may be null: the variable starts at zero
};

struct FunctionDef;
struct MacroDef;

// The expansion of a call of a user-defined function or macro
// (passes/user_definitions.cpp): `block` runs, then `value` (if any) is the
// result. For a function, `params` are bound to `args` (converted to the
// parameter types) first, and a `return` in the block leaves the expansion
// with `result` set.
struct BlockExpr : Expr {
  SS_NODE_KIND(BlockExpr)
  BlockExpr(SourceRange r, Block* b, Expr* v) : Expr(kKind, r), block(b), value(v) {}
  Block* block;
  Expr* value;  // may be null (no value)
  const FunctionDef* function = nullptr;
  const MacroDef* macro = nullptr;
  std::vector<Expr*> params;  // Variables, one per parameter (functions)
  std::vector<Expr*> args;    // the call's arguments (functions)
  Expr* result = nullptr;     // a Variable holding the return value (functions that return one)
  SourceRange call_loc;       // the call as written
};

// ------------------------------------------------------------------ top level

// One attach point as written, e.g. "tracepoint:syscalls:sys_enter_*".
// Providers parse the text (their syntaxes differ: paths, offsets, units).
struct AttachPoint : Node {
  SS_NODE_KIND(AttachPoint)
  AttachPoint(SourceRange r, std::string t) : Node(kKind, r), text(std::move(t)) {}
  std::string text;
};

struct Probe : Node {
  SS_NODE_KIND(Probe)
  Probe(SourceRange r, std::vector<AttachPoint*> a, Expr* p, Block* b)
      : Node(kKind, r), attach_points(std::move(a)), predicate(p), body(b) {}
  std::vector<AttachPoint*> attach_points;
  Expr* predicate;  // may be null
  Block* body;
  uint32_t index = 0;  // position in the program
};

// One `name = value` line of a `config = { ... }` block.
struct ConfigEntry {
  std::string name;
  Expr* value;  // an IntegerLiteral, StringLiteral or Identifier
  SourceRange loc;
};

// `#include "file.ss"`: the probes of that file go where the directive is.
struct IncludeDirective {
  std::string path;  // as written
  SourceRange loc;
  size_t position = 0;  // number of probes before it in this file
};

// fn NAME($a: TYPE, ...): TYPE { ... }
struct FunctionParam {
  std::string name;  // without the '$'
  TypeName type;
  SourceRange loc;
};

struct FunctionDef {
  std::string name;
  std::vector<FunctionParam> params;
  std::optional<TypeName> return_type;  // nullopt: void
  Block* body = nullptr;
  SourceRange loc;       // the header, "fn name(...): type"
  SourceRange name_loc;
};

// macro NAME($var, @map, expr) { ... }
enum class MacroParamKind : uint8_t { Variable, Map, Expression };

struct MacroParam {
  MacroParamKind kind;
  std::string name;  // without '$' / '@'
  SourceRange loc;
};

struct MacroDef {
  std::string name;
  std::vector<MacroParam> params;
  Block* body = nullptr;
  SourceRange loc;  // the header
  SourceRange name_loc;
};

struct Program : Node {
  SS_NODE_KIND(Program)
  Program(SourceRange r, std::vector<Probe*> p) : Node(kKind, r), probes(std::move(p)) {}
  std::vector<Probe*> probes;
  std::vector<std::unique_ptr<FunctionDef>> functions;
  std::vector<std::unique_ptr<MacroDef>> macros;
  std::vector<ConfigEntry> config;
  std::vector<IncludeDirective> includes;  // resolved by parse_program(): empty afterwards
};

#undef SS_NODE_KIND

// Calls `f` on each direct child of `n` (expressions and statements, in
// source order; a BlockExpr's arguments, block and value).
void for_each_child(const Node& n, const std::function<void(const Node&)>& f);

// Owns every node of one compilation. Ids are dense: 0 .. size()-1.
class AstContext {
 public:
  template <class T, class... Args>
  T* make(Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    node->id = static_cast<NodeId>(nodes_.size());
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  size_t size() const { return nodes_.size(); }
  Node* node(NodeId id) const { return nodes_.at(id).get(); }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

}  // namespace stratoshark::lang
