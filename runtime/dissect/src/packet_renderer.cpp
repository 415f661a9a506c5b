#include "stratoshark/dissect/format.h"

namespace stratoshark::dissect {

void PacketRenderer::render(const Frame& frame, std::string& out) {
  dissect(frame, dissection_);
  if (style_ == Style::Summary) {
    append_summary(dissection_, options_, out);
  } else {
    append_tree(dissection_, options_, out);
    out.push_back('\n');
  }
  out.push_back('\n');
}

}  // namespace stratoshark::dissect
