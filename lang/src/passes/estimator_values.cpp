// Estimator: tuples, casts, indexing, pointers, kernel struct members, and
// storing or comparing values of any type (codegen/src/value_emitter.cpp).
#include <algorithm>

#include "estimator.h"

namespace stratoshark::lang::cost {

void Estimator::store(const Type& t) {
  if (t.is_tuple()) {
    for (const Type& e : t.elements) store(e);
    return;
  }
  if (t.by_reference()) {
    copy(t.byte_size());
    return;
  }
  e_.instructions += 2;  // the element's load (from a tuple) and the store
}

void Estimator::equality(const Type& t) {
  if (t.is_tuple()) {
    for (const Type& e : t.elements) equality(e);
    return;
  }
  if (t.is_string()) {
    e_.instructions += 5 * t.size + 4;
    e_.branches += 2 * t.size;
    pending_ += 2 * t.size;
    return;
  }
  if (t.is_array()) {
    e_.instructions += 4 * t.native_size() + 2;  // two loads, a xor and an or per byte
    return;
  }
  e_.instructions += 3;
}

void Estimator::tuple(const TupleExpr& t) {
  for (const Expr* e : t.elements) expr(*e);
  buffer(std::max<uint32_t>(8, type_of(t).byte_size()), true);
  for (const Expr* e : t.elements) store(type_of(*e));
}

void Estimator::cast_value(const CastExpr& c) {
  expr(*c.operand);
  const Type& to = type_of(c);
  if (to.is_array() && !type_of(*c.operand).is_array()) buffer(std::max<uint32_t>(8, to.native_size()), true);
  e_.instructions += 3;
}

// A read through a pointer: a zeroed slot, the probe_read helper, the load.
void Estimator::memory_read(const Type& t) {
  if (t.kind == TypeKind::Struct) return;  // an address; nothing is read yet
  uint32_t bytes = t.is_string() ? t.size : t.is_array() ? t.native_size() : 8;
  buffer(bytes, true);
  read_kernel(bytes);
  e_.instructions += 4;
}

void Estimator::struct_member(const FieldAccess& f) {
  expr(*f.base);
  e_.instructions += 2;  // the relocated offset, added to the base
  memory_read(type_of(f));
}

void Estimator::index(const IndexExpr& x) {
  expr(*x.base);
  const Type& base = type_of(*x.base);
  if (base.is_tuple()) {
    e_.instructions += 1;
    return;
  }
  expr(*x.index);
  if (base.is_pointer()) {
    e_.instructions += 3;
    memory_read(type_of(x));
    return;
  }
  if (isa<IntegerLiteral>(x.index)) {
    e_.instructions += 2;
    return;
  }
  // A run-time index into an array: the bounds check, the offset, the load.
  const Type& element = base.inner();
  buffer(element.is_array() ? element.native_size() : 8, element.is_array());
  if (element.is_array()) copy(element.native_size());
  e_.instructions += 8;
  branch();
  pending_ += 1;
}

}  // namespace stratoshark::lang::cost
