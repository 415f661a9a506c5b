#include "explain.h"

#include <regex>
#include <sstream>
#include <vector>

namespace stratoshark::runtime {

namespace {

struct Known {
  const char* pattern;  // ECMAScript regex, searched in the verifier's reason
  const char* explanation;
  const char* fix;
};

// The messages users meet most, first match wins (more specific first).
const std::vector<Known>& known_messages() {
  static const std::vector<Known> table = {
      {"BPF program is too large|processed \\d+ insn.*limit",
       "the program is too complex: the verifier walked more than 1,000,000 instructions through its branches and "
       "loops before finishing",
       "reduce the branching or the loop bounds, or split the work across several probes"},
      {"program too large|too many instructions",
       "the program has more instructions than the kernel accepts",
       "split the work across several probes"},
      {"back-edge|infinite loop|unbounded loop|loop detected",
       "the program loops and the verifier cannot prove that the loop ends",
       "give the loop a constant bound (unroll(N), or a for loop over a constant range)"},
      {"combined stack size|stack limit|invalid (write|read) to stack .*off=-5[1-9][0-9]|stack depth",
       "the program needs more than the 512 bytes of stack the kernel allows",
       "keep large values in maps; stratoshark does this itself for its own values, so report this as a bug"},
      {"map_value_or_null|_or_null'|Possibly NULL pointer",
       "a pointer that may be NULL (a map lookup that may find nothing) is used without checking it",
       "check the pointer against NULL before using it"},
      {"invalid mem access 'scalar'|invalid mem access 'inv'|invalid mem access",
       "the program reads or writes through a value the verifier does not know to be a valid pointer (an integer, "
       "or memory it may not touch directly)",
       "read kernel memory through a helper (str(), bpf_probe_read_kernel) rather than dereferencing it"},
      {"invalid access to map value|value is outside of the allowed memory range|min value is negative|"
       "unbounded memory access",
       "an access to a map value may fall outside the value (the offset is not bounded)",
       "bound the index or offset with a comparison before the access"},
      {"invalid access to packet|invalid packet access|outside of the packet",
       "a packet access is not preceded by a check that the packet is that long",
       "compare data + offset + size against data_end before reading"},
      {"Unreleased reference|reference has not been released|reference leak",
       "a reference the program acquired (a ring buffer reservation, a socket) is not released on every path",
       "submit or discard the reservation (release the reference) on every path, including error paths"},
      {"misaligned", "an access is not aligned to its size",
       "read and write at offsets that are a multiple of the access size"},
      {"R0 !read_ok", "the program ends without setting its return value (register R0)",
       "return a value on every path"},
      {"R\\d+ !read_ok", "an instruction reads a register that holds no value on some path",
       "initialise the value on every path before using it"},
      {"invalid indirect read from stack|invalid read from stack",
       "memory on the stack is passed to a helper or read before it was written",
       "initialise the buffer (e.g. zero it) before handing it to a helper"},
      {"unknown func|cannot call|program of this type cannot use helper|helper call is not allowed",
       "the program calls a kernel helper that this program type may not use (or this kernel lacks)",
       "use the probe type that offers this function, or drop the call"},
      {"dereference of modified ctx ptr|modified ctx ptr",
       "the program reads its context through an adjusted pointer, which the kernel forbids",
       "read context fields at fixed offsets, or copy through a helper"},
      {"invalid bpf_context access|invalid ctx access",
       "the program reads its context (the probe's arguments record) at an offset or size it may not",
       "read only the fields the probe type defines, with their own size"},
      {"pointer arithmetic .* prohibited|math between .* pointer and register with unbounded",
       "pointer arithmetic the verifier cannot bound", "bound the offset with a comparison first"},
      {"cannot write into|write into map forbidden|is read-only",
       "the program writes to memory that is read-only for it", "copy the data to a writable buffer first"},
      {"type=.* expected=|arg#\\d+ expected|R\\d+ type=",
       "a helper is called with an argument of the wrong kind (e.g. a number where it needs a pointer to memory)",
       "pass the kind of value the helper expects"},
      {"jump out of range|invalid insn|unreachable insn|last insn is not an exit or jmp",
       "the program's instructions are malformed", "this is a code generation bug; please report it"},
  };
  return table;
}

bool is_instruction_line(const std::string& line, uint32_t& index) {
  size_t colon = line.find(": (");
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    if (line[i] < '0' || line[i] > '9') return false;
  }
  index = static_cast<uint32_t>(std::stoul(line.substr(0, colon)));
  return true;
}

bool is_statistics_line(const std::string& line) {
  return line.rfind("processed ", 0) == 0 || line.rfind("verification time", 0) == 0 ||
         line.rfind("stack depth", 0) == 0 || line.rfind("-- ", 0) == 0 || line.rfind("mark_precise", 0) == 0;
}

}  // namespace

VerifierReport explain_verifier_log(const std::string& log, const ProgramSpec& program) {
  VerifierReport report;
  std::istringstream in(log);
  std::string line;
  std::string too_large;
  while (std::getline(in, line)) {
    uint32_t index;
    if (is_instruction_line(line, index)) {
      report.insn = index;
      continue;
    }
    if (line.rfind("BPF program is too large", 0) == 0) too_large = line;
    if (line.empty() || line[0] == ';' || is_statistics_line(line)) continue;
    // Register-state dumps ("5: R1=ctx() ...") start with a number too.
    if (!line.empty() && line[0] >= '0' && line[0] <= '9' && line.find(": R") != std::string::npos) continue;
    report.reason = line;
  }
  if (!too_large.empty()) report.reason = too_large;
  for (const Known& k : known_messages()) {
    if (std::regex_search(report.reason, std::regex(k.pattern))) {
      report.explanation = k.explanation;
      report.fix = k.fix;
      break;
    }
  }
  if (report.insn) {
    for (const LineInfo& l : program.lines) {
      if (l.insn > *report.insn) break;
      report.where = l.position;
    }
  }
  return report;
}

}  // namespace stratoshark::runtime
