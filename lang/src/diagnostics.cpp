#include "stratoshark/lang/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

namespace stratoshark::lang {

Diagnostic& Diagnostics::error(std::optional<SourceRange> range, std::string message, std::string hint) {
  items_.push_back({Severity::Error, range, std::move(message), std::move(hint), {}});
  return items_.back();
}

Diagnostic& Diagnostics::warning(std::optional<SourceRange> range, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, range, std::move(message), std::move(hint), {}});
  return items_.back();
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// Appends "file:line:col" plus, when `with_excerpt`, the source line and a
// caret underline of the range (clipped to the first line).
void render_location(std::string& out, const SourceRange& range, const SourceManager& sources) {
  const SourceFile& file = sources.file(range.file);
  LineColumn pos = file.position(range.begin);
  out += fmt::format("{}:{}:{}", file.name(), pos.line, pos.column);
}

void render_excerpt(std::string& out, const SourceRange& range, const SourceManager& sources) {
  const SourceFile& file = sources.file(range.file);
  LineColumn pos = file.position(range.begin);
  std::string_view line = file.line(pos.line);
  std::string gutter = fmt::format("{:>5}", pos.line);
  out += fmt::format("{} | {}\n", gutter, line);
  // Underline: keep tabs so the caret lines up under the echoed text.
  std::string marks;
  uint32_t start = pos.column - 1;
  for (uint32_t i = 0; i < start && i < line.size(); ++i) marks += line[i] == '\t' ? '\t' : ' ';
  for (uint32_t i = static_cast<uint32_t>(marks.size()); i < start; ++i) marks += ' ';
  uint32_t length = range.end > range.begin ? range.end - range.begin : 1;
  uint32_t room = line.size() > start ? static_cast<uint32_t>(line.size()) - start : 1;
  length = std::max<uint32_t>(1, std::min(length, room));
  marks += '^';
  marks.append(length - 1, '~');
  out += fmt::format("{} | {}\n", std::string(gutter.size(), ' '), marks);
}

}  // namespace

std::string render_text(const Diagnostic& d, const SourceManager& sources) {
  std::string out;
  if (d.range && d.range->file < sources.size()) {
    render_location(out, *d.range, sources);
    out += ": ";
  }
  out += fmt::format("{}: {}\n", severity_name(d.severity), d.message);
  if (d.range && d.range->file < sources.size()) render_excerpt(out, *d.range, sources);
  for (const auto& note : d.notes) {
    if (note.range && note.range->file < sources.size()) {
      render_location(out, *note.range, sources);
      out += ": ";
    }
    out += fmt::format("note: {}\n", note.message);
    if (note.range && note.range->file < sources.size()) render_excerpt(out, *note.range, sources);
  }
  if (!d.hint.empty()) out += fmt::format("hint: {}\n", d.hint);
  return out;
}

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string closest_match(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace stratoshark::lang
