// ProgramEmitter: expansions of user-defined functions and macros, their
// returns, and `let` declarations (lang/src/passes/user_definitions.cpp).
//
// An expansion is emitted in place: a function's arguments are stored in
// its parameters (converted to their types), its body runs, and each
// `return` stores the value and branches to the block after the body.
#include "layout.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

void ProgramEmitter::store_variable(const std::string& name, const Val& v) {
  llvm::Value* slot = variables_.at(name);
  const Type& type = state_.sema.variables.at(probe_.index).at(name);
  if (type.by_reference()) {
    if (type.is_string() || type.is_tuple()) zero(slot, type.byte_size());
    store_value(slot, v, layout_of(type));
    return;
  }
  llvm::Value* x = v.v;
  if (type.is_int() && type.boolean) {
    x = builder_.CreateZExt(is_true(x), i64_type());
  } else if (type.is_int() && type.bits < 64) {
    llvm::Value* narrow = builder_.CreateTrunc(x, builder_.getIntNTy(type.bits));
    x = type.is_signed ? builder_.CreateSExt(narrow, i64_type()) : builder_.CreateZExt(narrow, i64_type());
  }
  builder_.CreateStore(x, slot);
}

Val ProgramEmitter::expansion(const BlockExpr& x) {
  if (x.function == nullptr) {
    block(*x.block);
    if (x.value == nullptr) return {nullptr, Type::void_type()};
    return expr(*x.value);
  }
  for (size_t i = 0; i < x.args.size() && i < x.params.size(); ++i) {
    Val arg = expr(*x.args[i]);
    store_variable(cast<Variable>(x.params[i])->name, arg);
  }
  auto* done = llvm::BasicBlock::Create(llvm_context(), "fn.done", function_);
  function_exits_[&x] = done;
  block(*x.block);
  function_exits_.erase(&x);
  if (builder_.GetInsertBlock()->getTerminator() == nullptr) builder_.CreateBr(done);
  done->moveAfter(builder_.GetInsertBlock());
  builder_.SetInsertPoint(done);
  if (x.value == nullptr) return {nullptr, Type::void_type()};
  return expr(*x.value);
}

void ProgramEmitter::function_return(const JumpStmt& s) {
  if (s.value != nullptr && s.function->result != nullptr) {
    Val v = expr(*s.value);
    store_variable(cast<Variable>(s.function->result)->name, v);
  }
  builder_.CreateBr(function_exits_.at(s.function));
}

void ProgramEmitter::let(const LetStmt& l) {
  const auto& name = cast<Variable>(l.var)->name;
  const auto& vars = state_.sema.variables.at(probe_.index);
  auto it = vars.find(name);
  if (it == vars.end()) return;  // `let $x;` never assigned: nothing reads it
  if (l.value != nullptr) {
    store_variable(name, expr(*l.value));
    return;
  }
  // A fresh variable each time the declaration runs (in a loop, too).
  const Type& type = it->second;
  zero(variables_.at(name), type.by_reference() ? std::max<uint32_t>(8, type.byte_size()) : 8);
}

}  // namespace stratoshark::codegen
