// The dissection model: what a packet's bytes decode to, before any text.
//
// A Dissection is a flat list of layers (Ethernet, IPv4, TCP, ...) in packet
// order; each layer owns a contiguous run of fields. A field is a typed value
// (integer, address, text) with the byte range it was read from and a pointer
// to its static description (FieldInfo: key, label, how to render it, its
// tshark name). Layers carry a status: complete, truncated (the capture ended
// inside it) or malformed (a length or value that cannot be trusted), with a
// one-line reason. Formatters (format.h) and the tshark-name lookup
// (wireshark_fields.h) only read this model; a JSON formatter would too.
//
// A Dissection views the packet bytes it was made from (addresses and byte
// fields are read lazily from them): keep the bytes alive while using it.
// Reusing one Dissection for many packets keeps its storage (no allocation
// per packet once warmed up).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stratoshark/protocols/protocols.h"

namespace stratoshark::dissect {

// How a field's value is stored and rendered.
enum class Format : uint8_t {
  Decimal,  // number
  Hex,      // number, shown 0x with FieldInfo::hex_digits digits
  Flag,     // number 0/1, a single bit
  Ipv4,     // number holds the address
  Ipv6,     // the 16 bytes at the field's offset
  Mac,      // number holds the 48-bit address
  Text,     // decoded text (DNS names, HTTP tokens) in Dissection::text()
  Bytes,    // raw bytes at the field's offset, shown as hex
  Group,    // no value: a heading for the fields nested under it
};

// The static description of one kind of field. One per field kind, defined
// by the protocol's dissector; never copied into the model.
struct FieldInfo {
  std::string_view key;    // our name: "tcp.dport"; equals the language's name where it has one
  std::string_view label;  // "Destination port"
  Format format = Format::Decimal;
  uint8_t hex_digits = 0;                   // Format::Hex: digits after 0x
  const protocols::Field* layout = nullptr;  // the header-table entry this field reads, if any
  std::string_view wireshark;               // tshark's field name, empty if none
  uint8_t wireshark_hex_digits = 0;         // how tshark renders it: 0 decimal, else 0x + digits
  uint8_t wireshark_scale = 1;              // tshark's value is ours times this (header lengths in bytes)
  std::string_view (*meaning)(uint64_t value) = nullptr;  // "IPv4" for 0x0800; empty if unknown
};

// Static description of a protocol: names and the one-line summary hook.
struct ProtocolInfo;

enum class LayerStatus : uint8_t { Complete, Truncated, Malformed };

struct Field {
  const FieldInfo* info = nullptr;
  uint64_t number = 0;      // integers and IPv4/MAC addresses; Text: offset into Dissection::text()
  uint32_t offset = 0;      // bytes of the packet the field was read from
  uint32_t length = 0;
  uint32_t text_length = 0;  // Text: length in Dissection::text()
  uint16_t layer = 0;        // index of the owning layer
  uint8_t depth = 0;         // 0: directly under the layer; 1: under the field before it at depth 0, ...
};

struct Layer {
  const ProtocolInfo* protocol = nullptr;
  uint32_t offset = 0;   // first byte of the layer in the packet
  uint32_t length = 0;   // bytes of the packet the layer covers (headers, and payload it owns)
  uint32_t first_field = 0;
  uint32_t field_count = 0;
  LayerStatus status = LayerStatus::Complete;
  uint8_t level = 0;          // 0: the packet; 1: inside an ICMP error or a tunnel; ...
  uint32_t problem = 0;       // truncated/malformed reason, offset into Dissection::text()
  uint32_t problem_length = 0;
};

struct Frame {
  uint64_t timestamp_ns = 0;  // since the Unix epoch
  uint32_t link_type = 0;     // LINKTYPE_* (protocols.h)
  uint32_t wire_length = 0;   // bytes on the wire; the captured bytes may be fewer
  std::span<const uint8_t> bytes;
};

class Dissection {
 public:
  const Frame& frame() const { return frame_; }
  std::span<const uint8_t> bytes() const { return frame_.bytes; }
  std::span<const Layer> layers() const { return layers_; }
  std::span<const Field> fields() const { return fields_; }
  std::span<const Field> fields(const Layer& layer) const {
    return std::span<const Field>(fields_).subspan(layer.first_field, layer.field_count);
  }
  std::string_view text(const Field& f) const { return std::string_view(text_).substr(f.number, f.text_length); }
  std::string_view problem(const Layer& l) const { return std::string_view(text_).substr(l.problem, l.problem_length); }
  // The first field of `layer` described by `info`, or nullptr.
  const Field* find(const Layer& layer, const FieldInfo& info) const;
  // The first field described by `info` in any layer, or nullptr.
  const Field* find(const FieldInfo& info) const;
  // Index of the first layer of `protocol`, or -1.
  int find_layer(const ProtocolInfo& protocol) const;
  // True when some layer is truncated or malformed.
  bool has_problems() const;

  // Building (dissectors only).
  void reset(const Frame& frame);
  Layer& add_layer(const ProtocolInfo& protocol, uint32_t offset, uint8_t level);
  Field& add_field(const FieldInfo& info, uint32_t offset, uint32_t length, uint64_t number, uint8_t depth);
  Field& add_text_field(const FieldInfo& info, uint32_t offset, uint32_t length, std::string_view text, uint8_t depth);
  // Starts a text field whose text the caller appends with append_text().
  Field& begin_text_field(const FieldInfo& info, uint32_t offset, uint8_t depth);
  void append_text(Field& field, std::string_view piece);
  void set_problem(Layer& layer, LayerStatus status, std::string_view why);
  Layer& layer(size_t index) { return layers_[index]; }
  Layer& last_layer() { return layers_.back(); }

 private:
  Frame frame_;
  std::vector<Layer> layers_;
  std::vector<Field> fields_;
  std::string text_;
};

struct ProtocolInfo {
  std::string_view name;   // "tcp": the layer's name (and the prefix of its field keys)
  std::string_view title;  // "Transmission Control Protocol"
  std::span<const FieldInfo> fields;  // every kind of field the layer can have
  // Appends this layer's part of the one-line summary and returns how many
  // layers it covered (at least 1). Null: the layer adds nothing.
  size_t (*summarize)(const Dissection& d, size_t layer, std::string& out) = nullptr;
};

}  // namespace stratoshark::dissect
