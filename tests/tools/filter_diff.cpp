// The tcpdump differential test: for every capture file and every filter
// expression, the packets our compiled program matches (replayed through the
// real loaded program with BPF_PROG_TEST_RUN) must be exactly the packets
// libpcap matches. libpcap's pcap_compile + pcap_offline_filter per packet is
// tcpdump's own answer for `tcpdump -r FILE 'EXPR'`.
//
//   ss_filter_diff --pcaps DIR [--pcaps DIR...] --filters FILE [--only SUBSTRING] [--links NAME,...]
//                  [--probe socket|tc|xdp] [-v]
//   ss_filter_diff --live --filters FILE [--probe socket|tc|xdp]
//
// --probe chooses the program type the filter runs in (socket filter by
// default; tc and xdp read the packet directly instead of through helpers).
// --live compiles each filter as for live capture instead (VLAN tags from
// skb metadata, tc's twin program) and only loads it: every one must pass
// the kernel verifier; prints "N loaded, M refused". --links keeps the
// captures of the link types named (libpcap's names: EN10MB,RAW,...) only.
//
// Scope: captures, pcap or pcapng, that libpcap 1.10 can read, of every link
// type replay reads (protocols::all_link_layers(): Ethernet, Linux cooked v1
// and v2, raw IP, BSD loopback, ...); other files are reported as skipped with
// the reason. Each filter is compiled once per link layer (the link type, and
// for NULL the file's byte order), as `stratoshark capture -r` compiles it for
// the file it reads. Expressions libpcap rejects on every link type are
// listed and skipped. On a link type where libpcap refuses an expression
// (`ether host` on raw IP, `vlan` on Linux cooked, `inbound` on Ethernet
// files) ours must refuse it too, and it is counted as such; one only libpcap's optimizer refuses ("expression rejects
// all packets": tcpdump stops there) is compared with libpcap's unoptimized
// answer, which matches nothing. A (file, filter) pair whose libpcap answer
// changes with its optimizer (pcap_compile with optimize 1 vs 0) is counted
// apart: our rule is libpcap's unoptimized one (a load past the captured bytes
// rejects the packet when evaluation reaches it), reported there but not
// failed. Prints "N passed, N failed" and exits non-zero on any disagreement.
#include <pcap/pcap.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "stratoshark/codegen/codegen.h"
#include "stratoshark/lang/capture_program.h"
#include "stratoshark/lang/passes.h"
#include "stratoshark/pcap/capture_reader.h"
#include "stratoshark/protocols/protocols.h"
#include "stratoshark/runtime/session.h"

namespace fs = std::filesystem;
using namespace stratoshark;

namespace {

using Matches = std::set<uint64_t>;  // 1-based packet positions

struct CaptureFile {
  std::string path;
  std::string name;  // relative to its --pcaps directory
};

// The files of one link layer: one compiled program serves them all.
struct LinkGroup {
  protocols::CaptureLink link;
  std::string name;  // "LINUX_SLL2", "NULL (big-endian)"
  std::vector<CaptureFile> files;
};

// libpcap's answer for every packet of `path`, or why it refused the expression.
struct Libpcap {
  bool compiled = false;
  std::string error;
  Matches matches;
};

Libpcap libpcap(const std::string& path, const std::string& expr, int optimize) {
  Libpcap out;
  char err[PCAP_ERRBUF_SIZE];
  pcap_t* p = pcap_open_offline(path.c_str(), err);
  if (p == nullptr) {
    out.error = err;
    return out;
  }
  bpf_program prog{};
  if (pcap_compile(p, &prog, expr.c_str(), optimize, PCAP_NETMASK_UNKNOWN) != 0) {
    out.error = pcap_geterr(p);
    pcap_close(p);
    return out;
  }
  out.compiled = true;
  pcap_pkthdr* h;
  const u_char* data;
  uint64_t index = 0;
  while (pcap_next_ex(p, &h, &data) == 1) {
    ++index;
    if (pcap_offline_filter(&prog, h, data) != 0) out.matches.insert(index);
  }
  pcap_freecode(&prog);
  pcap_close(p);
  return out;
}

class Collect final : public runtime::EventSink {
 public:
  void text(const std::string&) override {}
  void packet(const runtime::CapturedPacket& p) override { matches.insert(p.index); }
  Matches matches;
};

struct Ours {
  std::string error;     // compile or load problem
  bool refused = false;  // the error is the filter compiler's diagnostic
  std::unique_ptr<runtime::Artifact> artifact;
  std::unique_ptr<runtime::Session> session;
};

// The front end and code generator only (no kernel), so that another thread
// can compile the next filter while this one's programs run.
Ours compile_filter(const std::string& expr, const std::string& attach_point, const protocols::CaptureLink& link,
                    bool replay) {
  Ours out;
  lang::SourceManager sources;
  lang::AstContext ast;
  lang::Diagnostics diags;
  lang::CaptureRequest request;
  request.attach_point = attach_point;
  request.filter = expr;
  request.link_type = link.link_type;
  lang::Program* program = lang::build_capture_program(request, sources, ast, diags);
  lang::SemaResult sema;
  auto catalog = lang::make_host_catalog();
  lang::LanguageOptions language;
  language.link_type = link.link_type;
  bool ok = program != nullptr;
  if (ok) {
    lang::PassContext ctx{*program, ast, *catalog, language, diags, sema};
    ok = lang::default_passes().run(ctx);
  }
  if (!ok) {
    for (const auto& d : diags.items()) out.error += lang::render_text(d, sources);
    if (out.error.empty()) out.error = "did not compile";
    out.refused = true;
    return out;
  }
  codegen::CodegenOptions cg;
  cg.replay = replay;
  cg.link = link;
  cg.snaplen = 64;
  cg.ringbuf_bytes = 1u << 20;
  auto generated = codegen::generate(*program, sema, sources, cg);
  if (!generated.artifact) {
    out.error = generated.error;
    return out;
  }
  out.artifact = std::make_unique<runtime::Artifact>(std::move(*generated.artifact));
  return out;
}

// Loads what compile_filter() produced into the kernel.
void load(Ours& ours) {
  if (!ours.artifact) return;
  auto loaded = runtime::Session::load(*ours.artifact, {});
  if (!loaded) {
    ours.error = loaded.error().message + "\n" + loaded.error().details;
    return;
  }
  ours.session = std::move(loaded.value());
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

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// Sorts the captures under `dirs` into link groups (Ethernet first) and
// the files out of scope into `skipped` (reason -> names).
std::vector<LinkGroup> find_captures(const std::vector<std::string>& dirs,
                                     std::map<std::string, std::vector<std::string>>& skipped) {
  std::vector<LinkGroup> groups;
  for (const std::string& dir : dirs) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".pcap" || ext == ".pcapng")) paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::string name = fs::relative(p, dir).string();
      std::string err;
      auto reader = stratoshark::pcap::CaptureReader::open(p.string(), err);
      if (!reader) {
        skipped["libpcap 1.10 cannot read it"].push_back(name);
        continue;
      }
      stratoshark::pcap::Record record;
      stratoshark::pcap::CaptureReader::Next next;
      while ((next = reader->next(record)) == stratoshark::pcap::CaptureReader::Next::Packet) {
      }
      if (next == stratoshark::pcap::CaptureReader::Next::Error) {
        skipped["libpcap 1.10 stops reading it with an error (" + reader->error().substr(0, 60) + "...)"].push_back(
            name);
        continue;
      }
      const protocols::LinkLayer* layer = protocols::find_link_layer(reader->link_type());
      if (layer == nullptr) {
        skipped["link type " + reader->link_type_name() + " (replay does not read it)"].push_back(name);
        continue;
      }
      protocols::CaptureLink link = protocols::capture_link(reader->link_type(), reader->big_endian());
      auto g = std::find_if(groups.begin(), groups.end(), [&](const LinkGroup& x) { return x.link == link; });
      if (g == groups.end()) {
        std::string group_name(layer->name);
        if (link.big_endian) group_name += " (big-endian)";
        groups.push_back({link, group_name, {}});
        g = groups.end() - 1;
      }
      g->files.push_back({p.string(), name});
    }
  }
  auto ethernet = std::find_if(groups.begin(), groups.end(), [](const LinkGroup& g) {
    return g.link.link_type == protocols::kLinkTypeEthernet;
  });
  if (ethernet != groups.end()) std::rotate(groups.begin(), ethernet, ethernet + 1);
  return groups;
}

struct Tally {
  uint64_t passed = 0, failed = 0;
  uint64_t refused_both = 0;     // (filter, link group) pairs libpcap and ours both refuse
  uint64_t proven_empty = 0;     // (filter, link group) pairs only libpcap's optimizer refuses
  uint64_t optimizer_pairs = 0, optimizer_ours_unopt = 0;
  std::map<std::string, uint64_t> passed_by_link;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> pcaps;
  std::string filters_path, only, links, probe = "socket";
  bool verbose = false, live = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pcaps" && i + 1 < argc) pcaps.push_back(argv[++i]);
    else if (a == "--filters" && i + 1 < argc) filters_path = argv[++i];
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--links" && i + 1 < argc) links = "," + std::string(argv[++i]) + ",";
    else if (a == "--probe" && i + 1 < argc) probe = argv[++i];
    else if (a == "-v") verbose = true;
    else if (a == "--live") live = true;
    else {
      std::fprintf(stderr,
                   "usage: %s --pcaps DIR [--pcaps DIR...] --filters FILE [--only SUBSTRING] [--links NAME,...] "
                   "[--probe socket|tc|xdp] [-v]\n",
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
      Ours ours = compile_filter(expr, attach_point, {}, /*replay=*/false);
      load(ours);
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

  std::map<std::string, std::vector<std::string>> skipped;
  std::vector<LinkGroup> groups = find_captures(pcaps, skipped);
  if (!links.empty()) {
    std::erase_if(groups, [&](const LinkGroup& g) {
      const protocols::LinkLayer* layer = protocols::find_link_layer(g.link.link_type);
      return links.find("," + std::string(layer->name) + ",") == std::string::npos;
    });
  }
  if (groups.empty()) {
    std::fprintf(stderr, "ss_filter_diff: no captures of the link types asked for\n");
    return 2;
  }

  Tally t;
  std::vector<std::string> rejected, optimizer_filters;
  std::vector<std::string> accepted;
  for (const std::string& expr : filters) {
    // Does libpcap accept it on any link type? (The first file of each decides.)
    bool anywhere = std::any_of(groups.begin(), groups.end(), [&](const LinkGroup& g) {
      return libpcap(g.files.front().path, expr, 0).compiled;
    });
    (anywhere ? accepted : rejected).push_back(expr);
  }
  // One program per link group, compiled by two threads (LLVM's time is
  // most of the test's); the next filter's while this one's programs run.
  auto compile_groups = [&](const std::string& expr) {
    std::vector<Ours> programs(groups.size());
    auto half = [&](size_t first) {
      for (size_t i = first; i < groups.size(); i += 2) programs[i] = compile_filter(expr, attach_point, groups[i].link, true);
    };
    auto other = std::async(std::launch::async, half, 1);
    half(0);
    other.get();
    return programs;
  };
  std::future<std::vector<Ours>> next;
  if (!accepted.empty()) next = std::async(std::launch::async, compile_groups, accepted.front());
  std::atomic<bool> stop{false};
  for (size_t i = 0; i < accepted.size(); ++i) {
    const std::string& expr = accepted[i];
    std::vector<Ours> programs = next.get();
    if (i + 1 < accepted.size()) next = std::async(std::launch::async, compile_groups, accepted[i + 1]);
    bool optimizer_dependent = false;
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const LinkGroup& g = groups[gi];
      const std::string& first = g.files.front().path;
      Libpcap unoptimized = libpcap(first, expr, 0);
      Ours& ours = programs[gi];
      load(ours);
      if (!unoptimized.compiled) {
        // libpcap refuses the expression on this link type: so must we.
        if (ours.refused) {
          ++t.refused_both;
          if (verbose) {
            std::printf("REFUSED %s | %s: libpcap: %s; ours: %s\n", g.name.c_str(), expr.c_str(),
                        unoptimized.error.c_str(), first_line(ours.error).c_str());
          }
        } else {
          ++t.failed;
          std::printf("FAIL %s | %s: libpcap refuses it (%s), ours %s\n", g.name.c_str(), expr.c_str(),
                      unoptimized.error.c_str(), ours.error.empty() ? "accepts it" : ours.error.c_str());
        }
        continue;
      }
      bool proven_empty = !libpcap(first, expr, 1).compiled;
      if (proven_empty) ++t.proven_empty;
      for (const CaptureFile& f : g.files) {
        Libpcap want = libpcap(f.path, expr, proven_empty ? 0 : 1);
        Libpcap unopt = proven_empty ? want : libpcap(f.path, expr, 0);
        if (!want.compiled) continue;
        Matches got;
        std::string problem = ours.error;
        if (problem.empty()) {
          Collect sink;
          auto r = ours.session->replay(f.path, sink, stop);
          if (!r) problem = r.error().message;
          got = std::move(sink.matches);
        }
        if (unopt.compiled && unopt.matches != want.matches) {
          optimizer_dependent = true;
          ++t.optimizer_pairs;
          if (problem.empty() && got == unopt.matches) ++t.optimizer_ours_unopt;
          std::printf("OPTIMIZER %s | %s: optimized %s, unoptimized %s, ours %s\n", f.name.c_str(), expr.c_str(),
                      list(want.matches).c_str(), list(unopt.matches).c_str(), list(got).c_str());
          continue;
        }
        if (problem.empty() && got == want.matches) {
          ++t.passed;
          ++t.passed_by_link[g.name];
          if (verbose) std::printf("PASS %s | %s: %s\n", f.name.c_str(), expr.c_str(), list(got).c_str());
          continue;
        }
        ++t.failed;
        if (!problem.empty()) {
          std::printf("FAIL %s | %s: ours failed: %s\n", f.name.c_str(), expr.c_str(), problem.c_str());
          break;  // the same problem for every file
        }
        std::printf("FAIL %s | %s: tcpdump %s, ours %s\n", f.name.c_str(), expr.c_str(), list(want.matches).c_str(),
                    list(got).c_str());
      }
    }
    if (optimizer_dependent) optimizer_filters.push_back(expr);
  }

  std::printf("\nprobe: %s\n", attach_point.c_str());
  size_t files = 0;
  std::string by_link;
  for (const LinkGroup& g : groups) {
    files += g.files.size();
    by_link += (by_link.empty() ? "" : ", ") + g.name + " " + std::to_string(g.files.size());
  }
  std::printf("captures: %zu files replayed (%s)\n", files, by_link.c_str());
  for (const auto& [reason, names] : skipped) {
    std::printf("skipped %zu: %s:", names.size(), reason.c_str());
    for (const auto& n : names) std::printf(" %s", n.c_str());
    std::printf("\n");
  }
  std::printf("filters: %zu accepted by libpcap, %zu rejected by it (skipped):", accepted.size(), rejected.size());
  for (const auto& r : rejected) std::printf(" [%s]", r.c_str());
  std::printf("\n");
  std::printf("refused on a link type by libpcap and by ours: %llu (filter, link type) pairs\n",
              static_cast<unsigned long long>(t.refused_both));
  std::printf("proven empty by libpcap's optimizer on a link type (tcpdump: \"expression rejects all packets\"): "
              "%llu (filter, link type) pairs, compared with its unoptimized answer\n",
              static_cast<unsigned long long>(t.proven_empty));
  std::printf("optimizer-dependent (kept apart): %llu pairs in %zu filters, ours equal to libpcap unoptimized in %llu\n",
              static_cast<unsigned long long>(t.optimizer_pairs), optimizer_filters.size(),
              static_cast<unsigned long long>(t.optimizer_ours_unopt));
  std::string passed_by;
  for (const LinkGroup& g : groups) {
    passed_by += (passed_by.empty() ? "" : ", ") + g.name + " " + std::to_string(t.passed_by_link[g.name]);
  }
  std::printf("passed by link type: %s\n", passed_by.c_str());
  std::printf("%llu passed, %llu failed\n", static_cast<unsigned long long>(t.passed),
              static_cast<unsigned long long>(t.failed));
  return t.failed == 0 ? 0 : 1;
}
