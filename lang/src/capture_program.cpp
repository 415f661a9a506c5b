#include "stratoshark/lang/capture_program.h"

#include "stratoshark/lang/filter.h"

namespace stratoshark::lang {

Program* build_capture_program(const CaptureRequest& request, SourceManager& sources, AstContext& ast,
                               Diagnostics& diags) {
  // The equivalent script text, so positions (and -d ast readers) have something to show.
  std::string text = request.attach_point + " < capture(); >";
  FileId file = sources.add("<capture>", text);
  auto range = [&](size_t begin, size_t length) {
    return SourceRange{file, static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + length)};
  };
  Expr* predicate = nullptr;
  if (request.filter.find_first_not_of(" \t\n") != std::string::npos) {
    FileId filter_file = sources.add("<filter>", request.filter);
    predicate = parse_filter(request.filter, filter_file, 0, request.link_type, ast, diags);
    if (predicate == nullptr) return nullptr;
  }
  size_t call_at = request.attach_point.size() + 3;
  auto* call = ast.make<Call>(range(call_at, 9), "capture", std::vector<Expr*>{});
  call->name_loc = range(call_at, 7);
  auto* stmt = ast.make<ExprStmt>(range(call_at, 10), call);
  auto* body = ast.make<Block>(range(request.attach_point.size() + 1, text.size() - request.attach_point.size() - 1),
                               std::vector<Stmt*>{stmt}, true);
  auto* point = ast.make<AttachPoint>(range(0, request.attach_point.size()), request.attach_point);
  auto* probe = ast.make<Probe>(range(0, text.size()), std::vector<AttachPoint*>{point}, predicate, body);
  return ast.make<Program>(range(0, text.size()), std::vector<Probe*>{probe});
}

}  // namespace stratoshark::lang
