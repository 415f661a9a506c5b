// Includes are resolved relative to this file; their probes take the
// directive's place, and a config block can come from an included file.
BEGIN { printf("main first\n"); }
#include "lib/common.ss"
BEGIN { printf("main last\n"); exit(); }
