#include "cycle_b.ss"
BEGIN { exit(); }
