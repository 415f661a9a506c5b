// The compile cache: artifacts of earlier compilations, reused when nothing
// they depend on has changed, so a repeated one-liner or script skips LLVM
// (about half of start-up; docs/PERFORMANCE.md).
//
// A compilation depends on the stratoshark executable, the running kernel,
// the program's source files, the options that reach the compiler, and every
// answer the compiler got from the host (tracepoint formats, wildcard
// expansions, ELF symbols, kernel BTF). CompileKey collects all of them:
// fingerprint_catalog() wraps the catalog the passes ask, so each question
// and its answer goes into the key. The typed AST goes in too, as a net for
// host facts read outside the catalog (port names from /etc/services are
// folded into the AST by the filter compiler).
//
// Entries live in $STRATOSHARK_CACHE_DIR, else $XDG_CACHE_HOME/stratoshark,
// else ~/.cache/stratoshark: one file per key holding the artifact's metadata
// JSON and its ELF object. Because stratoshark runs as root and loads what it
// finds there into the kernel, the directory and every entry must belong to
// the effective user and be writable by nobody else; otherwise the cache is
// not used. An entry that cannot be read back whole is ignored and replaced.
// An artifact is stored only if it survives the JSON round trip unchanged
// (Artifact::operator==), so a field the JSON form lacks disables caching
// for that program instead of running it wrongly. Errors never stop a run:
// the cache is skipped and the program compiled.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "stratoshark/lang/kernel_catalog.h"
#include "stratoshark/runtime/artifact.h"

namespace stratoshark::cli {

// Everything a compilation depends on, as tagged byte strings; key() hashes
// them (XXH3, 128 bits).
class CompileKey {
 public:
  void add(std::string_view tag, std::string_view bytes);
  void add(std::string_view tag, uint64_t value);
  // Hex digest of everything added so far.
  std::string key() const;

 private:
  std::string data_;
};

// A catalog that answers like `inner` and records every question and answer
// in `key`. `inner` and `key` must outlive it.
std::unique_ptr<lang::KernelCatalog> fingerprint_catalog(lang::KernelCatalog& inner, CompileKey& key);

// Adds what every compilation depends on besides the program: this
// executable (its inode, size and modification time), the version and the
// kernel (uname).
void add_environment(CompileKey& key);

class CompileCache {
 public:
  // The cache directory, created (mode 0700) when missing; nullopt with
  // `why` set when it cannot be used safely.
  static std::optional<CompileCache> open(std::string& why);

  // The artifact stored under `key`, or nullopt (missing, unreadable, not ours).
  std::optional<runtime::Artifact> load(const std::string& key) const;
  // Stores `artifact` under `key`; false with `why` set when it was not stored.
  bool store(const std::string& key, const runtime::Artifact& artifact, std::string& why) const;

  const std::string& directory() const { return dir_; }

 private:
  explicit CompileCache(std::string dir) : dir_(std::move(dir)) {}
  std::string dir_;
};

}  // namespace stratoshark::cli
