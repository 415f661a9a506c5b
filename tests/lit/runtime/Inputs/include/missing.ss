BEGIN { exit(); }
#include "no_such_file.ss"
