// Text rendering of hist() and lhist() values: bucket labels and bars laid
// out as bpftrace prints them.
#include <fmt/format.h>

#include "stratoshark/runtime/output.h"

namespace stratoshark::runtime {

namespace {

constexpr size_t kBarWidth = 52;

// 2^power with a binary suffix from K (2^10) up to T (2^40): 1, 512, 1K, 64M, 2T.
std::string power_label(unsigned power) {
  const char* suffix = "";
  if (power >= 40) {
    suffix = "T";
    power -= 40;
  } else if (power >= 30) {
    suffix = "G";
    power -= 30;
  } else if (power >= 20) {
    suffix = "M";
    power -= 20;
  } else if (power >= 10) {
    suffix = "K";
    power -= 10;
  }
  return fmt::format("{}{}", uint64_t{1} << power, suffix);
}

// A bound of a linear bucket: exact multiples of 1M and 1K are shortened.
std::string linear_label(int64_t n) {
  constexpr int64_t kKilo = 1024, kMega = 1024 * 1024;
  if (n != 0 && n % kMega == 0) return fmt::format("{}M", n / kMega);
  if (n != 0 && n % kKilo == 0) return fmt::format("{}K", n / kKilo);
  return fmt::format("{}", n);
}

std::string bucket_label(const MapSpec& spec, size_t i) {
  if (spec.value.kind == ValueKind::Hist) {
    if (i == 0) return "(..., 0)";
    if (i == 1) return "[0]";
    if (i == 2) return "[1]";
    return fmt::format("[{}, {})", power_label(static_cast<unsigned>(i - 2)), power_label(static_cast<unsigned>(i - 1)));
  }
  size_t last = bucket_count(spec) - 1;
  if (i == 0) return fmt::format("(..., {})", linear_label(spec.linear_min));
  if (i == last) return fmt::format("[{}, ...)", linear_label(spec.linear_min + static_cast<int64_t>(last - 1) * spec.linear_step));
  int64_t low = spec.linear_min + static_cast<int64_t>(i - 1) * spec.linear_step;
  return fmt::format("[{}, {})", linear_label(low), linear_label(low + spec.linear_step));
}

}  // namespace

std::string format_histogram_text(const Value& h, const MapSpec& spec, uint64_t div) {
  size_t first = h.buckets.size(), last = 0;
  uint64_t largest = 0;
  for (size_t i = 0; i < h.buckets.size(); ++i) {
    if (h.buckets[i] == 0) continue;
    first = std::min(first, i);
    last = i;
    largest = std::max(largest, h.buckets[i]);
  }
  if (largest == 0) return {};
  std::string out;
  for (size_t i = first; i <= last; ++i) {
    uint64_t count = h.buckets[i];
    auto bar = static_cast<size_t>(static_cast<unsigned __int128>(count) * kBarWidth / largest);
    out += fmt::format("{:<16}{:>8} |{:<52}|\n", bucket_label(spec, i), div > 1 ? count / div : count,
                       std::string(bar, '@'));
  }
  return out;
}

}  // namespace stratoshark::runtime
