// Start-up: map the executable's code in one system call, before the static
// constructors run, instead of one page fault per 64 KiB window the first
// time each part of LLVM's code runs. docs/PERFORMANCE.md#start-up has the
// measurement; on kernels before 5.14 (no MADV_POPULATE_READ) the call fails
// and nothing changes.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

extern "C" const char __executable_start;  // set by the linker
extern "C" const char etext;

namespace {

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

__attribute__((constructor(101))) void map_code_now() {
  auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  auto start = reinterpret_cast<uintptr_t>(&__executable_start) & ~(page - 1);
  auto end = reinterpret_cast<uintptr_t>(&etext);
  ::madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_READ);
}

}  // namespace
