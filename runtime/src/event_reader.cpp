#include "event_reader.h"

#include <cerrno>
#include <cstring>

#include <bpf/libbpf.h>
#include <fmt/format.h>

namespace stratoshark::runtime {

Result<std::unique_ptr<EventReader>> EventReader::open(int map_fd, EventMode mode, uint32_t buffer_bytes,
                                                       Handler handler, void* ctx) {
  std::unique_ptr<EventReader> reader(new EventReader(handler, ctx));
  if (mode == EventMode::RingBuffer) {
    reader->ring_ = ring_buffer__new(map_fd, handler, ctx, nullptr);
    if (reader->ring_ == nullptr) {
      int e = errno;
      return Error{ErrorKind::Environment, fmt::format("cannot read the event ring buffer: {}", std::strerror(e)), "",
                   std::nullopt, {}};
    }
    return reader;
  }
  // Pages per CPU: a power of two.
  size_t pages = 1;
  while (pages * 4096 < buffer_bytes && pages < (1u << 18)) pages <<= 1;
  reader->perf_ = perf_buffer__new(map_fd, pages, &EventReader::on_sample, &EventReader::on_lost, reader.get(), nullptr);
  if (reader->perf_ == nullptr) {
    int e = errno;
    return Error{ErrorKind::Environment, fmt::format("cannot open the per-CPU perf buffers: {}", std::strerror(e)),
                 e == ENOMEM || e == EPERM ? "lower --buffer-size, or raise perf_event_mlock_kb (/proc/sys/kernel)"
                                           : "",
                 std::nullopt, {}};
  }
  return reader;
}

EventReader::~EventReader() {
  if (ring_ != nullptr) ring_buffer__free(ring_);
  if (perf_ != nullptr) perf_buffer__free(perf_);
}

void EventReader::on_sample(void* self, int, void* data, uint32_t size) {
  auto* reader = static_cast<EventReader*>(self);
  if (reader->stopped_) return;
  if (reader->handler_(reader->ctx_, data, size) == kStop) reader->stopped_ = true;
}

void EventReader::on_lost(void* self, int, unsigned long long count) { static_cast<EventReader*>(self)->lost_ += count; }

int EventReader::finish(int result) {
  if (!stopped_) return result;
  stopped_ = false;
  return kStop;
}

int EventReader::poll(int timeout_ms) {
  if (ring_ != nullptr) return ring_buffer__poll(ring_, timeout_ms);
  return finish(perf_buffer__poll(perf_, timeout_ms));
}

int EventReader::consume() {
  if (ring_ != nullptr) return ring_buffer__consume(ring_);
  return finish(perf_buffer__consume(perf_));
}

}  // namespace stratoshark::runtime
