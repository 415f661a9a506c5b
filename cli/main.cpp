// stratoshark: the command-line entry point.
#include "driver.h"
#include "options.h"

int main(int argc, char** argv) {
  using namespace stratoshark::cli;
  ParsedOptions parsed = parse_options(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  if (parsed.options->list) return list_probes(*parsed.options);
  return run_program(*parsed.options);
}
