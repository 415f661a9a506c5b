#include "stratoshark/runtime/session.h"

#include <linux/capability.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "event_reader.h"
#include "probes/attacher.h"
#include "verifier/explain.h"
#include "verifier/helpers.h"

namespace stratoshark::runtime {

namespace {

// libbpf reports through one process-wide callback; collect its text so
// errors can carry it (and -v can show it) instead of it going to stderr.
std::mutex log_mutex;
std::string libbpf_messages;

int collect_libbpf_output(enum libbpf_print_level level, const char* format, va_list args) {
  if (level == LIBBPF_DEBUG) return 0;
  char buffer[4096];
  int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  std::lock_guard<std::mutex> lock(log_mutex);
  libbpf_messages.append(buffer, n < 0 ? 0 : std::min<size_t>(static_cast<size_t>(n), sizeof buffer - 1));
  return n;
}

constexpr size_t kVerifierLogSize = 1 << 20;
constexpr int kStopConsuming = EventReader::kStop;

// Whether this process may load BPF programs (CAP_BPF or CAP_SYS_ADMIN effective).
bool has_bpf_privileges() { return has_capability(CAP_SYS_ADMIN) || has_capability(39 /* CAP_BPF */); }

// Detaching the last BPF user of a tracepoint waits for RCU grace periods
// (~70 ms here), one link after another. Grace periods overlap across
// threads, so many links detach in about the time of one.
void destroy_links(std::vector<bpf_link*>& links) {
  constexpr size_t kMaxThreads = 64;
  if (links.size() < 2) {
    for (bpf_link* link : links) bpf_link__destroy(link);
    links.clear();
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < links.size();) bpf_link__destroy(links[i]);
  };
  std::vector<std::thread> threads;
  size_t count = std::min(links.size(), kMaxThreads);
  for (size_t t = 1; t < count; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  links.clear();
}

// Kernel timestamps are CLOCK_MONOTONIC; packets are shown in wall-clock time.
uint64_t monotonic_to_realtime(uint64_t monotonic_ns) {
  timespec mono{}, real{};
  clock_gettime(CLOCK_MONOTONIC, &mono);
  clock_gettime(CLOCK_REALTIME, &real);
  int64_t offset = (static_cast<int64_t>(real.tv_sec) - mono.tv_sec) * 1'000'000'000LL + (real.tv_nsec - mono.tv_nsec);
  return static_cast<uint64_t>(static_cast<int64_t>(monotonic_ns) + offset);
}

}  // namespace

Status ensure_tracefs() {
  struct stat st {};
  if (::stat("/sys/kernel/tracing/events", &st) == 0) return {};
  if (::stat("/sys/kernel/debug/tracing/events", &st) == 0) return {};
  if (::mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, nullptr) == 0) return {};
  int err = errno;
  return Error{err == EPERM ? ErrorKind::Permission : ErrorKind::Environment,
               fmt::format("tracefs is not mounted and mounting it failed: {}", std::strerror(err)),
               err == EPERM ? permission_hint() : "mount it with: mount -t tracefs tracefs /sys/kernel/tracing",
               std::nullopt,
               {}};
}

Session::Session(const Artifact& artifact, const RuntimeOptions& options)
    : artifact_(artifact), options_(options), attachments_(std::make_unique<Attachments>()) {}

// Links first (in parallel), then sockets, tcx links and tc filters, newest first.
static void release(Attachments& a) {
  destroy_links(a.links);
  while (!a.owned.empty()) a.owned.pop_back();
}

Session::~Session() {
  release(*attachments_);
  events_.reset();
  if (object_ != nullptr) bpf_object__close(object_);
}

const std::string& Session::libbpf_log() const { return libbpf_messages; }

size_t Session::program_count() const {
  size_t n = 0;
  bpf_program* prog = nullptr;
  bpf_object__for_each_program(prog, object_) ++n;
  return n;
}

Result<std::unique_ptr<Session>> Session::load(const Artifact& artifact, const RuntimeOptions& options) {
  libbpf_set_print(collect_libbpf_output);
  {
    std::lock_guard<std::mutex> lock(log_mutex);
    libbpf_messages.clear();
  }
  std::unique_ptr<Session> session(new Session(artifact, options));
  // Uninitialised on purpose: the kernel writes it only when a load fails.
  session->verifier_log_.reset(new char[kVerifierLogSize]);
  session->verifier_log_[0] = '\0';
  LIBBPF_OPTS(bpf_object_open_opts, open_opts, .object_name = "stratoshark",
              .kernel_log_buf = session->verifier_log_.get(), .kernel_log_size = kVerifierLogSize);
  bpf_object* object = bpf_object__open_mem(artifact.elf.data(), artifact.elf.size(), &open_opts);
  if (object == nullptr) {
    int err = -errno;
    return Error{ErrorKind::Internal, fmt::format("libbpf cannot open the generated object: {}", errno_text(err)),
                 "this is a bug in stratoshark; please report it with the program", std::nullopt, libbpf_messages};
  }
  session->object_ = object;
  if (options.numa_node >= 0) {
    // BPF_F_NUMA_NODE, or the kernel ignores the node. Per-CPU maps already
    // keep each CPU's values near it and refuse a node.
    bpf_map* map = nullptr;
    bpf_object__for_each_map(map, object) {
      bpf_map_type type = bpf_map__type(map);
      if (type == BPF_MAP_TYPE_PERCPU_ARRAY || type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_LRU_PERCPU_HASH) {
        continue;
      }
      bpf_map__set_map_flags(map, bpf_map__map_flags(map) | BPF_F_NUMA_NODE);
      bpf_map__set_numa_node(map, static_cast<uint32_t>(options.numa_node));
    }
  }
  if (artifact.event_mode == EventMode::PerfBuffer) {
    // One perf buffer per possible CPU.
    if (bpf_map* events = bpf_object__find_map_by_name(object, artifact.events_map.c_str())) {
      bpf_map__set_max_entries(events, static_cast<uint32_t>(possible_cpus()));
    }
  }
  if (!artifact.packet_map.empty()) {
    // One staging record per possible CPU (capture() indexes it by CPU id).
    if (bpf_map* staging = bpf_object__find_map_by_name(object, artifact.packet_map.c_str())) {
      int cpus = libbpf_num_possible_cpus();
      bpf_map__set_max_entries(staging, static_cast<uint32_t>(cpus > 0 ? cpus : 1));
    }
  }
  if (Status helpers = check_helpers(object, artifact); !helpers) return helpers.error();
  int err = bpf_object__load(object);
  if (err != 0) {
    std::string log(session->verifier_log_.get());
    // Which probe's program failed: libbpf names it in its message.
    const ProgramSpec* failed = nullptr;
    for (const ProgramSpec& p : artifact.programs) {
      if (libbpf_messages.find("prog '" + p.function + "'") != std::string::npos) {
        failed = &p;
        break;
      }
    }
    std::optional<SourcePosition> where;
    std::string probe = "a probe";
    if (failed != nullptr && !failed->targets.empty()) {
      probe = failed->targets.front().name;
      where = failed->targets.front().position;
    }
    // fentry/fexit are refused at load where the kernel has no BPF
    // trampolines (EPERM here, ENOTSUPP or EINVAL elsewhere); with the
    // privileges to load BPF, that is the kernel, not the user.
    if (failed != nullptr && (failed->provider == "fentry" || failed->provider == "fexit") &&
        (err != -EPERM || has_bpf_privileges())) {
      Error e = trampoline_error(*failed, err);
      e.details = log.empty() ? libbpf_messages : log;
      return e;
    }
    if (err == -EPERM) {
      return Error{ErrorKind::Permission, "Failed to load eBPF program: Operation not permitted", permission_hint(),
                   std::nullopt, libbpf_messages};
    }
    if (!log.empty()) {
      ProgramSpec none;
      VerifierReport report = explain_verifier_log(log, failed != nullptr ? *failed : none);
      if (report.where) where = report.where;
      std::string message = fmt::format("the kernel verifier rejected the program of {}", probe);
      message += report.explanation.empty() ? ": " + report.reason
                                            : ": " + report.explanation + " (verifier: " + report.reason + ")";
      std::string hint = report.fix.empty() ? "run with -v to see the verifier's log"
                                            : report.fix + "; -v shows the verifier's log";
      return Error{ErrorKind::Verifier, message, hint, where, log};
    }
    return Error{ErrorKind::Environment, fmt::format("the kernel refused the BPF object: {}", errno_text(err)),
                 err == -ENOMEM ? "raise the locked-memory limit (ulimit -l) or the map sizes" : "run with -v for details",
                 where, libbpf_messages};
  }
  bpf_map* events = bpf_object__find_map_by_name(object, artifact.events_map.c_str());
  if (events == nullptr) {
    return Error{ErrorKind::Internal, "the object has no event ring buffer", "this is a bug in stratoshark",
                 std::nullopt, {}};
  }
  if (!artifact.start_map.empty()) {
    // `elapsed` counts from here: the programs are loaded, nothing has run yet.
    if (bpf_map* start = bpf_object__find_map_by_name(object, artifact.start_map.c_str())) {
      timespec now{};
      clock_gettime(CLOCK_MONOTONIC, &now);
      uint64_t ns = static_cast<uint64_t>(now.tv_sec) * 1000000000ull + static_cast<uint64_t>(now.tv_nsec);
      uint32_t key = 0;
      bpf_map_update_elem(bpf_map__fd(start), &key, &ns, BPF_ANY);
    }
  }
  session->set_program_constants();
  auto reader = EventReader::open(bpf_map__fd(events), artifact.event_mode, artifact.events_size, &Session::on_event,
                                  session.get());
  if (!reader) return reader.error();
  session->events_ = std::move(*reader);
  return session;
}

Status Session::preflight() {
  for (const ProgramSpec& p : artifact_.programs) {
    if (const Attacher* a = find_attacher(p.provider)) {
      Status s = a->preflight(p);
      if (!s) return s;
    }
  }
  return {};
}

Status Session::run_once(const std::string& provider, EventSink& sink) {
  for (const ProgramSpec& p : artifact_.programs) {
    if (p.provider != provider) continue;
    bpf_program* prog = bpf_object__find_program_by_name(object_, p.function.c_str());
    if (prog == nullptr) {
      return Error{ErrorKind::Internal, fmt::format("program {} is missing from the object", p.function), "",
                   std::nullopt, {}};
    }
    LIBBPF_OPTS(bpf_test_run_opts, run);
    int err = bpf_prog_test_run_opts(bpf_program__fd(prog), &run);
    if (err != 0) {
      return Error{ErrorKind::Environment, fmt::format("cannot run {}: {}", provider, errno_text(-errno)),
                   "BEGIN and END run through BPF_PROG_TEST_RUN, which needs Linux 5.10 or later", std::nullopt, {}};
    }
    consume(&sink);
    if (exit_requested_) break;
  }
  return {};
}

Status Session::run_begin(EventSink& sink) { return run_once("BEGIN", sink); }

Status Session::run_end(EventSink& sink) {
  // END runs even after exit(); an exit() inside END sets the final code.
  bool was = exit_requested_;
  int code = exit_code_;
  exit_requested_ = false;
  Status s = run_once("END", sink);
  if (!exit_requested_) {
    exit_requested_ = was;
    exit_code_ = code;
  }
  return s;
}

Result<size_t> Session::attach() {
  for (const ProgramSpec& p : artifact_.programs) {
    const Attacher* a = find_attacher(p.provider);
    if (a == nullptr) continue;  // BEGIN / END
    bpf_program* prog = bpf_object__find_program_by_name(object_, p.function.c_str());
    if (prog == nullptr) {
      return Error{ErrorKind::Internal, fmt::format("program {} is missing from the object", p.function), "",
                   std::nullopt, {}};
    }
    AttachContext scope;
    scope.pid = options_.pid;
    scope.tc_clsact = options_.tc_clsact;
    Status s = a->attach_scoped(prog, p, scope, *attachments_);
    if (!s) {
      Error e = s.error();
      e.details = libbpf_messages;
      return e;
    }
  }
  return attachments_->links.size() + attachments_->owned.size();
}

const std::vector<std::string>& Session::attach_notes() const { return attachments_->notes; }

int Session::on_event(void* ctx, void* data, size_t size) {
  auto* self = static_cast<Session*>(ctx);
  if (size < sizeof(EventHeader)) return 0;
  EventHeader header;
  std::memcpy(&header, data, sizeof header);
  std::span<const uint8_t> bytes(static_cast<const uint8_t*>(data), size);
  switch (static_cast<EventType>(header.type)) {
    case EventType::Printf:
      if (self->sink_ != nullptr && header.id < self->artifact_.printfs.size()) {
        self->sink_->text(format_printf(self->artifact_.printfs[header.id], bytes, self->decoding()));
      }
      return 0;
    case EventType::System:
      // --unsafe system(): run the command and wait, its output going where
      // ours goes (stdout); flushed first so the order is kept.
      if (header.id < self->artifact_.printfs.size()) {
        std::string command = format_printf(self->artifact_.printfs[header.id], bytes, self->artifact_.probe_names);
        if (!command.empty() && command.back() == '\n') command.pop_back();
        std::fflush(stdout);
        int rc = std::system(command.c_str());
        (void)rc;  // the command's own output says how it went, as in bpftrace
      }
      return 0;
    case EventType::Packet: {
      PacketEventHeader ph;
      if (size < sizeof(EventHeader) + sizeof ph) return 0;
      std::memcpy(&ph, bytes.data() + sizeof(EventHeader), sizeof ph);
      size_t available = size - sizeof(EventHeader) - sizeof ph;
      CapturedPacket packet;
      packet.probe_id = header.id;
      packet.wire_len = ph.wire_len;
      packet.ifindex = ph.ifindex;
      packet.data = bytes.subspan(sizeof(EventHeader) + sizeof ph, std::min<size_t>(available, ph.cap_len));
      if (self->replaying_) {
        packet.timestamp_ns = self->replay_timestamp_ns_;
        packet.index = self->replay_index_;
      } else {
        packet.timestamp_ns = monotonic_to_realtime(ph.timestamp_ns);
      }
      ++self->captured_;
      if (self->sink_ != nullptr) self->sink_->packet(packet);
      return 0;
    }
    case EventType::PrintMap:
    case EventType::ClearMap:
    case EventType::ZeroMap:
      if (header.id < self->artifact_.maps.size()) self->map_event(header, bytes);
      return 0;
    case EventType::PrintValue:
      if (self->sink_ != nullptr && header.id < self->artifact_.print_values.size()) {
        self->sink_->value(decode(bytes, self->artifact_.print_values[header.id], self->decoding()));
      }
      return 0;
    case EventType::Time:
    case EventType::Cat:
    case EventType::Join:
    case EventType::Warning:
      self->language_event(header, bytes);
      return 0;
    case EventType::Exit:
      if (!self->exit_requested_) {
        self->exit_requested_ = true;
        self->exit_code_ = static_cast<int32_t>(header.id);
      }
      return kStopConsuming;
  }
  return 0;
}

void Session::consume(EventSink* sink) {
  sink_ = sink;
  events_->consume();
  sink_ = nullptr;
}

void Session::run(EventSink& sink, const std::atomic<bool>& stop) {
  sink_ = &sink;
  while (!exit_requested_ && !stop.load()) {
    int n = events_->poll(200);
    if (n < 0 && n != -EINTR && n != kStopConsuming) break;
  }
  sink_ = nullptr;
}

void Session::detach(EventSink& sink) {
  release(*attachments_);
  // After exit() nothing more is printed; after a stop request the events
  // already queued are.
  bool exited = exit_requested_;
  consume(exited ? nullptr : &sink);
  if (exited) {
    // consume() stops at an exit event; keep draining silently.
    while (events_->consume() == kStopConsuming) {
    }
  }
}

Result<std::vector<MapSnapshot>> Session::read_maps() {
  std::vector<MapSnapshot> out;
  for (const MapSpec& spec : artifact_.maps) {
    auto snapshot = read_map(spec);
    if (!snapshot) return snapshot.error();
    out.push_back(std::move(*snapshot));
  }
  return out;
}

std::vector<Session::ProgramStats> Session::program_stats() const {
  std::vector<ProgramStats> out;
  bpf_program* prog = nullptr;
  bpf_object__for_each_program(prog, object_) {
    bpf_prog_info info{};
    uint32_t len = sizeof(info);
    ProgramStats stats;
    stats.function = bpf_program__name(prog);
    if (bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len) == 0) {
      stats.xlated_instructions = info.xlated_prog_len / 8;
      stats.verified_instructions = info.verified_insns;
      stats.jited_bytes = info.jited_prog_len;
    }
    out.push_back(std::move(stats));
  }
  return out;
}

int possible_cpus() {
  int n = libbpf_num_possible_cpus();
  return n > 0 ? n : 1;
}

std::string attach_method(const ProgramSpec& program) {
  if (program.provider == "BEGIN" || program.provider == "END") return "run once with BPF_PROG_TEST_RUN";
  if (const Attacher* a = find_attacher(program.provider)) return a->method(program);
  return "unknown";
}

uint64_t Session::perf_lost_events() const { return events_ ? events_->perf_lost() : 0; }

uint64_t Session::dropped_events() { return per_cpu_count(artifact_.dropped_map); }

uint64_t Session::matched_packets() { return per_cpu_count(artifact_.matched_map); }

uint64_t Session::per_cpu_count(const std::string& map_name) {
  if (map_name.empty()) return 0;
  bpf_map* map = bpf_object__find_map_by_name(object_, map_name.c_str());
  if (map == nullptr) return 0;
  int cpus = libbpf_num_possible_cpus();
  if (cpus <= 0) cpus = 1;
  std::vector<uint64_t> values(static_cast<size_t>(cpus));
  uint32_t key = 0;
  if (bpf_map_lookup_elem(bpf_map__fd(map), &key, values.data()) != 0) return 0;
  uint64_t total = 0;
  for (uint64_t v : values) total += v;
  return total;
}

}  // namespace stratoshark::runtime
