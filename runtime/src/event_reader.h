// EventReader: events from the kernel, read from the BPF ring buffer or from
// the per-CPU perf buffers of a perf event array (Artifact::event_mode).
// Private to the runtime; the session is its only user.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/error.h"

struct ring_buffer;
struct perf_buffer;

namespace stratoshark::runtime {

class EventReader {
 public:
  // Called per event; returning kStop stops this poll() or consume() at this
  // event (the rest stay queued in the ring buffer; with perf buffers, the
  // rest of this pass are skipped, as events after exit() are not shown).
  using Handler = int (*)(void* ctx, void* data, size_t size);
  static constexpr int kStop = -125;  // -ECANCELED

  // `map_fd` is the events map; `buffer_bytes` each CPU's perf buffer.
  static Result<std::unique_ptr<EventReader>> open(int map_fd, EventMode mode, uint32_t buffer_bytes,
                                                   Handler handler, void* ctx);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  // Waits up to `timeout_ms` for events and reads them; returns the number
  // read, kStop, or a negative errno.
  int poll(int timeout_ms);
  // Reads what is queued without waiting; same results.
  int consume();
  // Perf buffers: records the kernel reported lost (they are also counted in
  // ss_dropped, by the programs that could not send them).
  uint64_t perf_lost() const { return lost_; }

 private:
  EventReader(Handler handler, void* ctx) : handler_(handler), ctx_(ctx) {}
  static void on_sample(void* self, int cpu, void* data, uint32_t size);
  static void on_lost(void* self, int cpu, unsigned long long count);
  int finish(int result);

  Handler handler_;
  void* ctx_;
  ring_buffer* ring_ = nullptr;
  perf_buffer* perf_ = nullptr;
  bool stopped_ = false;  // perf: a handler said kStop during this pass
  uint64_t lost_ = 0;
};

}  // namespace stratoshark::runtime
