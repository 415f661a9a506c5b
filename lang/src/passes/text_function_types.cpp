// Type rules of buf(), strncmp(), strcontains(), time(), strftime(), join()
// and cat().
#include <fmt/format.h>

#include "library_rules.h"
#include "stratoshark/lang/ast_printer.h"

namespace stratoshark::lang {

namespace {

const StringLiteral* literal_argument(CallUse& use, size_t i, const char* example) {
  const auto* literal = dyn_cast<StringLiteral>(use.call.args[i]);
  if (literal == nullptr) {
    use.checker.diags().error(use.call.args[i]->loc,
                              fmt::format("{}() needs a string literal here, but '{}' is not one", use.call.name,
                                          print_expr(*use.call.args[i])),
                              fmt::format("e.g. {}", example));
  }
  return literal;
}

// A time format's index in SemaResult::time_formats (shared by equal formats).
uint32_t time_format(CallUse& use, const std::string& format) {
  auto& formats = use.checker.result().time_formats;
  for (size_t i = 0; i < formats.size(); ++i) {
    if (formats[i] == format) return static_cast<uint32_t>(i);
  }
  formats.push_back(format);
  return static_cast<uint32_t>(formats.size() - 1);
}

bool string_argument(CallUse& use, size_t i) {
  if (use.args[i].is_string()) return true;
  use.checker.diags().error(use.call.args[i]->loc,
                            fmt::format("{}() needs a string, but '{}' is {}", use.call.name,
                                        print_expr(*use.call.args[i]), use.args[i].to_string()),
                            "read one from memory with str(ptr)");
  return false;
}

}  // namespace

// buf(ptr, n): n bytes at ptr (at most max_strlen; n constant or not);
// buf(array[, n]) and buf(string[, n]): its bytes.
Type check_Buf(CallUse& use) {
  const Type& source = use.args[0];
  uint32_t limit = use.checker.context().options.string_capacity;
  uint32_t capacity = 0;
  if (source.is_array()) {
    capacity = source.native_size();
  } else if (source.is_string()) {
    capacity = source.size;
  } else if (TypeChecker::integral(source)) {
    if (use.args.size() < 2) {
      use.checker.diags().error(use.call.loc, "buf() of a pointer needs the number of bytes",
                                fmt::format("write buf({}, 16)", print_expr(*use.call.args[0])));
      return Type::none();
    }
    capacity = limit;
  } else {
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("buf() reads from a pointer, an array or a string, but '{}' is {}",
                                          print_expr(*use.call.args[0]), source.to_string()),
                              "e.g. buf(args->saddr) or buf(ptr, 16)");
    return Type::none();
  }
  if (use.args.size() > 1) {
    if (!use.args[1].is_int()) {
      use.checker.diags().error(use.call.args[1]->loc, "the length of buf(ptr, n) must be an integer");
      return Type::none();
    }
    if (auto n = use.checker.constant_int(*use.call.args[1])) {
      if (*n < 0 || static_cast<uint64_t>(*n) > std::max(capacity, limit) || (!TypeChecker::integral(source) && *n > capacity)) {
        use.checker.diags().error(use.call.args[1]->loc,
                                  fmt::format("buf() can read 0 to {} bytes here, not {}",
                                              TypeChecker::integral(source) ? limit : capacity, *n),
                                  "raise max_strlen (config = { max_strlen = 256 }) for longer buffers");
        return Type::none();
      }
      capacity = static_cast<uint32_t>(*n);
    }
  }
  return Type::buffer(capacity);
}

// strncmp(s1, s2, n): 0 when the first n bytes agree (up to a NUL in both), else 1.
Type check_Strncmp(CallUse& use) {
  if (!string_argument(use, 0) || !string_argument(use, 1)) return Type::none();
  auto n = use.checker.constant_int(*use.call.args[2]);
  if (!n || *n < 0) {
    use.checker.diags().error(use.call.args[2]->loc,
                              fmt::format("strncmp() needs a constant length of 0 or more, but '{}' is not one",
                                          print_expr(*use.call.args[2])),
                              "the comparison is unrolled when the program is compiled: strncmp(comm, \"bash\", 4)");
    return Type::none();
  }
  ConstantValue c;
  c.integer = *n;
  use.checker.result().constants[use.call.id] = c;
  return Type::i64();
}

Type check_Strcontains(CallUse& use) {
  if (!string_argument(use, 0) || !string_argument(use, 1)) return Type::none();
  return Type::boolean_type();
}

// time([fmt]): the format is kept in SemaResult::time_formats, its index in constants.
Type check_Time(CallUse& use) {
  std::string format = "%H:%M:%S\n";
  if (!use.call.args.empty()) {
    const StringLiteral* literal = literal_argument(use, 0, "time(\"%H:%M:%S\\n\")");
    if (literal == nullptr) return Type::none();
    format = literal->value;
  }
  ConstantValue c;
  c.integer = time_format(use, format);
  use.checker.result().constants[use.call.id] = c;
  return Type::void_type();
}

Type check_Strftime(CallUse& use) {
  const StringLiteral* literal = literal_argument(use, 0, "strftime(\"%H:%M:%S\", nsecs)");
  if (literal == nullptr) return Type::none();
  if (!use.args[1].is_int()) {
    use.checker.diags().error(use.call.args[1]->loc,
                              fmt::format("strftime() needs a timestamp in nanoseconds, but '{}' is {}",
                                          print_expr(*use.call.args[1]), use.args[1].to_string()),
                              "e.g. strftime(\"%H:%M:%S\", nsecs)");
    return Type::none();
  }
  return Type::timestamp(time_format(use, literal->value));
}

// join(argv[, sep]): argv is a char ** (a NULL-terminated array of strings,
// as execve's). The separator is kept in constants.
Type check_Join(CallUse& use) {
  const Type& t = use.args[0];
  bool strings = t.is_pointer() && t.inner().is_pointer();
  if (!strings && !t.is_int()) {
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("join() needs an array of string pointers (char **), but '{}' is {}",
                                          print_expr(*use.call.args[0]), t.to_string()),
                              "e.g. join(args.argv) in tracepoint:syscalls:sys_enter_execve");
    return Type::none();
  }
  ConstantValue c;
  c.text = " ";
  c.integer = use.checker.context().options.string_capacity;  // bytes of each string (16 at most)
  if (use.call.args.size() > 1) {
    const StringLiteral* sep = literal_argument(use, 1, "join(args.argv, \",\")");
    if (sep == nullptr) return Type::none();
    c.text = sep->value;
  }
  use.checker.result().constants[use.call.id] = c;
  return Type::void_type();
}

Type check_Cat(CallUse& use) { return check_format(use); }

}  // namespace stratoshark::lang
