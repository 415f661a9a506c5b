// The tcpdump differential test: for every capture file and every filter
// expression, the packets our compiled program matches (replayed through the
// real loaded program with BPF_PROG_TEST_RUN) must be exactly the packets
// libpcap matches. libpcap's pcap_compile + pcap_offline_filter per packet is
// tcpdump's own answer for `tcpdump -r FILE 'EXPR'`.
//
//   ss_filter_diff --pcaps DIR --filters FILE [--only SUBSTRING] [--probe socket|tc|xdp] [-v]
//   ss_filter_diff --live --filters FILE [--probe socket|tc|xdp]
//
// --probe chooses the program type the filter runs in (socket filter by
// default; tc and xdp read the packet directly instead of through helpers).
// --live compiles each filter as for live capture instead (VLAN tags from
// skb metadata, tc's twin program) and only loads it: every one must pass
// the kernel verifier; prints "N loaded, M refused".
//
// Scope: Ethernet (EN10MB) captures, pcap or pcapng, that libpcap 1.10 can
// read; other files are reported as skipped with the reason. Expressions
// libpcap rejects are listed and skipped. A (file, filter) pair whose libpcap
// answer changes with its optimizer (pcap_compile with optimize 1 vs 0) is
// counted apart: our rule is libpcap's unoptimized one (a load past the
// captured bytes rejects the packet when evaluation reaches it), reported
// there but not failed. Prints "N passed, N failed" and exits non-zero on any
// disagreement.
#include <pcap/pcap.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "stratoshark/codegen/codegen.h"
#include "stratoshark/lang/capture_program.h"
#include "stratoshark/lang/passes.h"
#include "stratoshark/runtime/session.h"

namespace fs = std::filesystem;
using namespace stratoshark;

namespace {

using Matches = std::set<uint64_t>;  // 1-based packet positions

struct CaptureFile {
  std::string path;
  std::string name;  // relative to --pcaps
};

// libpcap's answer for every packet of `path`; nullopt when it rejects the expression.
std::optional<Matches> libpcap_matches(const std::string& path, const std::string& expr, int optimize) {
  char err[PCAP_ERRBUF_SIZE];
  pcap_t* p = pcap_open_offline(path.c_str(), err);
  if (p == nullptr) return std::nullopt;
  bpf_program prog{};
  if (pcap_compile(p, &prog, expr.c_str(), optimize, PCAP_NETMASK_UNKNOWN) != 0) {
    pcap_close(p);
    return std::nullopt;
  }
  Matches m;
  pcap_pkthdr* h;
  const u_char* data;
  uint64_t index = 0;
  while (pcap_next_ex(p, &h, &data) == 1) {
    ++index;
    if (pcap_offline_filter(&prog, h, data) != 0) m.insert(index);
  }
  pcap_freecode(&prog);
  pcap_close(p);
  return m;
}

class Collect final : public runtime::EventSink {
 public:
  void text(const std::string&) override {}
  void packet(const runtime::CapturedPacket& p) override { matches.insert(p.index); }
  Matches matches;
};

struct Ours {
  std::string error;  // compile or load problem
  std::unique_ptr<runtime::Artifact> artifact;
  std::unique_ptr<runtime::Session> session;
};

Ours compile_filter(const std::string& expr, const std::string& attach_point, bool replay = true) {
  Ours out;
  lang::SourceManager sources;
  lang::AstContext ast;
  lang::Diagnostics diags;
  lang::CaptureRequest request;
  request.attach_point = attach_point;
  request.filter = expr;
  lang::Program* program = lang::build_capture_program(request, sources, ast, diags);
  lang::SemaResult sema;
  auto catalog = lang::make_host_catalog();
  lang::LanguageOptions language;
  bool ok = program != nullptr;
  if (ok) {
    lang::PassContext ctx{*program, ast, *catalog, language, diags, sema};
    ok = lang::default_passes().run(ctx);
  }
  if (!ok) {
    for (const auto& d : diags.items()) out.error += lang::render_text(d, sources);
    if (out.error.empty()) out.error = "did not compile";
    return out;
  }
  codegen::CodegenOptions cg;
  cg.replay = replay;
  cg.snaplen = 64;
  cg.ringbuf_bytes = 1u << 20;
  auto generated = codegen::generate(*program, sema, sources, cg);
  if (!generated.artifact) {
    out.error = generated.error;
    return out;
  }
  out.artifact = std::make_unique<runtime::Artifact>(std::move(*generated.artifact));
  auto loaded = runtime::Session::load(*out.artifact, {});
  if (!loaded) {
    out.error = loaded.error().message + "\n" + loaded.error().details;
    return out;
  }
  out.session = std::move(loaded.value());
  return out;
}

std::string list(const Matches& m) {
  std::string s;
  size_t shown = 0;
  for (uint64_t i : m) {
    if (shown++ == 12) {
      s += " ...";
      break;
    }
    s += (s.empty() ? "" : ",") + std::to_string(i);
  }
  return "{" + s + "} (" + std::to_string(m.size()) + ")";
}

}  // namespace

int main(int argc, char** argv) {
  std::string pcaps, filters_path, only, probe = "socket";
  bool verbose = false, live = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pcaps" && i + 1 < argc) pcaps = argv[++i];
    else if (a == "--filters" && i + 1 < argc) filters_path = argv[++i];
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--probe" && i + 1 < argc) probe = argv[++i];
    else if (a == "-v") verbose = true;
    else if (a == "--live") live = true;
    else {
      std::fprintf(stderr, "usage: %s --pcaps DIR --filters FILE [--only SUBSTRING] [--probe socket|tc|xdp] [-v]\n",
                   argv[0]);
      return 2;
    }
  }
  // Any interface name does: replay runs the programs without attaching them.
  std::string attach_point = probe == "tc" ? "tc:lo:ingress" : probe == "xdp" ? "xdp:lo" : "socket:any";
  std::ifstream in(filters_path);
  if ((pcaps.empty() && !live) || !in) {
    std::fprintf(stderr, "ss_filter_diff: cannot read the filters file '%s' or no --pcaps\n", filters_path.c_str());
    return 2;
  }
  std::vector<std::string> filters;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!only.empty() && line.find(only) == std::string::npos) continue;
    filters.push_back(line);
  }

  if (live) {
    uint64_t loaded = 0, refused = 0;
    for (const std::string& expr : filters) {
      Ours ours = compile_filter(expr, attach_point, /*replay=*/false);
      if (ours.error.empty()) {
        ++loaded;
        continue;
      }
      ++refused;
      std::printf("REFUSED %s: %s\n", expr.c_str(), ours.error.substr(0, 300).c_str());
    }
    std::printf("probe: %s (live)\n%llu loaded, %llu refused\n", attach_point.c_str(),
                static_cast<unsigned long long>(loaded), static_cast<unsigned long long>(refused));
    return refused == 0 ? 0 : 1;
  }

  // Captures in scope.
  std::vector<CaptureFile> files;
  std::map<std::string, std::vector<std::string>> skipped;  // reason -> files
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(pcaps)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".pcap" || ext == ".pcapng")) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::string name = fs::relative(p, pcaps).string();
    char err[PCAP_ERRBUF_SIZE];
    pcap_t* h = pcap_open_offline(p.c_str(), err);
    if (h == nullptr) {
      skipped["libpcap 1.10 cannot read it"].push_back(name);
      continue;
    }
    int link = pcap_datalink(h);
    pcap_pkthdr* ph;
    const u_char* pd;
    int rc;
    while ((rc = pcap_next_ex(h, &ph, &pd)) == 1) {
    }
    std::string read_error = rc == PCAP_ERROR ? pcap_geterr(h) : "";
    pcap_close(h);
    if (!read_error.empty()) {
      skipped["libpcap 1.10 stops reading it with an error (" + read_error.substr(0, 60) + "...)"].push_back(name);
      continue;
    }
    if (link != DLT_EN10MB) {
      const char* ln = pcap_datalink_val_to_name(link);
      skipped[std::string("link type ") + (ln ? ln : "?") + " (only Ethernet captures are replayed)"].push_back(name);
      continue;
    }
    files.push_back({p.string(), name});
  }

  uint64_t passed = 0, failed = 0, optimizer_pairs = 0, optimizer_ours_unopt = 0;
  std::vector<std::string> rejected, optimizer_filters;
  size_t accepted = 0;
  std::atomic<bool> stop{false};
  for (const std::string& expr : filters) {
    // Does libpcap accept it at all? (Compiling against the first file decides.)
    if (files.empty() || !libpcap_matches(files.front().path, expr, 1)) {
      rejected.push_back(expr);
      continue;
    }
    ++accepted;
    Ours ours = compile_filter(expr, attach_point);
    bool optimizer_dependent = false;
    for (const CaptureFile& f : files) {
      auto want = libpcap_matches(f.path, expr, 1);
      auto unopt = libpcap_matches(f.path, expr, 0);
      if (!want) continue;
      Matches got;
      std::string problem = ours.error;
      if (problem.empty()) {
        Collect sink;
        auto r = ours.session->replay(f.path, sink, stop);
        if (!r) problem = r.error().message;
        got = std::move(sink.matches);
      }
      if (unopt && *unopt != *want) {
        optimizer_dependent = true;
        ++optimizer_pairs;
        if (problem.empty() && got == *unopt) ++optimizer_ours_unopt;
        std::printf("OPTIMIZER %s | %s: optimized %s, unoptimized %s, ours %s\n", f.name.c_str(), expr.c_str(),
                    list(*want).c_str(), list(*unopt).c_str(), list(got).c_str());
        continue;
      }
      if (problem.empty() && got == *want) {
        ++passed;
        if (verbose) std::printf("PASS %s | %s: %s\n", f.name.c_str(), expr.c_str(), list(got).c_str());
        continue;
      }
      ++failed;
      if (!problem.empty()) {
        std::printf("FAIL %s | %s: ours failed: %s\n", f.name.c_str(), expr.c_str(), problem.c_str());
        break;  // the same problem for every file
      }
      std::printf("FAIL %s | %s: tcpdump %s, ours %s\n", f.name.c_str(), expr.c_str(), list(*want).c_str(),
                  list(got).c_str());
    }
    if (optimizer_dependent) optimizer_filters.push_back(expr);
  }

  std::printf("\nprobe: %s\n", attach_point.c_str());
  std::printf("captures: %zu Ethernet files replayed\n", files.size());
  for (const auto& [reason, names] : skipped) {
    std::printf("skipped %zu: %s:", names.size(), reason.c_str());
    for (const auto& n : names) std::printf(" %s", n.c_str());
    std::printf("\n");
  }
  std::printf("filters: %zu accepted by libpcap, %zu rejected by it (skipped):", accepted, rejected.size());
  for (const auto& r : rejected) std::printf(" [%s]", r.c_str());
  std::printf("\n");
  std::printf("optimizer-dependent (kept apart): %llu pairs in %zu filters, ours equal to libpcap unoptimized in %llu\n",
              static_cast<unsigned long long>(optimizer_pairs), optimizer_filters.size(),
              static_cast<unsigned long long>(optimizer_ours_unopt));
  std::printf("%llu passed, %llu failed\n", static_cast<unsigned long long>(passed),
              static_cast<unsigned long long>(failed));
  return failed == 0 ? 0 : 1;
}
