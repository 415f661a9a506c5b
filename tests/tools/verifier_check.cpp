// ss_verifier_check OBJECT.o: loads a BPF object compiled from C (with -g)
// through the runtime's loader and prints the error it reports, as the CLI
// would: "file:line:col: error: ..." with the source line and the hint.
// The verifier tests feed it programs the kernel must reject, so the
// explanations are checked against real verifier logs.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "object_info.h"
#include "stratoshark/runtime/session.h"

using namespace stratoshark;

int main(int argc, char** argv) {
  bool helpers = argc == 3 && std::string(argv[1]) == "--check-helpers";
  if (argc != 2 && !helpers) {
    std::cerr << "usage: ss_verifier_check [--check-helpers] OBJECT.o\n";
    return 2;
  }
  std::ifstream in(argv[argc - 1], std::ios::binary);
  runtime::Artifact artifact;
  artifact.elf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::string error;
  for (const codegen::ObjectFunction& f : codegen::analyse_object(artifact.elf, error)) {
    runtime::ProgramSpec p;
    p.function = f.name;
    p.provider = "test";
    p.targets.push_back({f.name, {}, 0, false, 0, {}});
    artifact.programs.push_back(std::move(p));
  }
  if (!codegen::describe_programs(artifact, error)) {
    std::cerr << error << "\n";
    return 2;
  }
  // Without --check-helpers the kernel verifier itself judges helper calls.
  if (!helpers) {
    for (runtime::ProgramSpec& p : artifact.programs) p.helpers.clear();
  }
  auto loaded = runtime::Session::load(artifact, {});
  if (loaded) {
    std::cout << "loaded: the kernel accepted the program\n";
    return 1;
  }
  const runtime::Error& e = loaded.error();
  if (e.where) {
    std::cout << e.where->file << ":" << e.where->line << ":" << e.where->column << ": ";
    std::ifstream source(e.where->file);
    std::string line;
    for (uint32_t n = 0; n < e.where->line && std::getline(source, line); ++n) {
    }
    std::cout << "error: " << e.message << "\n    " << line << "\n";
  } else {
    std::cout << "error: " << e.message << "\n";
  }
  std::cout << "hint: " << e.hint << "\n";
  return 0;
}
