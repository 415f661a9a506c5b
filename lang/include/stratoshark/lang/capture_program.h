// The program `stratoshark capture` runs, built from its options: one network
// probe whose predicate is the capture filter and whose body is capture():
//
//   socket:IFACE /<filter>/ < capture(); >
//
// The filter is its own source file, "<filter>", so its diagnostics point
// into what the user typed after -f; the rest lives in "<capture>".
#pragma once

#include <string>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::lang {

struct CaptureRequest {
  std::string attach_point = "socket:any";  // socket:IFACE, tc:IFACE:ingress, xdp:IFACE
  std::string filter;                       // empty: every packet
  uint32_t link_type = protocols::kLinkTypeEthernet;  // of the packets (LINKTYPE_*): the file's with -r
};

// Returns null after reporting the filter's error to `diags`.
Program* build_capture_program(const CaptureRequest& request, SourceManager& sources, AstContext& ast,
                               Diagnostics& diags);

}  // namespace stratoshark::lang
