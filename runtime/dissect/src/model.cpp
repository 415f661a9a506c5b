#include "stratoshark/dissect/model.h"

namespace stratoshark::dissect {

const Field* Dissection::find(const Layer& layer, const FieldInfo& info) const {
  for (const Field& f : fields(layer)) {
    if (f.info == &info) return &f;
  }
  return nullptr;
}

const Field* Dissection::find(const FieldInfo& info) const {
  for (const Field& f : fields_) {
    if (f.info == &info) return &f;
  }
  return nullptr;
}

int Dissection::find_layer(const ProtocolInfo& protocol) const {
  for (size_t i = 0; i < layers_.size(); ++i) {
    if (layers_[i].protocol == &protocol) return static_cast<int>(i);
  }
  return -1;
}

bool Dissection::has_problems() const {
  for (const Layer& l : layers_) {
    if (l.status != LayerStatus::Complete) return true;
  }
  return false;
}

void Dissection::reset(const Frame& frame) {
  frame_ = frame;
  layers_.clear();
  fields_.clear();
  text_.clear();
}

Layer& Dissection::add_layer(const ProtocolInfo& protocol, uint32_t offset, uint8_t level) {
  Layer& l = layers_.emplace_back();
  l.protocol = &protocol;
  l.offset = offset;
  l.first_field = static_cast<uint32_t>(fields_.size());
  l.level = level;
  return l;
}

Field& Dissection::add_field(const FieldInfo& info, uint32_t offset, uint32_t length, uint64_t number,
                             uint8_t depth) {
  Field& f = fields_.emplace_back();
  f.info = &info;
  f.number = number;
  f.offset = offset;
  f.length = length;
  f.layer = static_cast<uint16_t>(layers_.size() - 1);
  f.depth = depth;
  layers_.back().field_count++;
  return f;
}

Field& Dissection::add_text_field(const FieldInfo& info, uint32_t offset, uint32_t length, std::string_view text,
                                  uint8_t depth) {
  Field& f = begin_text_field(info, offset, depth);
  f.length = length;
  append_text(f, text);
  return f;
}

Field& Dissection::begin_text_field(const FieldInfo& info, uint32_t offset, uint8_t depth) {
  return add_field(info, offset, 0, text_.size(), depth);
}

void Dissection::append_text(Field& field, std::string_view piece) {
  text_.append(piece);
  field.text_length += static_cast<uint32_t>(piece.size());
}

void Dissection::set_problem(Layer& layer, LayerStatus status, std::string_view why) {
  if (layer.status != LayerStatus::Complete) return;  // the first problem is the cause
  layer.status = status;
  layer.problem = static_cast<uint32_t>(text_.size());
  layer.problem_length = static_cast<uint32_t>(why.size());
  text_.append(why);
}

}  // namespace stratoshark::dissect
