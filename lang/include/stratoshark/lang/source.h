// Source text and positions.
//
// A SourceManager owns every text the compiler reads (script files, -e
// programs, capture filters). Positions are byte offsets into one of those
// texts; line and column numbers are computed on demand, so AST nodes stay
// small. Columns are 1-based byte columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stratoshark::lang {

using FileId = uint32_t;

// A half-open byte range [begin, end) in one source file.
struct SourceRange {
  FileId file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;

  static SourceRange join(const SourceRange& a, const SourceRange& b) {
    return {a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
  }
};

struct LineColumn {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in bytes
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  LineColumn position(uint32_t offset) const;
  // The text of a 1-based line, without its newline.
  std::string_view line(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

class SourceManager {
 public:
  FileId add(std::string name, std::string text);
  const SourceFile& file(FileId id) const { return files_.at(id); }
  size_t size() const { return files_.size(); }

 private:
  std::vector<SourceFile> files_;
};

}  // namespace stratoshark::lang
