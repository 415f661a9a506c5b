// ProgramEmitter: for ($kv : @map) loops.
//
// The body becomes a static callback `long ss_<program>_for<N>(map, key,
// value, ctx)` of bpf_for_each_map_elem. The program passes it, on its
// stack, a frame of pointers: to every variable of the probe (they live in
// the program's frame, so the body reads and writes the same variables), to
// the program's context, and to a "leave the probe" flag. In the callback,
// `continue` returns 0 (next element), `break` returns 1 (stop), and
// `return` or exit() set the flag and stop; the program then returns.
#include <fmt/format.h>

#include "layout.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

ProgramEmitter::Frame ProgramEmitter::save_frame() const {
  return {function_, entry_, body_, return_block_, scope_, ctx_, variables_, key_buffers_, scratch_base_, loops_};
}

void ProgramEmitter::restore_frame(Frame frame) {
  function_ = frame.function;
  entry_ = frame.entry;
  body_ = frame.body;
  return_block_ = frame.return_block;
  scope_ = frame.scope;
  ctx_ = frame.ctx;
  variables_ = std::move(frame.variables);
  key_buffers_ = std::move(frame.key_buffers);
  scratch_base_ = frame.scratch_base;
  loops_ = std::move(frame.loops);
}

void ProgramEmitter::for_map(const ForMapStmt& s) {
  auto& ctx = llvm_context();
  const auto& ref = *cast<MapRef>(s.map);
  MapHandle& m = map(ref.name);
  m.entries_used = true;
  const std::string& kv_name = cast<Variable>(s.var)->name;
  const Type& kv_type = state_.sema.variables.at(probe_.index).at(kv_name);

  // The frame of pointers: variables (in name order), the context, the flag.
  std::vector<std::string> names;
  for (const auto& [name, slot] : variables_) names.push_back(name);
  // The helper takes the callback's context only on the stack.
  llvm::Value* frame = stack_slot(8 * static_cast<uint32_t>(names.size() + 2));
  for (size_t i = 0; i < names.size(); ++i) builder_.CreateStore(variables_.at(names[i]), at_offset(frame, 8 * i));
  builder_.CreateStore(ctx_, at_offset(frame, 8 * names.size()));
  llvm::Value* leave = buffer(8, false);
  builder_.CreateStore(i64(0), leave);
  builder_.CreateStore(leave, at_offset(frame, 8 * (names.size() + 1)));

  // The callback.
  auto* ptr = ptr_type();
  auto* type = llvm::FunctionType::get(i64_type(), {ptr, ptr, ptr, ptr}, false);
  std::string name = fmt::format("{}_for{}", function_name(), callbacks_++);
  auto* callback = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, name, state_.module.module());
  callback->setSection(".text");
  callback->addFnAttr(llvm::Attribute::NoUnwind);
  callback->addFnAttr(llvm::Attribute::NoInline);
  llvm::DebugLoc outer = builder_.getCurrentDebugLocation();
  llvm::BasicBlock* resume = builder_.GetInsertBlock();
  Frame program = save_frame();

  function_ = callback;
  scope_ = state_.module.callback_subprogram(callback, 4, s.loc);
  entry_ = llvm::BasicBlock::Create(ctx, "entry", callback);
  body_ = llvm::BasicBlock::Create(ctx, "body", callback);
  auto* next = llvm::BasicBlock::Create(ctx, "for.next", callback);
  auto* stop = llvm::BasicBlock::Create(ctx, "for.stop", callback);
  return_block_ = llvm::BasicBlock::Create(ctx, "for.leave", callback);
  scratch_base_ = nullptr;
  key_buffers_.clear();
  loops_.clear();
  loops_.push_back({next, stop});
  // The pointers are loaded in the entry block: every path (the scratch
  // lookup's failure too) can use them.
  builder_.SetInsertPoint(entry_);
  set_location(s.loc);
  llvm::Value* pointers = callback->getArg(3);
  variables_.clear();
  for (size_t i = 0; i < names.size(); ++i) {
    variables_[names[i]] = builder_.CreateLoad(ptr, at_offset(pointers, 8 * i));
  }
  ctx_ = builder_.CreateLoad(ptr, at_offset(pointers, 8 * names.size()));
  llvm::Value* leave_flag = builder_.CreateLoad(ptr, at_offset(pointers, 8 * (names.size() + 1)));
  builder_.CreateBr(body_);
  builder_.SetInsertPoint(body_);

  // $kv = (key, value): the bytes of both, where the tuple keeps them.
  llvm::Value* kv = variables_.at(kv_name);
  auto offsets = tuple_offsets(kv_type);
  copy(kv, callback->getArg(1), std::min(m.spec->key_size, kv_type.elements[0].byte_size()));
  copy(at_offset(kv, offsets[1]), callback->getArg(2), std::min(m.spec->value_size, kv_type.elements[1].byte_size()),
       offsets[1] % 8 == 0 ? 8 : 1);
  block(*s.body);
  if (builder_.GetInsertBlock()->getTerminator() == nullptr) builder_.CreateBr(next);

  builder_.SetInsertPoint(next);
  builder_.CreateRet(i64(0));
  builder_.SetInsertPoint(stop);
  builder_.CreateRet(i64(1));
  builder_.SetInsertPoint(return_block_);
  builder_.CreateStore(i64(1), leave_flag);
  builder_.CreateRet(i64(1));

  restore_frame(std::move(program));
  builder_.SetInsertPoint(resume);
  builder_.SetCurrentDebugLocation(outer);
  call_helper(BPF_FUNC_for_each_map_elem, i64_type(), {m.global, callback, frame, i64(0)});
  if_then(is_true(builder_.CreateLoad(i64_type(), leave)), [&] { builder_.CreateBr(return_block_); });
}

}  // namespace stratoshark::codegen
