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

#include <optional>
#include <string>

#include "stratoshark/lang/ast.h"

namespace stratoshark::lang {

bool loop_state_diverges(const Block& body);

// The body of a for ($kv : @map) loop is a callback the verifier checks again
// with each state the loop can leave behind until the states repeat. A
// variable the body updates from its own value and also branches on never
// repeats (a counter tested against a limit): the check runs into the
// verifier's limit. That variable, or nullopt. (A variable set from map
// values or builtins is unknown each time, which settles.) Measured on Linux 6.18: `$c++; if ($c == 2) ...` in
// a for-map body is rejected after 1M instructions, `$c++` alone is not.
std::optional<std::string> map_loop_never_settles(const Block& body);

}  // namespace stratoshark::lang
