// The field tree (-V) and the rendering of single values and timestamps.
#include <cstdint>

#include "stratoshark/dissect/dissect.h"
#include "stratoshark/dissect/format.h"
#include "text.h"

namespace stratoshark::dissect {

namespace {

void append_two(std::string& out, unsigned v) {
  out.push_back(static_cast<char>('0' + v / 10 % 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

void append_fraction(std::string& out, uint64_t ns, unsigned digits) {
  char buf[9];
  for (int i = 8; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + ns % 10);
    ns /= 10;
  }
  out.push_back('.');
  out.append(buf, digits);
}

// Days since 1970-01-01 to a civil date (proleptic Gregorian, UTC).
void append_date(std::string& out, int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = static_cast<int64_t>(yoe) + era * 400 + (month <= 2);
  append_dec(out, static_cast<uint64_t>(year));
  out.push_back('-');
  append_two(out, month);
  out.push_back('-');
  append_two(out, day);
}

void append_indent(std::string& out, unsigned levels) { out.append(4 * levels, ' '); }

}  // namespace

void append_time(uint64_t ts, TimeFormat format, std::string& out) {
  const uint64_t seconds = ts / 1000000000, ns = ts % 1000000000;
  switch (format) {
    case TimeFormat::None:
      return;
    case TimeFormat::EpochNs:
      append_dec(out, seconds);
      append_fraction(out, ns, 9);
      return;
    case TimeFormat::TimeOfDayUs:
    case TimeFormat::TimeOfDayNs: {
      const uint64_t s = seconds % 86400;
      append_two(out, static_cast<unsigned>(s / 3600));
      out.push_back(':');
      append_two(out, static_cast<unsigned>(s / 60 % 60));
      out.push_back(':');
      append_two(out, static_cast<unsigned>(s % 60));
      append_fraction(out, ns, format == TimeFormat::TimeOfDayUs ? 6 : 9);
      return;
    }
  }
}

void append_value(const Dissection& d, const Field& f, std::string& out) {
  const auto bytes = d.bytes();
  const bool in_bytes = f.offset <= bytes.size() && f.length <= bytes.size() - f.offset;
  switch (f.info->format) {
    case Format::Decimal:
    case Format::Flag:
      append_dec(out, f.number);
      return;
    case Format::Hex:
      append_hex(out, f.number, f.info->hex_digits);
      return;
    case Format::Ipv4:
      append_ipv4(out, static_cast<uint32_t>(f.number));
      return;
    case Format::Ipv6:
      if (in_bytes && f.length == 16) {
        append_ipv6(out, bytes.subspan(f.offset).first<16>());
      } else {
        out += "?";
      }
      return;
    case Format::Mac:
      append_mac(out, f.number);
      return;
    case Format::Text:
      append_escaped(out, d.text(f));
      return;
    case Format::Bytes: {
      if (!in_bytes) return;
      constexpr uint32_t kShown = 32;
      append_hex_bytes(out, bytes.subspan(f.offset, f.length < kShown ? f.length : kShown), ':');
      if (f.length > kShown) {
        out += "... (";
        append_dec(out, f.length);
        out += " bytes)";
      }
      return;
    }
    case Format::Group:
      return;
  }
}

void append_tree(const Dissection& d, const FormatOptions& options, std::string& out) {
  const Frame& frame = d.frame();
  out += "Frame: ";
  append_dec(out, frame.wire_length);
  out += " bytes on wire, ";
  append_dec(out, frame.bytes.size());
  out += " captured, link type ";
  if (auto name = link_type_name(frame.link_type); !name.empty()) {
    out.append(name);
  } else {
    append_dec(out, frame.link_type);
  }
  if (options.time != TimeFormat::None) {
    out += ", ";
    append_date(out, static_cast<int64_t>(frame.timestamp_ns / 1000000000 / 86400));
    out.push_back(' ');
    append_time(frame.timestamp_ns, TimeFormat::TimeOfDayNs, out);
    out += " UTC";
  }
  out.push_back('\n');
  for (const Layer& layer : d.layers()) {
    append_indent(out, layer.level);
    out.append(layer.protocol->title);
    out += " (";
    out.append(layer.protocol->name);
    out += "), bytes ";
    append_dec(out, layer.offset);
    out.push_back('-');
    append_dec(out, layer.offset + (layer.length ? layer.length - 1 : 0));
    out.push_back('\n');
    for (const Field& f : d.fields(layer)) {
      append_indent(out, layer.level + 1u + f.depth);
      out.append(f.info->label);
      out += " (";
      out.append(f.info->key);
      out += ")";
      if (f.info->format != Format::Group) {
        out += ": ";
        append_value(d, f, out);
        if (f.info->meaning) {
          if (auto meaning = f.info->meaning(f.number); !meaning.empty()) {
            out += " (";
            out.append(meaning);
            out += ")";
          }
        }
      }
      out.push_back('\n');
    }
    if (layer.status != LayerStatus::Complete) {
      append_indent(out, layer.level + 1u);
      out += layer.status == LayerStatus::Truncated ? "! truncated: " : "! malformed: ";
      append_escaped(out, d.problem(layer));
      out.push_back('\n');
    }
  }
}

}  // namespace stratoshark::dissect
