// check_types(): statements and expressions. Builtin and function rules live
// in builtin_types.cpp and function_types.cpp.
#include "type_checker.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"

namespace stratoshark::lang {

Type unify(const Type& a, const Type& b) {
  if (a.kind != b.kind) return Type::none();
  switch (a.kind) {
    case TypeKind::Int: {
      Type t = Type::integer(std::max(a.bits, b.bits), a.is_signed || b.is_signed);
      t.boolean = a.boolean && b.boolean;
      t.host_address = a.host_address && b.host_address;
      return t;
    }
    case TypeKind::String:
      return Type::string(std::max(a.size, b.size));
    case TypeKind::Address: {
      if (a.size == b.size) return a;
      // IPv4 and IPv6 addresses meet as an address that carries its family
      // (inet, 24 bytes), as ntop(af, addr) makes; MAC addresses meet nothing.
      auto ip = [](uint32_t size) { return size == 4 || size == 16 || size == 24; };
      return ip(a.size) && ip(b.size) ? Type::address(24) : Type::none();
    }
    case TypeKind::Tuple: {
      if (a.elements.size() != b.elements.size()) return Type::none();
      std::vector<Type> elements;
      for (size_t i = 0; i < a.elements.size(); ++i) {
        Type e = unify(a.elements[i], b.elements[i]);
        if (e.is_none()) return Type::none();
        elements.push_back(std::move(e));
      }
      return Type::tuple(std::move(elements));
    }
    case TypeKind::Sum:
    case TypeKind::Min:
    case TypeKind::Max:
    case TypeKind::Avg:
    case TypeKind::Stats:
      return Type::aggregation(a.kind, a.is_signed || b.is_signed);
    case TypeKind::Lhist:
      return a.linear == b.linear ? a : Type::none();
    case TypeKind::Pointer: {
      if (!(a.inner() == b.inner())) return Type::none();
      Type p = a;
      p.user = a.user || b.user;
      return p;
    }
    case TypeKind::Array:
      return a.size == b.size && a.inner() == b.inner() ? a : Type::none();
    case TypeKind::Buffer:
      return Type::buffer(std::max(a.size, b.size));
    case TypeKind::Struct:
    case TypeKind::Stack:
    case TypeKind::Symbol:
    case TypeKind::Timestamp:
      return a.compatible(b) ? a : Type::none();
    default:
      return a;
  }
}

void check_types(PassContext& ctx) {
  TypeChecker checker(ctx);
  checker.run();
}

namespace {
void collect_assigned_maps(const Node& n, std::set<std::string>& out) {
  if (const auto* a = dyn_cast<AssignStmt>(&n)) {
    if (const auto* m = dyn_cast<MapRef>(a->target)) out.insert(m->name);
  }
  for_each_child(n, [&](const Node& c) { collect_assigned_maps(c, out); });
}
}  // namespace

void TypeChecker::run() {
  for (const Probe* p : ctx_.program.probes) collect_assigned_maps(*p->body, assigned_maps_);
  // Map types are global and a map may be read (in text order) before the
  // probe that assigns it, or in its own assignment (@n = @n + 1): infer
  // quietly until the map table is stable, then check once more for real.
  inferring_ = true;
  for (int round = 0; round < 4; ++round) {
    Diagnostics scratch;
    diags_ = &scratch;
    reset_result();
    ctx_.result.types.assign(ctx_.ast.size(), Type::none());
    ctx_.result.variables.assign(ctx_.program.probes.size(), {});
    ctx_.result.used_args.assign(ctx_.program.probes.size(), {});
    for (const Probe* p : ctx_.program.probes) check_probe(*p);
    bool stable = ctx_.result.maps.size() == inferred_.size() &&
                  std::equal(inferred_.begin(), inferred_.end(), ctx_.result.maps.begin(),
                             [](const auto& a, const auto& b) { return a.first == b.first && a.second.key == b.second.key &&
                                                                       a.second.value == b.second.value; });
    inferred_ = ctx_.result.maps;
    if (stable) break;
  }
  inferring_ = false;
  diags_ = &ctx_.diags;
  reset_result();
  ctx_.result.types.assign(ctx_.ast.size(), Type::none());
  ctx_.result.variables.assign(ctx_.program.probes.size(), {});
  ctx_.result.used_args.assign(ctx_.program.probes.size(), {});
  for (const Probe* p : ctx_.program.probes) check_probe(*p);
  // Use the fully unified map types everywhere (a later use may have widened them).
  for (auto& [name, info] : ctx_.result.maps) {
    if (auto it = inferred_.find(name); it != inferred_.end()) {
      Type k = unify(info.key, it->second.key);
      Type v = unify(info.value, it->second.value);
      if (!k.is_none() || info.key.is_none()) info.key = info.key.is_none() ? info.key : k;
      if (!v.is_none()) info.value = v;
    }
  }
}

void TypeChecker::reset_result() {
  // Keep what earlier passes produced; redo everything this pass produces.
  auto probes = std::move(ctx_.result.probes);
  auto filters = std::move(ctx_.result.filters);
  ctx_.result = SemaResult{};
  ctx_.result.probes = std::move(probes);
  ctx_.result.filters = std::move(filters);
  ctx_.result.max_loop_iterations = ctx_.options.max_loop_iterations;
  ctx_.result.helper_warnings = ctx_.options.helper_warnings;
}

Type TypeChecker::set(const Node& n, Type t) {
  ctx_.result.types[n.id] = t;
  return t;
}

void TypeChecker::check_probe(const Probe& probe) {
  probe_ = &probe;
  variables_ = &ctx_.result.variables[probe.index];
  if (probe.predicate != nullptr) {
    Type t = check_expr(*probe.predicate);
    require_int(*probe.predicate, t, "a predicate");
  }
  check_block(*probe.body);
}

void TypeChecker::check_block(const Block& block) {
  for (const Stmt* s : block.stmts) check_stmt(*s);
}

void TypeChecker::check_stmt(const Stmt& stmt) {
  switch (stmt.kind) {
    case NodeKind::ExprStmt: {
      const Expr& e = *cast<ExprStmt>(&stmt)->expr;
      Type t = check_expr(e);
      if (!t.is_none() && t.kind != TypeKind::Void) {
        diags_->warning(e.loc, fmt::format("the value of '{}' is not used", print_expr(e)),
                        "assign it to a map or variable, or print it with printf()");
      }
      break;
    }
    case NodeKind::Assign:
      check_assign(*cast<AssignStmt>(&stmt));
      break;
    case NodeKind::If: {
      const auto& s = *cast<IfStmt>(&stmt);
      Type t = check_expr(*s.cond);
      require_int(*s.cond, t, "an if condition");
      check_block(*s.then_block);
      if (s.else_stmt != nullptr) check_stmt(*s.else_stmt);
      break;
    }
    case NodeKind::Block:
      check_block(*cast<Block>(&stmt));
      break;
    case NodeKind::While:
      check_while(*cast<WhileStmt>(&stmt));
      break;
    case NodeKind::ForRange:
      check_for_range(*cast<ForRangeStmt>(&stmt));
      break;
    case NodeKind::ForMap:
      check_for_map(*cast<ForMapStmt>(&stmt));
      break;
    case NodeKind::Unroll:
      check_unroll(*cast<UnrollStmt>(&stmt));
      break;
    case NodeKind::Jump:
      check_jump(*cast<JumpStmt>(&stmt));
      break;
    case NodeKind::Let:
      check_let(*cast<LetStmt>(&stmt));
      break;
    default:
      break;
  }
}

void TypeChecker::store_variable(const Variable& v, const Expr& value_expr, const Type& value) {
  const Variable* var = &v;
  auto it = variables_->find(var->name);
  if (!storable(value)) {
    if (value.kind == TypeKind::Struct) {
      diags_->error(value_expr.loc, fmt::format("'{}' is a whole {}, which cannot be stored", print_expr(value_expr),
                                              value.to_string()),
                    "keep a pointer to it, or read the fields you need: $t = curtask; $t->pid");
      return;
    }
    diags_->error(value_expr.loc, fmt::format("'{}' has no value to assign", print_expr(value_expr)),
                  value.is_aggregation() ? "aggregations can only be assigned to maps: @name = count()" : "");
    return;
  }
  if (it == variables_->end() || it->second.is_none()) {
    (*variables_)[var->name] = value;
    set(*var, value);
    return;
  }
  Type merged = unify(it->second, value);
  if (merged.is_none()) {
    diags_->error(value_expr.loc,
                  fmt::format("variable ${} holds {} but is assigned {} here", var->name, it->second.to_string(),
                              value.to_string()),
                  "a variable keeps one type; use another variable");
    return;
  }
  it->second = merged;
  set(*var, merged);
}

void TypeChecker::check_assign(const AssignStmt& a) {
  if (const auto* var = dyn_cast<Variable>(a.target)) {
    Type value = check_expr(*a.value);
    if (value.is_none()) {
      // Reported already; later uses of the variable stay quiet.
      if (!a.compound) variables_->emplace(var->name, Type::none());
      return;
    }
    auto it = variables_->find(var->name);
    if (a.compound) {
      if (it == variables_->end()) {
        diags_->error(var->loc, fmt::format("variable ${} is used before it is assigned", var->written()),
                      fmt::format("assign it first, e.g. ${} = 0;", var->written()));
        return;
      }
      if (it->second.is_pointer() && (a.op == BinaryOp::Add || a.op == BinaryOp::Sub) && value.is_int()) {
        set(*var, it->second);  // $p += n moves the pointer n elements on
        return;
      }
      require_int(*a.target, it->second, "the target of a compound assignment");
      require_int(*a.value, value, "the value of a compound assignment");
      set(*var, it->second);
      return;
    }
    store_variable(*var, *a.value, value);
    return;
  }

  const auto& map = *cast<MapRef>(a.target);
  Type key = key_type(map);
  Type value = check_expr(*a.value, /*map_value=*/!a.compound);
  if (value.is_none()) return;
  if (a.compound) {
    require_int(*a.value, value, "the value of a compound assignment");
    value = Type::i64();
  } else if (!storable(value) && !value.is_aggregation()) {
    diags_->error(a.value->loc, fmt::format("'{}' has no value to assign", print_expr(*a.value)),
                  value.kind == TypeKind::Struct ? "store a pointer to it, or the fields you need" : "");
    return;
  }
  if (value.is_int() && !value.boolean) value = Type::integer(64, value.is_signed);  // map integers are stored in 64 bits
  record_map(map, key, value, a.value->loc);
}

void TypeChecker::record_map(const MapRef& m, const Type& key, const Type& value, SourceRange value_loc) {
  auto& maps = ctx_.result.maps;
  auto it = maps.find(m.name);
  if (it == maps.end()) {
    maps.emplace(m.name, MapInfo{m.name, key, value, value_loc});
    set(m, value);
    return;
  }
  MapInfo& info = it->second;
  Type merged_value = unify(info.value, value);
  if (merged_value.is_none()) {
    Diagnostic& d = diags_->error(
        value_loc,
        fmt::format("map @{} is assigned two different types: {} here, {} before", m.name, value.to_string(),
                    info.value.to_string()),
        "a map holds one type of value; use a second map for the other values");
    d.notes.push_back({info.defined_at, fmt::format("@{} was first assigned {} here", m.name, info.value.to_string())});
    return;
  }
  if (!(info.key.is_none() && key.is_none())) {
    Type merged_key = info.key.is_none() || key.is_none() ? Type::none() : unify(info.key, key);
    if (merged_key.is_none()) {
      auto describe = [](const Type& k) { return k.is_none() ? std::string("no key") : "key " + k.to_string(); };
      Diagnostic& d = diags_->error(m.loc,
                                    fmt::format("map @{} is used with {} here but {} before", m.name, describe(key),
                                                describe(info.key)),
                                    "every use of a map needs the same number and kinds of keys");
      d.notes.push_back({info.defined_at, fmt::format("@{} was first assigned here", m.name)});
      return;
    }
    info.key = merged_key;
  }
  info.value = merged_value;
  set(m, merged_value);
}

Type TypeChecker::key_type(const MapRef& m) {
  if (m.keys.empty()) return Type::none();
  std::vector<Type> parts;
  bool ok = true;
  for (const Expr* k : m.keys) {
    Type t = check_expr(*k);
    if (t.is_none()) {
      ok = false;
      continue;
    }
    if (!t.is_key_type() || (t.kind == TypeKind::Tuple && m.keys.size() > 1)) {
      diags_->error(k->loc, fmt::format("'{}' of type {} cannot be a map key", print_expr(*k), t.to_string()),
                    t.kind == TypeKind::Tuple ? "a tuple key stands alone: @m[$t], or @m[a, b, c]"
                                              : "map keys are integers, strings, pointers, arrays, stacks or probe names");
      ok = false;
      continue;
    }
    if (t.is_int()) t = Type::integer(64, t.is_signed);
    parts.push_back(std::move(t));
  }
  if (!ok) return Type::none();
  return parts.size() == 1 ? parts[0] : Type::tuple(std::move(parts));
}

void TypeChecker::require_int(const Expr& e, const Type& t, const char* what) {
  if (t.is_none() || integral(t)) return;
  diags_->error(e.loc, fmt::format("{} must be an integer, but '{}' is {}", what, print_expr(e), t.to_string()),
                t.is_string() ? "compare strings with == or != to get an integer" : "");
}

Type TypeChecker::check_expr(const Expr& e, bool map_value) {
  switch (e.kind) {
    case NodeKind::Integer: {
      uint64_t v = cast<IntegerLiteral>(&e)->value;
      return set(e, v > static_cast<uint64_t>(INT64_MAX) ? Type::u64() : Type::i64());
    }
    case NodeKind::String:
      return set(e, Type::string(static_cast<uint32_t>(cast<StringLiteral>(&e)->value.size() + 1)));
    case NodeKind::Identifier:
      return set(e, check_identifier(*cast<Identifier>(&e)));
    case NodeKind::Variable: {
      const auto& v = *cast<Variable>(&e);
      auto it = variables_->find(v.name);
      if (it == variables_->end()) {
        bool renamed = Variable::renamed(v.name);  // in a function, a macro or an inner block's let
        diags_->error(v.loc, fmt::format("variable ${} is used before it is assigned", v.written()),
                      renamed ? "a function or macro sees only its parameters and the variables it sets (pass "
                                "others in as arguments); a let variable ends with its block"
                              : fmt::format("assign it earlier in this probe, e.g. ${} = 0; (variables live for one "
                                            "probe run)",
                                            v.written()));
        return set(e, Type::none());
      }
      return set(e, it->second);
    }
    case NodeKind::Positional:
      return set(e, check_positional(*cast<Positional>(&e)));
    case NodeKind::Map:
      return set(e, check_map_read(*cast<MapRef>(&e)));
    case NodeKind::Call:
      return set(e, check_call(*cast<Call>(&e), map_value));
    case NodeKind::Binary:
      return set(e, check_binary(*cast<Binary>(&e)));
    case NodeKind::Unary:
      return set(e, check_unary(*cast<Unary>(&e)));
    case NodeKind::Ternary:
      return set(e, check_ternary(*cast<Ternary>(&e)));
    case NodeKind::Bool:
      return set(e, Type::boolean_type());
    case NodeKind::Tuple:
      return set(e, check_tuple(*cast<TupleExpr>(&e)));
    case NodeKind::Cast:
      return set(e, check_cast(*cast<CastExpr>(&e)));
    case NodeKind::Index:
      return set(e, check_index(*cast<IndexExpr>(&e)));
    case NodeKind::Sizeof:
      return set(e, check_sizeof(*cast<SizeofExpr>(&e)));
    case NodeKind::Offsetof:
      return set(e, check_offsetof(*cast<OffsetofExpr>(&e)));
    case NodeKind::FieldAccess:
      return set(e, check_field(*cast<FieldAccess>(&e)));
    case NodeKind::BlockExpr:
      return set(e, check_block_expr(*cast<BlockExpr>(&e)));
    case NodeKind::PacketLayer:
    case NodeKind::PacketLoad:
    case NodeKind::AddressMatch:
    case NodeKind::ProtoChain:
      return set(e, check_packet_node(*this, e, *probe_));
    default:
      return set(e, Type::none());
  }
}

Type TypeChecker::check_identifier(const Identifier& id) {
  if (auto t = check_packet_name(*this, id, *probe_)) return *t;
  const BuiltinInfo* info = find_builtin(id.name);
  if (info == nullptr) {
    std::vector<std::string> names;
    for (const auto& b : all_builtins()) names.emplace_back(b.name);
    std::string suggestion = closest_match(id.name, names);
    std::string hint = suggestion.empty() ? "builtins are: " : fmt::format("did you mean '{}'? builtins are: ", suggestion);
    for (size_t i = 0; i < names.size(); ++i) hint += (i ? ", " : "") + names[i];
    bool user_function = std::any_of(ctx_.program.functions.begin(), ctx_.program.functions.end(),
                                     [&](const auto& f) { return f->name == id.name; });
    if (find_function(id.name) != nullptr || user_function) {
      hint = fmt::format("'{}' is a function: call it as {}(...)", id.name, id.name);
    }
    diags_->error(id.loc, fmt::format("unknown builtin '{}'", id.name), hint);
    return Type::none();
  }
  ctx_.result.builtins[id.id] = info->id;
  BuiltinUse use{*this, id, *probe_};
  return builtin_rule(info->id)(use);
}

Type TypeChecker::check_map_read(const MapRef& m) {
  Type key = key_type(m);
  const MapInfo* info = nullptr;
  if (auto it = ctx_.result.maps.find(m.name); it != ctx_.result.maps.end()) info = &it->second;
  else if (auto it2 = inferred_.find(m.name); it2 != inferred_.end()) info = &it2->second;
  if (info == nullptr && inferring_ && assigned_maps_.count(m.name)) {
    return Type::i64();  // tentative; the assignment decides in a later round
  }
  if (info == nullptr) {
    diags_->error(m.loc, fmt::format("map @{} is read but never assigned", m.name),
                  fmt::format("assign it somewhere, e.g. @{} = 0;", m.name));
    return Type::none();
  }
  if (info->value.is_aggregation()) {
    diags_->error(m.loc,
                  fmt::format("@{} holds {}() values, which are kept per CPU and can only be printed", m.name,
                              info->value.kind == TypeKind::Lhist ? "lhist" : info->value.to_string()),
                  "keep a plain counter for use in expressions: @n = @n + 1");
    return Type::none();
  }
  bool has_key = !m.keys.empty();
  bool had_key = !info->key.is_none();
  if (has_key != had_key || (has_key && !key.is_none() && unify(key, info->key).is_none())) {
    diags_->error(m.loc,
                  fmt::format("map @{} is read with {} but assigned with {}", m.name,
                              has_key ? "key " + key.to_string() : std::string("no key"),
                              had_key ? "key " + info->key.to_string() : std::string("no key")),
                  "every use of a map needs the same number and kinds of keys");
    return Type::none();
  }
  return info->value;
}

Type TypeChecker::check_call(const Call& call, bool map_value) {
  const FunctionInfo* info = find_function(call.name);
  if (info == nullptr) {
    std::vector<std::string> names;
    for (const auto& f : all_functions()) names.emplace_back(f.name);
    for (const auto& f : ctx_.program.functions) names.push_back(f->name);
    for (const auto& m : ctx_.program.macros) names.push_back(m->name);
    std::string suggestion = closest_match(call.name, names);
    std::string hint = suggestion.empty() ? "functions are: " : fmt::format("did you mean '{}'? functions are: ", suggestion);
    for (size_t i = 0; i < names.size(); ++i) hint += (i ? ", " : "") + names[i];
    diags_->error(call.name_loc, fmt::format("unknown function '{}'", call.name), hint);
    for (const Expr* a : call.args) check_expr(*a);
    return Type::none();
  }
  ctx_.result.functions[call.id] = info->id;
  std::vector<Type> args;
  bool ok = true;
  for (const Expr* a : call.args) {
    if ((a == call.args.front() && names_whole_map(info->id, *a)) || takes_names(info->id)) {
      args.push_back(Type::void_type());  // names (a whole map, a clock), not values
      continue;
    }
    args.push_back(check_expr(*a));
    ok = ok && !args.back().is_none();
  }
  if (call.args.size() < info->min_args || call.args.size() > info->max_args) {
    std::string expected = info->min_args == info->max_args
                               ? fmt::format("{} argument{}", info->min_args, info->min_args == 1 ? "" : "s")
                               : fmt::format("{} to {} arguments", info->min_args, info->max_args);
    diags_->error(call.loc,
                  fmt::format("{}() takes {}, but {} {} given", call.name, expected, call.args.size(),
                              call.args.size() == 1 ? "was" : "were"),
                  fmt::format("usage: {}", info->signature));
    return Type::none();
  }
  if (!ok) return Type::none();
  CallUse use{*this, call, args, *probe_, map_value};
  return function_rule(info->id)(use);
}

bool TypeChecker::probe_has_args(const Probe& probe, std::string& provider_without) {
  for (const auto& attach : ctx_.result.probes[probe.index].attaches) {
    if (attach.targets.empty()) continue;
    ProviderContext pctx{ctx_.catalog, *diags_, ctx_.options.string_capacity, ctx_.options.missing_probes};
    if (!attach.provider->args(attach.targets.front(), pctx)) {
      provider_without = std::string(attach.provider->name());
      return false;
    }
  }
  return true;
}

const std::vector<TracepointField>& TypeChecker::target_args(const ResolvedAttach& attach, const ProbeTarget& target) {
  auto it = args_cache_.find(target.name);
  if (it != args_cache_.end()) return it->second;
  ProviderContext pctx{ctx_.catalog, *diags_, ctx_.options.string_capacity, ctx_.options.missing_probes};
  auto fields = attach.provider->args(target, pctx);
  return args_cache_.emplace(target.name, fields ? std::move(*fields) : std::vector<TracepointField>{}).first->second;
}

Type TypeChecker::args_field(const Probe& probe, const std::string& name, SourceRange where) {
  Type result = Type::none();
  std::string first_target;
  for (const auto& attach : ctx_.result.probes[probe.index].attaches) {
    size_t missing = 0;
    std::string missing_example;
    for (const ProbeTarget& target : attach.targets) {
      const auto& fields = target_args(attach, target);
      auto f = std::find_if(fields.begin(), fields.end(), [&](const TracepointField& x) { return x.name == name; });
      if (f == fields.end()) {
        if (attach.targets.size() == 1) {
          std::vector<std::string> names;
          for (const auto& x : fields) names.push_back(x.name);
          std::string suggestion = closest_match(name, names);
          std::string list;
          for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
          diags_->error(where, fmt::format("{} has no field '{}'", target.name, name),
                        suggestion.empty() ? fmt::format("its fields are: {}", list)
                                           : fmt::format("did you mean '{}'? its fields are: {}", suggestion, list));
          return Type::none();
        }
        if (missing++ == 0) missing_example = target.name;
        continue;
      }
      if (!f->unsupported.empty()) {
        diags_->error(where, fmt::format("{}: {}", target.name, f->unsupported),
                      fmt::format("see the record layout with: stratoshark -lv '{}'", target.name));
        return Type::none();
      }
      if (result.is_none()) {
        result = f->type;
        first_target = target.name;
      } else if (!(result == f->type)) {
        Type merged = unify(result, f->type);
        if (merged.is_none()) {
          diags_->error(where,
                        fmt::format("args.{} is {} in {} but {} in {}", name, result.to_string(), first_target,
                                    f->type.to_string(), target.name),
                        "narrow the wildcard so that every matched tracepoint has the same field type");
          return Type::none();
        }
        result = merged;
      }
    }
    if (missing > 0) {
      diags_->error(where,
                    fmt::format("args.{} is missing in {} of the {} tracepoints matched by '{}' (e.g. {})", name,
                                missing, attach.targets.size(), attach.point->text, missing_example),
                    "narrow the wildcard to tracepoints that all have this field");
      return Type::none();
    }
  }
  return result;
}

Type TypeChecker::check_field(const FieldAccess& f) {
  if (auto t = check_packet_field(*this, f, *probe_)) return *t;
  Type base = check_expr(*f.base);
  if (base.is_none()) return base;
  if (base.is_tuple()) {
    // $t.0, $kv.1: an element by its number.
    bool number = !f.field.empty() && f.field.find_first_not_of("0123456789") == std::string::npos;
    if (!number) {
      diags_->error(f.field_loc, fmt::format("a tuple's elements are numbered, so '.{}' means nothing", f.field),
                    "write .0, .1, ...");
      return Type::none();
    }
    return tuple_element(base, f.field.size() > 9 ? -1 : std::stoll(f.field), f.field_loc);
  }
  // Kernel structs: p->field and p.field are the same (the pointer is followed).
  if (base.is_pointer() && base.inner().kind == TypeKind::Struct) base = Type(base.inner());
  if (base.kind == TypeKind::Struct) {
    const KernelField* member = nullptr;
    Type t = struct_member(base, f.field, f.field_loc, &member);
    if (t.is_none()) return t;
    const KernelStruct* s = kernel_struct(base.name, f.loc);
    ctx_.result.members[f.id] = StructMemberRef{base.name, s != nullptr && s->is_union, s != nullptr ? s->size : 0, *member};
    if (base.user) ctx_.result.members[f.id].field.type.user = true;
    return t;
  }
  if (base.kind != TypeKind::Record) {
    diags_->error(f.loc, fmt::format("'{}' is {}, which has no fields", print_expr(*f.base), base.to_string()),
                  base.is_pointer() ? "only pointers to structs have fields; cast it: ((struct task_struct *)p)->pid"
                                    : "fields exist on 'args', on tuples (.0, .1) and on kernel structs (p->pid)");
    return Type::none();
  }
  Type t = args_field(*probe_, f.field, f.field_loc);
  if (!t.is_none()) {
    auto& used = ctx_.result.used_args[probe_->index];
    if (std::find(used.begin(), used.end(), f.field) == used.end()) used.push_back(f.field);
  }
  return t;
}

}  // namespace stratoshark::lang
