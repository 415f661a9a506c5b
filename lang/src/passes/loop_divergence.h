// Whether the verifier's states can multiply from one iteration of a loop
// (or one copy of an unroll block) to the next. Private to the estimator.
//
// The verifier tracks scalar values precisely and prunes a path only when
// its state matches one already explored. A loop body that updates a
// variable on one side of a branch it cannot decide (its condition reads
// run-time values), and that also branches on that variable (if, ?:, &&,
// ||, while, or the sign tests of / and %), can leave twice as many
// distinct states after each iteration: measured on Linux 6.18, such a
// 20-iteration loop cost 378k processed instructions where the same loop
// without the branch on the variable cost 1.5k.
#pragma once

#include "stratoshark/lang/ast.h"

namespace stratoshark::lang {

bool loop_state_diverges(const Block& body);

}  // namespace stratoshark::lang
