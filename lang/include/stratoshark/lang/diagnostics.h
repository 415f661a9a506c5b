// Diagnostics: what every pass reports instead of printing.
//
// A pass appends Diagnostic values to a Diagnostics sink and keeps going where
// it can; only the command line decides how (text or JSON) and whether to
// print them. A diagnostic names the problem (message), where it is (range,
// rendered as file:line:col with the source line and a caret underline) and,
// where one exists, the fix (hint).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stratoshark/lang/source.h"

namespace stratoshark::lang {

enum class Severity { Error, Warning, Note };

struct DiagnosticNote {
  std::optional<SourceRange> range;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::optional<SourceRange> range;
  std::string message;
  std::string hint;
  std::vector<DiagnosticNote> notes;
};

class Diagnostics {
 public:
  Diagnostic& error(std::optional<SourceRange> range, std::string message, std::string hint = {});
  Diagnostic& warning(std::optional<SourceRange> range, std::string message, std::string hint = {});
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  // Adds `note` to every diagnostic reported since there were `count` (the
  // call of a function or macro whose expansion they are in).
  void note_since(size_t count, const DiagnosticNote& note) {
    for (size_t i = count; i < items_.size(); ++i) items_[i].notes.push_back(note);
  }

  bool has_errors() const;
  size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

// Renders one diagnostic the way the CLI prints it:
//   file:line:col: error: message
//      3 | source line
//        |     ^~~~
//   hint: ...
std::string render_text(const Diagnostic& diagnostic, const SourceManager& sources);

// "did you mean" support: the candidate closest to `name` by edit distance,
// or empty when nothing is close enough to be a plausible typo.
std::string closest_match(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace stratoshark::lang
