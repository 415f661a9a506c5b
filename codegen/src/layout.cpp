#include "layout.h"

namespace stratoshark::codegen {

using runtime::ValueKind;
using runtime::ValueLayout;

ValueLayout layout_of(const lang::Type& type, uint32_t offset) {
  ValueLayout v;
  v.offset = offset;
  v.is_signed = type.is_signed;
  v.size = type.byte_size();
  switch (type.kind) {
    case lang::TypeKind::Int: v.kind = type.boolean ? ValueKind::Bool : ValueKind::Int; v.size = 8; break;
    case lang::TypeKind::Pointer: v.kind = ValueKind::Pointer; v.is_signed = false; break;
    case lang::TypeKind::Array: {
      // Elements at their own width, packed, as the kernel lays them out.
      v.kind = ValueKind::Array;
      ValueLayout element = layout_of(type.inner(), 0);
      element.size = type.inner().native_size();
      v.elements.push_back(std::move(element));
      break;
    }
    case lang::TypeKind::Buffer: v.kind = ValueKind::Buffer; v.is_signed = false; break;
    case lang::TypeKind::Stack:
      v.kind = type.user ? ValueKind::UserStack : ValueKind::KernelStack;
      // Frames (the stack map of that depth), and the printing mode above them.
      v.table = type.size | (type.name == "perf" ? 1u << 16 : type.name == "raw" ? 2u << 16 : 0u);
      break;
    case lang::TypeKind::Symbol: v.kind = type.user ? ValueKind::UserSymbol : ValueKind::KernelSymbol; break;
    case lang::TypeKind::Timestamp: v.kind = ValueKind::Timestamp; v.table = type.size; break;
    case lang::TypeKind::FuncName: v.kind = ValueKind::FuncName; break;
    case lang::TypeKind::String: v.kind = ValueKind::String; break;
    case lang::TypeKind::ProbeName: v.kind = ValueKind::ProbeName; v.is_signed = false; break;
    case lang::TypeKind::Address: v.kind = ValueKind::Address; v.is_signed = false; break;
    case lang::TypeKind::Count: v.kind = ValueKind::Count; v.is_signed = false; break;
    case lang::TypeKind::Sum: v.kind = ValueKind::Sum; break;
    case lang::TypeKind::Min: v.kind = ValueKind::Min; break;
    case lang::TypeKind::Max: v.kind = ValueKind::Max; break;
    case lang::TypeKind::Avg: v.kind = ValueKind::Avg; break;
    case lang::TypeKind::Stats: v.kind = ValueKind::Stats; break;
    case lang::TypeKind::Hist: v.kind = ValueKind::Hist; v.is_signed = false; break;
    case lang::TypeKind::Lhist: v.kind = ValueKind::Lhist; v.is_signed = false; break;
    case lang::TypeKind::Tuple: {
      v.kind = ValueKind::Tuple;
      auto offsets = lang::tuple_offsets(type);
      for (size_t i = 0; i < type.elements.size(); ++i) {
        v.elements.push_back(layout_of(type.elements[i], offsets[i]));
      }
      break;
    }
    default: v.kind = ValueKind::Int; v.size = 8; break;
  }
  return v;
}

runtime::MapSpec map_spec(const lang::MapInfo& info) {
  runtime::MapSpec m;
  m.name = info.name;
  m.elf_name = info.name.empty() ? "m_" : "m_" + info.name;
  m.per_cpu = info.value.is_aggregation();
  m.has_key = !info.key.is_none();
  if (m.has_key) {
    m.key = layout_of(info.key);
    m.key_size = info.key.byte_size();
    if (info.key.kind == lang::TypeKind::Int || info.key.kind == lang::TypeKind::ProbeName) m.key_size = 8;
  } else {
    m.key = layout_of(lang::Type::u64());
    m.key_size = 8;
  }
  m.value = layout_of(info.value);
  m.value_size = m.value.size;
  if (info.value.is_histogram()) {
    // The bucket index follows the key proper.
    m.bucket_offset = m.has_key ? (m.key_size + 7) / 8 * 8 : 0;
    m.key_size = m.bucket_offset + 8;
    m.linear_min = info.value.linear.min;
    m.linear_max = info.value.linear.max;
    m.linear_step = info.value.linear.step;
  }
  return m;
}

runtime::PrintfSpec printf_spec(const lang::FormatString& format, const std::vector<lang::Type>& arg_types) {
  runtime::PrintfSpec spec;
  uint32_t offset = sizeof(runtime::EventHeader);
  size_t arg = 0;
  for (const auto& segment : format.segments) {
    runtime::FormatSegment out;
    out.literal = segment.literal;
    if (segment.conversion) {
      const auto& c = *segment.conversion;
      out.conversion = runtime::Conversion{c.specifier, c.flags, c.width, c.precision};
      out.arg = layout_of(arg_types.at(arg++), offset);
      offset += (out.arg.size + 7) / 8 * 8;
    }
    spec.segments.push_back(std::move(out));
  }
  spec.event_size = offset;
  return spec;
}

}  // namespace stratoshark::codegen
