#include <bit>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "dissector.h"

namespace stratoshark::dissect {

LayerBuilder::LayerBuilder(Context& ctx, const ProtocolInfo& protocol, Region region)
    : ctx_(ctx),
      region_(region),
      layer_(ctx.out.layers().size()),
      cursor_(ctx.packet, region.offset, static_cast<size_t>(region.offset) + region.captured) {
  ctx.out.add_layer(protocol, region.offset, ctx.level).length = region.captured;
}

std::optional<uint64_t> LayerBuilder::table(const FieldInfo& info, uint32_t header, uint8_t depth) {
  const protocols::Field& f = *info.layout;
  const size_t at = static_cast<size_t>(header) + f.offset;
  if (!cursor_.contains(at, f.size)) {
    truncated(std::string("capture ends in ").append(info.key));
    return std::nullopt;
  }
  uint64_t raw = 0;
  if (f.size <= 8) cursor_.peek_at(at, f.size, raw);  // larger fields (IPv6 addresses) are read from the bytes
  if (f.shift) raw >>= f.shift;
  if (f.mask) raw &= f.mask;
  add(info, static_cast<uint32_t>(at), f.size, raw, depth);
  return raw;
}

bool LayerBuilder::table_all(std::span<const FieldInfo> infos, uint32_t header) {
  for (const FieldInfo& info : infos) {
    if (info.layout && !table(info, header)) return false;
  }
  return true;
}

std::optional<uint64_t> LayerBuilder::read(const FieldInfo& info, size_t n, uint8_t depth) {
  const size_t at = cursor_.offset();
  uint64_t v = 0;
  if (!cursor_.uint_be(n, v)) {
    truncated(std::string("capture ends in ").append(info.key));
    return std::nullopt;
  }
  add(info, static_cast<uint32_t>(at), static_cast<uint32_t>(n), v, depth);
  return v;
}

Field& LayerBuilder::add(const FieldInfo& info, uint32_t offset, uint32_t length, uint64_t number, uint8_t depth) {
  return ctx_.out.add_field(info, offset, length, number, depth);
}

Field& LayerBuilder::add_text(const FieldInfo& info, uint32_t offset, uint32_t length, std::string_view text,
                              uint8_t depth) {
  return ctx_.out.add_text_field(info, offset, length, text, depth);
}

bool LayerBuilder::truncated(std::string_view what) {
  ctx_.out.set_problem(ctx_.out.layer(layer_), LayerStatus::Truncated, what);
  return false;
}

bool LayerBuilder::malformed(std::string_view why) {
  ctx_.out.set_problem(ctx_.out.layer(layer_), LayerStatus::Malformed, why);
  return false;
}

bool LayerBuilder::ok() const { return ctx_.out.layers()[layer_].status == LayerStatus::Complete; }

void LayerBuilder::set_length(uint32_t length) { ctx_.out.layer(layer_).length = length; }

Region LayerBuilder::payload(uint32_t offset, uint32_t declared) const {
  Region r;
  r.offset = offset;
  const size_t end = cursor_.end();
  r.captured = offset >= end ? 0 : static_cast<uint32_t>(end - offset);
  if (r.captured > declared) r.captured = declared;
  r.declared = declared;
  return r;
}

const protocols::Field* layout(protocols::ProtocolId protocol, std::string_view name) {
  const protocols::Field* f = protocols::find_field(protocols::protocol(protocol), name);
  if (!f) {
    std::fprintf(stderr, "stratoshark: bug: header table has no field %.*s\n", static_cast<int>(name.size()),
                 name.data());
    std::abort();
  }
  return f;
}

FieldInfo header_field(protocols::ProtocolId protocol, std::string_view name, std::string_view key,
                       std::string_view label, std::string_view wireshark, uint8_t wireshark_hex_digits,
                       std::string_view (*meaning)(uint64_t)) {
  FieldInfo info;
  info.key = key;
  info.label = label;
  info.layout = layout(protocol, name);
  info.wireshark = wireshark;
  info.wireshark_hex_digits = wireshark_hex_digits;
  info.meaning = meaning;
  const protocols::Field& f = *info.layout;
  unsigned bits = f.mask ? static_cast<unsigned>(std::bit_width(f.mask)) : f.size * 8u;
  switch (f.display) {
    case protocols::Display::Decimal:
      info.format = bits == 1 ? Format::Flag : Format::Decimal;
      break;
    case protocols::Display::Hex:
      info.format = Format::Hex;
      info.hex_digits = static_cast<uint8_t>((bits + 3) / 4);
      break;
    case protocols::Display::Ipv4:
      info.format = Format::Ipv4;
      break;
    case protocols::Display::Ipv6:
      info.format = Format::Ipv6;
      break;
    case protocols::Display::Mac:
      info.format = Format::Mac;
      break;
  }
  return info;
}

}  // namespace stratoshark::dissect
