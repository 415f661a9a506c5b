// Type rules of the functions and aggregations, one per functions.def entry.
#include <arpa/inet.h>

#include <array>

#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"
#include "library_rules.h"
#include "map_function_rules.h"
#include "type_checker.h"

namespace stratoshark::lang {

namespace {

// What a printf conversion takes: %s anything with a text form, %r buffers
// (and strings), the integer conversions integers and pointers.
bool conversion_fits(char spec, const Type& t) {
  switch (spec) {
    case 's':
      return TypeChecker::storable(t) && !t.is_scalar_number();
    case 'r':
      return t.kind == TypeKind::Buffer || t.is_string();
    default:
      return TypeChecker::integral(t);
  }
}

}  // namespace

// printf(), system() and cat(): a literal format and arguments that fit it.
Type check_format(CallUse& use) {
  const auto* literal = dyn_cast<StringLiteral>(use.call.args[0]);
  if (literal == nullptr) {
    use.checker.diags().error(use.call.args[0]->loc, fmt::format("{}() needs a string literal as its format", use.call.name),
                              fmt::format("write the format in quotes: {}(\"%d\\n\", pid)", use.call.name));
    return Type::none();
  }
  FormatError error{};
  auto format = parse_format(literal->value, error);
  if (!format) {
    // Point into the literal (exact when no escape precedes the problem).
    SourceRange where = literal->loc;
    where.begin += 1 + static_cast<uint32_t>(error.offset);
    where.end = where.begin + static_cast<uint32_t>(std::max<size_t>(1, error.length));
    if (where.end > literal->loc.end) where = literal->loc;
    use.checker.diags().error(where, error.message, error.hint);
    return Type::none();
  }
  size_t wanted = format->conversions();
  size_t given = use.call.args.size() - 1;
  if (wanted != given) {
    use.checker.diags().error(use.call.loc,
                              fmt::format("printf() format has {} conversion{} but {} argument{} {} given", wanted,
                                          wanted == 1 ? "" : "s", given, given == 1 ? "" : "s",
                                          given == 1 ? "was" : "were"),
                              wanted > given ? "add the missing arguments, or write %% for a literal '%'"
                                             : "remove the extra arguments or add conversions for them");
    return Type::none();
  }
  size_t arg = 1;
  bool ok = true;
  for (const auto& segment : format->segments) {
    if (!segment.conversion) continue;
    const Expr& e = *use.call.args[arg];
    const Type& t = use.args[arg];
    char spec = segment.conversion->specifier;
    if (!conversion_fits(spec, t)) {
      const char* needed = spec == 's' ? "a string" : spec == 'r' ? "a buffer (buf()) or a string" : "an integer";
      const char* hint = spec == 's'   ? "use %d (or %u, %x) for integers"
                         : spec == 'r' ? "read bytes with buf(ptr, n): printf(\"%r\", buf(p, 16))"
                         : t.is_string() ? "use %s for strings"
                                         : "use %s for strings and other values";
      use.checker.diags().error(e.loc, fmt::format("%{} needs {}, but '{}' is {}", spec, needed, print_expr(e),
                                                   t.to_string()),
                                hint);
      ok = false;
    }
    ++arg;
  }
  if (!ok) return Type::none();
  use.checker.result().formats[use.call.id] = std::move(*format);
  return Type::void_type();
}

namespace {

Type check_Printf(CallUse& use) { return check_format(use); }

// Functions that act on the system need --unsafe.
bool unsafe_allowed(CallUse& use, const char* what) {
  if (use.checker.context().options.unsafe) return true;
  use.checker.diags().error(use.call.loc,
                            fmt::format("{}() is unsafe: it {}; it is allowed only with --unsafe", use.call.name, what),
                            "run stratoshark --unsafe if you mean it");
  return false;
}

Type check_System(CallUse& use) {
  if (!unsafe_allowed(use, "runs a shell command on this machine for every event")) return Type::none();
  return check_format(use);
}

// signal(N) or signal("SIGKILL") / signal("KILL"): the number is kept in
// result().constants under the call's id.
Type check_Signal(CallUse& use) {
  if (!unsafe_allowed(use, "sends a signal to the traced process")) return Type::none();
  static constexpr std::pair<const char*, int> kSignals[] = {
      {"HUP", 1},   {"INT", 2},   {"QUIT", 3},  {"ILL", 4},   {"TRAP", 5},   {"ABRT", 6},   {"BUS", 7},
      {"FPE", 8},   {"KILL", 9},  {"USR1", 10}, {"SEGV", 11}, {"USR2", 12},  {"PIPE", 13},  {"ALRM", 14},
      {"TERM", 15}, {"CHLD", 17}, {"CONT", 18}, {"STOP", 19}, {"TSTP", 20},  {"TTIN", 21},  {"TTOU", 22},
      {"URG", 23},  {"XCPU", 24}, {"XFSZ", 25}, {"VTALRM", 26}, {"PROF", 27}, {"WINCH", 28}, {"IO", 29},
      {"PWR", 30},  {"SYS", 31}};
  const Expr& arg = *use.call.args[0];
  int number = 0;
  if (const auto* name = dyn_cast<StringLiteral>(&arg)) {
    std::string n = name->value.rfind("SIG", 0) == 0 ? name->value.substr(3) : name->value;
    for (const auto& [s, v] : kSignals) {
      if (n == s) number = v;
    }
    if (number == 0) {
      use.checker.diags().error(arg.loc, fmt::format("unknown signal '{}'", name->value),
                                "use a name such as \"SIGTERM\" or \"KILL\", or a number from 1 to 64");
      return Type::none();
    }
  } else if (auto v = use.checker.constant_int(arg)) {
    if (*v < 1 || *v > 64) {
      use.checker.diags().error(arg.loc, fmt::format("signal {} is out of range", *v), "signals are 1 to 64");
      return Type::none();
    }
    number = static_cast<int>(*v);
  } else {
    use.checker.diags().error(arg.loc, fmt::format("signal() needs a constant signal, but '{}' is not one",
                                                   print_expr(arg)),
                              "write a number or a name: signal(\"SIGTERM\"), signal(15)");
    return Type::none();
  }
  ConstantValue c;
  c.integer = number;
  use.checker.result().constants[use.call.id] = c;
  return Type::void_type();
}

Type check_Exit(CallUse& use) {
  if (!use.args.empty() && !use.args[0].is_int()) {
    use.checker.diags().error(use.call.args[0]->loc, "exit() takes an integer exit code",
                              "e.g. exit(1); without an argument the exit code is 0");
    return Type::none();
  }
  return Type::void_type();
}

// Aggregations are only meaningful as the value of a map.
bool aggregation_context(CallUse& use) {
  if (use.map_value) return true;
  use.checker.diags().error(use.call.loc, fmt::format("{}() can only be assigned to a map", use.call.name),
                            fmt::format("write @name = {}(...) or @name[key] = {}(...)", use.call.name,
                                        use.call.name));
  return false;
}

Type numeric_aggregation(CallUse& use, TypeKind kind) {
  if (!aggregation_context(use)) return Type::none();
  if (!TypeChecker::integral(use.args[0])) {
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("{}() needs an integer, but '{}' is {}", use.call.name,
                                          print_expr(*use.call.args[0]), use.args[0].to_string()));
    return Type::none();
  }
  return Type::aggregation(kind, use.args[0].is_signed);
}

Type check_Count(CallUse& use) {
  if (!aggregation_context(use)) return Type::none();
  return Type::aggregation(TypeKind::Count, false);
}
Type check_Sum(CallUse& use) { return numeric_aggregation(use, TypeKind::Sum); }
Type check_Min(CallUse& use) { return numeric_aggregation(use, TypeKind::Min); }
Type check_Max(CallUse& use) { return numeric_aggregation(use, TypeKind::Max); }
Type check_Avg(CallUse& use) { return numeric_aggregation(use, TypeKind::Avg); }

Type check_Filter(CallUse& use) {
  if (!require_network_probe(use.checker, use.probe, use.call.loc, "filter()")) return Type::none();
  if (!isa<StringLiteral>(use.call.args[0])) {
    use.checker.diags().error(use.call.args[0]->loc, "filter() needs the filter as a string literal",
                              "write it in quotes: filter(\"tcp port 80\")");
    return Type::none();
  }
  auto it = use.checker.result().filters.find(use.call.id);
  if (it == use.checker.result().filters.end()) return Type::none();  // the filter's own error was reported
  Type t = use.checker.expr(*it->second);
  return t.is_none() ? t : Type::u64();
}

// ntop([af,] addr): an IPv4 address (an integer, or 4 bytes) or an IPv6
// address (16 bytes), shown as 10.0.0.1 or fd00::1. With a family that is
// not constant, the address is kept with it (inet, 24 bytes) and shown by it.
// macaddr(mac): a MAC address (an integer, 6 bytes, or a pointer to them).
bool is_byte_array(const Type& t, uint32_t length) {
  return t.is_array() && t.size == length && t.inner().is_int() && t.inner().bits == 8;
}

Type check_Ntop(CallUse& use) {
  size_t a = use.args.size() - 1;
  const Expr& addr = *use.call.args[a];
  const Type& t = use.args[a];
  bool v4 = t.is_int() || is_byte_array(t, 4) || (t.kind == TypeKind::Address && t.size == 4);
  bool v6 = is_byte_array(t, 16) || (t.kind == TypeKind::Address && t.size == 16);
  if (!v4 && !v6) {
    use.checker.diags().error(addr.loc,
                              fmt::format("ntop() needs an IPv4 address (an integer or 4 bytes) or an IPv6 address "
                                          "(16 bytes), but '{}' is {}",
                                          print_expr(addr), t.to_string()),
                              "e.g. ntop(args->saddr), ntop(args->daddr_v6), ntop(ip.src)");
    return Type::none();
  }
  if (use.args.size() == 1) return Type::address(v6 ? 16 : 4);
  if (!use.args[0].is_int()) {
    use.checker.diags().error(use.call.args[0]->loc, "the address family of ntop(af, addr) must be an integer",
                              "AF_INET is 2, AF_INET6 is 10");
    return Type::none();
  }
  if (auto af = use.checker.constant_int(*use.call.args[0])) {
    if (*af != 2 && *af != 10) {
      use.checker.diags().error(use.call.args[0]->loc, fmt::format("{} is not an address family ntop() knows", *af),
                                "AF_INET is 2, AF_INET6 is 10");
      return Type::none();
    }
    if (*af == 10 && !v6) {
      use.checker.diags().error(addr.loc, fmt::format("an IPv6 address has 16 bytes, but '{}' is {}", print_expr(addr),
                                                      t.to_string()));
      return Type::none();
    }
    return Type::address(*af == 10 ? 16 : 4);
  }
  return Type::address(24);  // family and address, shown by the family
}

Type check_Macaddr(CallUse& use) {
  const Type& t = use.args[0];
  if (t.is_int() || is_byte_array(t, 6) || t.is_pointer()) return Type::address(6);
  if (t.kind == TypeKind::Address && t.size == 6) return t;
  use.checker.diags().error(use.call.args[0]->loc,
                            fmt::format("macaddr() needs a MAC address (an integer, 6 bytes or a pointer to them), "
                                        "but '{}' is {}",
                                        print_expr(*use.call.args[0]), t.to_string()),
                            "e.g. macaddr(eth.src)");
  return Type::none();
}

// pton("10.0.0.1") / pton("fd00::1"): the address's bytes, in network order.
Type check_Pton(CallUse& use) {
  const auto* text = dyn_cast<StringLiteral>(use.call.args[0]);
  if (text == nullptr) {
    use.checker.diags().error(use.call.args[0]->loc, "pton() needs the address as a string literal",
                              "e.g. pton(\"127.0.0.1\") or pton(\"::1\"); it is converted when the program is compiled");
    return Type::none();
  }
  unsigned char bytes[16] = {};
  bool v6 = text->value.find(':') != std::string::npos;
  if (inet_pton(v6 ? AF_INET6 : AF_INET, text->value.c_str(), bytes) != 1) {
    use.checker.diags().error(text->loc, fmt::format("'{}' is not an IPv{} address", text->value, v6 ? 6 : 4),
                              "write 1.2.3.4 or an IPv6 address such as fd00::1");
    return Type::none();
  }
  ConstantValue c;
  c.is_string = true;
  c.text.assign(reinterpret_cast<const char*>(bytes), v6 ? 16 : 4);
  use.checker.result().constants[use.call.id] = c;
  return Type::array(Type::integer(8, false), v6 ? 16 : 4);
}

Type check_Capture(CallUse& use) {
  if (!require_network_probe(use.checker, use.probe, use.call.loc, "capture()")) return Type::none();
  return Type::void_type();
}

// str(ptr[, n]): a string read at run time, max_strlen bytes with the NUL;
// with a constant n, n bytes plus the NUL (never more than max_strlen).
// str() of a string is that string; str($N) is the word itself, even a number.
Type check_Str(CallUse& use) {
  const Expr& arg = *use.call.args[0];
  uint32_t capacity = use.checker.context().options.string_capacity;
  if (const auto* p = dyn_cast<Positional>(&arg); p != nullptr && p->index > 0) {
    const auto& words = use.checker.context().options.positional;
    ConstantValue v;
    v.is_string = true;
    v.text = p->index <= words.size() ? words[p->index - 1] : std::string();
    use.checker.result().constants[p->id] = v;
    Type t = Type::string(static_cast<uint32_t>(v.text.size() + 1));
    use.checker.result().types[p->id] = t;
    if (use.call.args.size() > 1) {
      use.checker.diags().error(use.call.args[1]->loc, "str($N) takes no length", "write str($1)");
      return Type::none();
    }
    return t;
  }
  if (use.args[0].is_string()) {
    if (use.call.args.size() > 1) {
      use.checker.diags().error(use.call.args[1]->loc, fmt::format("'{}' is already a string", print_expr(arg)),
                                "str(s, n) reads from a pointer; drop the length");
      return Type::none();
    }
    return use.args[0];
  }
  if (!TypeChecker::integral(use.args[0])) {
    use.checker.diags().error(arg.loc,
                              fmt::format("str() needs a pointer (an integer address), but '{}' is {}", print_expr(arg),
                                          use.args[0].to_string()),
                              "e.g. str(args.filename)");
    return Type::none();
  }
  if (use.call.args.size() > 1) {
    if (!use.args[1].is_int()) {
      use.checker.diags().error(use.call.args[1]->loc, "the length of str(ptr, n) must be an integer");
      return Type::none();
    }
    if (auto n = use.checker.constant_int(*use.call.args[1])) {
      if (*n < 0) {
        use.checker.diags().error(use.call.args[1]->loc, fmt::format("str() cannot read {} bytes", *n));
        return Type::none();
      }
      capacity = std::min<uint32_t>(capacity, static_cast<uint32_t>(std::min<int64_t>(*n, 1 << 20)) + 1);
    }
  }
  return Type::string(capacity);
}

// nsecs(boot): the argument names a clock; it is not an expression.
Type check_NsecsClock(CallUse& use) {
  if (use.call.args.empty()) return Type::u64();
  const auto* clock = dyn_cast<Identifier>(use.call.args[0]);
  if (clock == nullptr || (clock->name != "monotonic" && clock->name != "boot" && clock->name != "tai")) {
    std::string hint = "nsecs(monotonic), nsecs(boot) or nsecs(tai)";
    if (clock != nullptr && clock->name == "sw_tai") hint = "sw_tai is not supported; use nsecs(tai)";
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("'{}' is not a clock", print_expr(*use.call.args[0])), hint);
    return Type::none();
  }
  return Type::u64();
}

constexpr std::array<FunctionRule, kFunctionCount> kRules = {
#define SS_FUNCTION(id, name, min_args, max_args, signature, description) &check_##id,
#include "stratoshark/lang/functions.def"
#undef SS_FUNCTION
};

}  // namespace

FunctionRule function_rule(FunctionId id) { return kRules[static_cast<size_t>(id)]; }

bool takes_names(FunctionId id) {
  return id == FunctionId::NsecsClock || id == FunctionId::KstackCall || id == FunctionId::UstackCall;
}

}  // namespace stratoshark::lang
