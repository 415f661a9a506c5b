// Cursor: the only way dissectors read packet bytes.
//
// A cursor covers a window [begin, end) of the packet (end is clipped to the
// captured bytes) and a read position inside it. Every read checks the window
// first: a read that does not fit returns false and leaves the cursor where it
// was, so a dissector can mark its layer truncated and stop. Offsets are
// absolute (from the start of the packet), which is what the model's byte
// ranges use. Integers are big-endian (network order) unless a name says
// otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace stratoshark::dissect {

class Cursor {
 public:
  Cursor() = default;
  Cursor(std::span<const uint8_t> packet, size_t begin, size_t end)
      : packet_(packet), begin_(clip(begin)), pos_(begin_), end_(clip(end < begin_ ? begin_ : end)) {}

  size_t offset() const { return pos_; }  // absolute read position
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  size_t remaining() const { return end_ - pos_; }
  bool has(size_t n) const { return n <= remaining(); }
  bool at_end() const { return pos_ == end_; }

  bool u8(uint8_t& v) {
    if (!has(1)) return false;
    v = packet_[pos_++];
    return true;
  }
  bool u16(uint16_t& v) {
    uint64_t x;
    if (!uint_be(2, x)) return false;
    v = static_cast<uint16_t>(x);
    return true;
  }
  bool u24(uint32_t& v) {
    uint64_t x;
    if (!uint_be(3, x)) return false;
    v = static_cast<uint32_t>(x);
    return true;
  }
  bool u32(uint32_t& v) {
    uint64_t x;
    if (!uint_be(4, x)) return false;
    v = static_cast<uint32_t>(x);
    return true;
  }
  // Reads an n-byte (1..8) big-endian integer.
  bool uint_be(size_t n, uint64_t& v) {
    if (n == 0 || n > 8 || !has(n)) return false;
    uint64_t x = 0;
    for (size_t i = 0; i < n; ++i) x = (x << 8) | packet_[pos_ + i];
    pos_ += n;
    v = x;
    return true;
  }
  bool skip(size_t n) {
    if (!has(n)) return false;
    pos_ += n;
    return true;
  }
  bool bytes(size_t n, std::span<const uint8_t>& out) {
    if (!has(n)) return false;
    out = packet_.subspan(pos_, n);
    pos_ += n;
    return true;
  }
  // Reads an n-byte big-endian integer at absolute offset `at` without moving;
  // `at` must lie inside the window.
  bool peek_at(size_t at, size_t n, uint64_t& v) const {
    if (at < begin_ || at > end_ || n == 0 || n > 8 || n > end_ - at) return false;
    uint64_t x = 0;
    for (size_t i = 0; i < n; ++i) x = (x << 8) | packet_[at + i];
    v = x;
    return true;
  }
  // True when [at, at + n) lies inside the window.
  bool contains(size_t at, size_t n) const { return at >= begin_ && at <= end_ && n <= end_ - at; }
  // The unread bytes.
  std::span<const uint8_t> rest() const { return packet_.subspan(pos_, end_ - pos_); }
  // A cursor over the next n bytes (fewer if the window ends first); this
  // cursor does not move.
  Cursor window(size_t n) const { return Cursor(packet_, pos_, n > remaining() ? end_ : pos_ + n); }
  // Moves to absolute offset `at` inside the window.
  bool seek(size_t at) {
    if (at < begin_ || at > end_) return false;
    pos_ = at;
    return true;
  }

 private:
  size_t clip(size_t at) const { return at > packet_.size() ? packet_.size() : at; }

  std::span<const uint8_t> packet_;
  size_t begin_ = 0;
  size_t pos_ = 0;
  size_t end_ = 0;
};

}  // namespace stratoshark::dissect
