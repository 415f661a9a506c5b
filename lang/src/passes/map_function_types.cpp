// Type rules of stats/hist/lhist and of the functions that take a whole map.
#include <optional>

#include <fmt/format.h>

#include "map_function_rules.h"
#include "stratoshark/lang/ast_printer.h"

namespace stratoshark::lang {

namespace {

// lhist() keeps one map entry per bucket and key; more buckets than this is
// almost certainly a mistake in min/max/step.
constexpr int64_t kMaxLinearBuckets = 1000;

bool in_map_assignment(CallUse& use) {
  if (use.map_value) return true;
  use.checker.diags().error(use.call.loc, fmt::format("{}() can only be assigned to a map", use.call.name),
                            fmt::format("write @name = {}(...) or @name[key] = {}(...)", use.call.name,
                                        use.call.name));
  return false;
}

bool integer_argument(CallUse& use, size_t i, const char* hint) {
  if (TypeChecker::integral(use.args[i])) return true;
  use.checker.diags().error(use.call.args[i]->loc,
                            fmt::format("{}() needs an integer, but '{}' is {}", use.call.name,
                                        print_expr(*use.call.args[i]), use.args[i].to_string()),
                            hint);
  return false;
}

std::optional<int64_t> constant_argument(CallUse& use, size_t i, const char* what) {
  if (auto v = use.checker.constant_int(*use.call.args[i])) return v;
  use.checker.diags().error(use.call.args[i]->loc,
                            fmt::format("non-constant {} '{}' where a constant is needed: {}() fixes its buckets "
                                        "when the program is compiled",
                                        what, print_expr(*use.call.args[i]), use.call.name),
                            "write a number, e.g. lhist(n, 0, 100, 10)");
  return std::nullopt;
}

// The map a function names as a whole (its first argument), or null.
const MapRef* map_argument(CallUse& use, const char* example) {
  const Expr& arg = *use.call.args[0];
  if (names_whole_map(use.checker.result().functions.at(use.call.id), arg)) {
    return cast<MapRef>(&arg);
  }
  std::string hint = fmt::format("e.g. {}", example);
  if (const auto* m = dyn_cast<MapRef>(&arg); m != nullptr && !m->keys.empty()) {
    hint = fmt::format("{}() acts on the whole map: write {}(@{}); delete(@{}[key]) removes one entry",
                       use.call.name, use.call.name, m->name, m->name);
  }
  use.checker.diags().error(arg.loc, fmt::format("{}() needs a map, but '{}' is not one", use.call.name,
                                                 print_expr(arg)),
                            hint);
  return nullptr;
}

bool not_histogram(CallUse& use, const MapRef& m, const MapInfo& info) {
  if (!info.value.is_histogram()) return true;
  use.checker.diags().error(use.call.loc,
                            fmt::format("{}() does not apply to @{}, which holds a histogram (one entry per bucket)",
                                        use.call.name, m.name),
                            "clear(@m) removes every bucket of every key; print(@m) shows them");
  return false;
}

// Key arguments of delete(@m, k...) and has_key(@m, k...): one per part of the map's key.
bool key_arguments(CallUse& use, size_t first, const MapRef& m, const MapInfo& info) {
  if (info.key.is_none()) {
    use.checker.diags().error(use.call.loc, fmt::format("@{} has no key", m.name),
                              use.call.name == "delete"
                                  ? fmt::format("a map without keys holds one value: write delete(@{})", m.name)
                                  : std::string("a map without keys holds one value; has_key() looks up maps with keys"));
    return false;
  }
  std::vector<Type> parts;
  for (size_t i = first; i < use.args.size(); ++i) {
    Type t = use.args[i];
    if (!t.is_key_type() || t.kind == TypeKind::Tuple) {
      use.checker.diags().error(use.call.args[i]->loc,
                                fmt::format("'{}' of type {} cannot be a map key", print_expr(*use.call.args[i]),
                                            t.to_string()));
      return false;
    }
    if (t.is_int()) t = Type::integer(64, t.is_signed);
    parts.push_back(std::move(t));
  }
  Type given = parts.size() == 1 ? parts[0] : Type::tuple(parts);
  if (unify(given, info.key).is_none()) {
    use.checker.diags().error(use.call.loc,
                              fmt::format("{}() is given key {} but @{} has key {}", use.call.name, given.to_string(),
                                          m.name, info.key.to_string()),
                              "give one argument per part of the key, in the order of @m[a, b]");
    return false;
  }
  return true;
}

}  // namespace

bool names_whole_map(FunctionId id, const Expr& arg) {
  const auto* m = dyn_cast<MapRef>(&arg);
  if (m == nullptr) return false;
  switch (id) {
    case FunctionId::Delete:
      return true;
    case FunctionId::Print:
    case FunctionId::Clear:
    case FunctionId::Zero:
    case FunctionId::HasKey:
    case FunctionId::Len:
      return m->keys.empty();
    default:
      return false;
  }
}

const MapInfo* TypeChecker::whole_map(const MapRef& m) {
  if (auto it = ctx_.result.maps.find(m.name); it != ctx_.result.maps.end()) return &it->second;
  if (auto it = inferred_.find(m.name); it != inferred_.end()) return &it->second;
  if (inferring_ && assigned_maps_.count(m.name)) return nullptr;  // known in a later round
  diags_->error(m.loc, fmt::format("map @{} is used but never assigned", m.name),
                fmt::format("assign it somewhere, e.g. @{}[comm] = count();", m.name));
  return nullptr;
}

Type check_Stats(CallUse& use) {
  if (!in_map_assignment(use) || !integer_argument(use, 0, "")) return Type::none();
  return Type::aggregation(TypeKind::Stats, use.args[0].is_signed);
}

Type check_Hist(CallUse& use) {
  if (!in_map_assignment(use)) return Type::none();
  if (!integer_argument(use, 0,
                        "hist() counts numbers in power-of-two buckets; to count strings write @m[str] = count()")) {
    return Type::none();
  }
  Type t = Type::of(TypeKind::Hist);
  t.is_signed = use.args[0].is_signed;
  return t;
}

Type check_Lhist(CallUse& use) {
  if (!in_map_assignment(use)) return Type::none();
  if (!integer_argument(use, 0, "lhist() counts numbers in linear buckets; to count strings write @m[str] = count()")) {
    return Type::none();
  }
  auto min = constant_argument(use, 1, "min");
  auto max = constant_argument(use, 2, "max");
  auto step = constant_argument(use, 3, "step");
  if (!min || !max || !step) return Type::none();
  if (*step <= 0) {
    use.checker.diags().error(use.call.args[3]->loc, fmt::format("lhist() step must be positive, not {}", *step),
                              "e.g. lhist(n, 0, 100, 10): ten buckets of 10");
    return Type::none();
  }
  if (*max <= *min) {
    use.checker.diags().error(use.call.args[2]->loc,
                              fmt::format("lhist() max ({}) must be greater than min ({})", *max, *min),
                              "e.g. lhist(n, 0, 100, 10): ten buckets of 10");
    return Type::none();
  }
  // In unsigned arithmetic: max - min may not fit in an int64.
  uint64_t buckets = (static_cast<uint64_t>(*max) - static_cast<uint64_t>(*min)) / static_cast<uint64_t>(*step);
  if (buckets > static_cast<uint64_t>(kMaxLinearBuckets) || buckets == 0) {
    use.checker.diags().error(use.call.loc,
                              fmt::format("lhist({}, {}, {}) would have {} buckets; the range must hold between 1 "
                                          "and {} steps",
                                          *min, *max, *step, buckets, kMaxLinearBuckets),
                              "use a larger step, a smaller range, or hist() for values spread over many magnitudes");
    return Type::none();
  }
  // Every bucket bound, up to the end of the last bucket, must be an int64.
  int64_t end = 0;
  if (__builtin_mul_overflow(static_cast<int64_t>(buckets) + 1, *step, &end) || __builtin_add_overflow(end, *min, &end)) {
    use.checker.diags().error(use.call.loc, fmt::format("lhist({}, {}, {}): the buckets' bounds do not fit in 64 bits",
                                                        *min, *max, *step),
                              "keep min and max within the int64 range with room for one more step");
    return Type::none();
  }
  Type t = Type::linear_histogram({*min, *max, *step});
  t.is_signed = use.args[0].is_signed;
  return t;
}

Type check_Print(CallUse& use) {
  if (const auto* m = dyn_cast<MapRef>(use.call.args[0]); m != nullptr && names_whole_map(FunctionId::Print, *m)) {
    const MapInfo* info = use.checker.whole_map(*m);
    bool ok = info != nullptr;
    if (use.args.size() > 1) ok = integer_argument(use, 1, "print(@m, top): top is how many entries to show") && ok;
    if (use.args.size() > 2) ok = integer_argument(use, 2, "print(@m, top, div): values are divided by div") && ok;
    return ok ? Type::void_type() : Type::none();
  }
  if (use.args.size() > 1) {
    use.checker.diags().error(use.call.loc, "print() of a value takes one argument; top and div apply to maps",
                              "write print(@map, top, div), or print(value)");
    return Type::none();
  }
  if (!TypeChecker::storable(use.args[0])) {
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("print() cannot show '{}' of type {}", print_expr(*use.call.args[0]),
                                          use.args[0].to_string()),
                              use.args[0].kind == TypeKind::Struct
                                  ? "print the fields you need, e.g. print(p->pid)"
                                  : "print a map with print(@m), or a value: a number, string, tuple, array, ...");
    return Type::none();
  }
  return Type::void_type();
}

Type check_Clear(CallUse& use) {
  const MapRef* m = map_argument(use, "clear(@counts)");
  if (m == nullptr || use.checker.whole_map(*m) == nullptr) return Type::none();
  return Type::void_type();
}

Type check_Zero(CallUse& use) {
  const MapRef* m = map_argument(use, "zero(@counts)");
  if (m == nullptr || use.checker.whole_map(*m) == nullptr) return Type::none();
  return Type::void_type();
}

Type check_Delete(CallUse& use) {
  const MapRef* m = map_argument(use, "delete(@counts[pid])");
  if (m == nullptr) return Type::none();
  const MapInfo* info = use.checker.whole_map(*m);
  if (info == nullptr || !not_histogram(use, *m, *info)) return Type::none();
  if (use.args.size() > 1) {
    if (!m->keys.empty()) {
      use.checker.diags().error(use.call.loc, "delete() takes the key either inside the brackets or as arguments",
                                fmt::format("write delete(@{}[key]) or delete(@{}, key)", m->name, m->name));
      return Type::none();
    }
    return key_arguments(use, 1, *m, *info) ? Type::void_type() : Type::none();
  }
  Type key = use.checker.map_key_type(*m);
  bool has_key = !m->keys.empty();
  if (has_key && key.is_none()) return Type::none();  // a key expression's own error
  if (has_key != !info->key.is_none() || (has_key && unify(key, info->key).is_none())) {
    use.checker.diags().error(m->loc,
                              fmt::format("delete() is given {} but @{} has {}", has_key ? "key " + key.to_string() : "no key",
                                          m->name, info->key.is_none() ? "no key" : "key " + info->key.to_string()),
                              "every use of a map needs the same number and kinds of keys");
    return Type::none();
  }
  return Type::void_type();
}

Type check_HasKey(CallUse& use) {
  const MapRef* m = map_argument(use, "has_key(@start, tid)");
  if (m == nullptr) return Type::none();
  const MapInfo* info = use.checker.whole_map(*m);
  if (info == nullptr || !not_histogram(use, *m, *info)) return Type::none();
  return key_arguments(use, 1, *m, *info) ? Type::u64() : Type::none();
}

Type check_Len(CallUse& use) {
  const MapRef* m = map_argument(use, "len(@start)");
  if (m == nullptr) return Type::none();
  const MapInfo* info = use.checker.whole_map(*m);
  if (info == nullptr || !not_histogram(use, *m, *info)) return Type::none();
  return Type::u64();
}

}  // namespace stratoshark::lang
