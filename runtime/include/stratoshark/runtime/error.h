// The runtime's error model: Result<T> holds a value or an Error that says
// what went wrong in one sentence, the fix (hint), where in the user's source
// it applies (when known), and the raw details (libbpf/verifier output) that
// -v shows.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "stratoshark/runtime/artifact.h"

namespace stratoshark::runtime {

enum class ErrorKind {
  Permission,      // missing privileges
  MissingFeature,  // the kernel lacks what a probe needs
  Verifier,        // the kernel verifier rejected a program
  Attach,          // attaching failed for another reason
  Environment,     // tracefs/bpffs/resources
  Internal,        // a bug in stratoshark
};

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string message;
  std::string hint;
  std::optional<SourcePosition> where;
  std::string details;  // raw kernel/libbpf text, shown with -v
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}
  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

}  // namespace stratoshark::runtime
