#include "cycle_a.ss"
