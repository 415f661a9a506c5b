// Session: reading maps (at exit and for print()), clear() and zero().
#include <algorithm>
#include <cstring>
#include <map>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "probes/attacher.h"
#include "stratoshark/runtime/session.h"

namespace stratoshark::runtime {

namespace {

bool is_histogram(const MapSpec& spec) {
  return spec.value.kind == ValueKind::Hist || spec.value.kind == ValueKind::Lhist;
}

uint64_t read_u64(const std::vector<uint8_t>& bytes, size_t offset) {
  uint64_t v = 0;
  if (offset + 8 <= bytes.size()) std::memcpy(&v, bytes.data() + offset, 8);
  return v;
}

// Visits every key of the map; `visit` may delete or update the entry.
template <class Visit>
void for_each_key(int fd, uint32_t key_size, Visit visit) {
  std::vector<uint8_t> key(key_size), next(key_size);
  void* previous = nullptr;
  while (bpf_map_get_next_key(fd, previous, next.data()) == 0) {
    key = next;
    previous = key.data();
    visit(key);
  }
}

Error map_error(const MapSpec& spec, const char* what, int err) {
  return Error{ErrorKind::Environment,
               fmt::format("cannot {} map @{}: {}", what, spec.name, errno_text(err)), "", std::nullopt, {}};
}

}  // namespace

int Session::map_fd(const MapSpec& spec) const {
  bpf_map* map = bpf_object__find_map_by_name(object_, spec.elf_name.c_str());
  return map == nullptr ? -1 : bpf_map__fd(map);
}

Result<MapSnapshot> Session::read_map(const MapSpec& spec) {
  MapSnapshot snapshot;
  snapshot.spec = &spec;
  int fd = map_fd(spec);
  if (fd < 0) return snapshot;
  size_t cpus = static_cast<size_t>(possible_cpus());
  size_t stride = (spec.value_size + 7) / 8 * 8;
  std::vector<uint8_t> value(spec.per_cpu ? stride * cpus : spec.value_size);
  // Histograms: one entry per (key, bucket); gather the buckets of each key.
  std::map<std::vector<uint8_t>, size_t> histogram_of;
  for_each_key(fd, spec.key_size, [&](const std::vector<uint8_t>& key) {
    if (bpf_map_lookup_elem(fd, key.data(), value.data()) != 0) return;  // deleted meanwhile
    if (spec.single_slot && std::all_of(value.begin(), value.end(), [](uint8_t b) { return b == 0; })) return;
    Value v = spec.per_cpu ? combine_per_cpu(value, cpus, stride, spec.value)
                           : decode(value, spec.value, decoding());
    if (!is_histogram(spec)) {
      MapEntry entry;
      if (spec.has_key) entry.key = decode(key, spec.key, decoding());
      entry.value = std::move(v);
      snapshot.entries.push_back(std::move(entry));
      return;
    }
    std::vector<uint8_t> proper(key.begin(), key.begin() + spec.bucket_offset);
    auto [it, added] = histogram_of.emplace(proper, snapshot.entries.size());
    if (added) {
      MapEntry entry;
      if (spec.has_key) entry.key = decode(key, spec.key, decoding());
      entry.value.kind = Value::Kind::Histogram;
      entry.value.buckets.assign(bucket_count(spec), 0);
      snapshot.entries.push_back(std::move(entry));
    }
    uint64_t bucket = read_u64(key, spec.bucket_offset);
    auto& buckets = snapshot.entries[it->second].value.buckets;
    if (bucket < buckets.size()) buckets[bucket] += v.u;
  });
  return snapshot;
}

Status Session::clear_map(const MapSpec& spec) {
  if (spec.single_slot) return zero_map(spec);  // an array's entry cannot be deleted
  int fd = map_fd(spec);
  if (fd < 0) return {};
  // Deleting the key just returned would restart the walk; collect first.
  std::vector<std::vector<uint8_t>> keys;
  for_each_key(fd, spec.key_size, [&](const std::vector<uint8_t>& key) { keys.push_back(key); });
  for (const auto& key : keys) {
    if (bpf_map_delete_elem(fd, key.data()) != 0 && errno != ENOENT) return map_error(spec, "clear", -errno);
  }
  return {};
}

Status Session::zero_map(const MapSpec& spec) {
  int fd = map_fd(spec);
  if (fd < 0) return {};
  size_t stride = (spec.value_size + 7) / 8 * 8;
  std::vector<uint8_t> zeros(spec.per_cpu ? stride * static_cast<size_t>(possible_cpus()) : spec.value_size, 0);
  std::vector<std::vector<uint8_t>> keys;
  for_each_key(fd, spec.key_size, [&](const std::vector<uint8_t>& key) { keys.push_back(key); });
  for (const auto& key : keys) {
    if (bpf_map_update_elem(fd, key.data(), zeros.data(), BPF_EXIST) != 0 && errno != ENOENT) {
      return map_error(spec, "zero", -errno);
    }
  }
  return {};
}

void Session::map_event(const EventHeader& header, std::span<const uint8_t> event) {
  const MapSpec& spec = artifact_.maps[header.id];
  switch (static_cast<EventType>(header.type)) {
    case EventType::PrintMap: {
      if (sink_ == nullptr) return;
      PrintMapEvent request{};
      if (event.size() >= sizeof header + sizeof request) {
        std::memcpy(&request, event.data() + sizeof header, sizeof request);
      }
      auto snapshot = read_map(spec);
      if (snapshot) sink_->map(*snapshot, MapView{request.top, request.div});
      return;
    }
    case EventType::ClearMap:
      (void)clear_map(spec);
      return;
    case EventType::ZeroMap:
      (void)zero_map(spec);
      return;
    default:
      return;
  }
}

}  // namespace stratoshark::runtime
