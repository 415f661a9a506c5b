// ProgramEmitter: loops, unroll, jumps and positional parameters.
//
// Loops stay loops in the object: the verifier follows each iteration, which
// is why every loop has a bound it can see (a constant range, or the hidden
// iteration counter of a while loop compared with a constant). LLVM is told
// not to unroll them, so the instruction count stays what the complexity
// estimator predicts; unroll() is the way to ask for copies.
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

// Marks the loop's back edge "do not unroll".
void disable_unrolling(llvm::LLVMContext& ctx, llvm::BranchInst* back_edge) {
  llvm::Metadata* disable = llvm::MDNode::get(ctx, {llvm::MDString::get(ctx, "llvm.loop.unroll.disable")});
  llvm::SmallVector<llvm::Metadata*, 2> ops{nullptr, disable};
  llvm::MDNode* id = llvm::MDNode::getDistinct(ctx, ops);
  id->replaceOperandWith(0, id);
  back_edge->setMetadata(llvm::LLVMContext::MD_loop, id);
}

}  // namespace

void ProgramEmitter::loop(const std::function<llvm::Value*()>& head, const std::function<void()>& body,
                          const std::function<void()>& step) {
  auto& ctx = llvm_context();
  auto* header = llvm::BasicBlock::Create(ctx, "loop.head", function_);
  auto* body_block = llvm::BasicBlock::Create(ctx, "loop.body", function_);
  auto* next = llvm::BasicBlock::Create(ctx, "loop.next", function_);
  auto* exit = llvm::BasicBlock::Create(ctx, "loop.exit", function_);
  builder_.CreateBr(header);
  builder_.SetInsertPoint(header);
  loops_.push_back({next, exit});
  llvm::Value* keep_going = head();
  builder_.CreateCondBr(keep_going, body_block, exit);
  body_block->moveAfter(builder_.GetInsertBlock());
  builder_.SetInsertPoint(body_block);
  body();
  loops_.pop_back();
  if (builder_.GetInsertBlock()->getTerminator() == nullptr) builder_.CreateBr(next);
  next->moveAfter(builder_.GetInsertBlock());
  builder_.SetInsertPoint(next);
  step();
  disable_unrolling(ctx, builder_.CreateBr(header));
  exit->moveAfter(builder_.GetInsertBlock());
  builder_.SetInsertPoint(exit);
}

void ProgramEmitter::counted_loop(uint64_t count, const std::function<void(llvm::Value*)>& body) {
  llvm::Value* counter = buffer(8, false);
  builder_.CreateStore(i64(0), counter);
  loop([&]() -> llvm::Value* { return builder_.CreateICmpULT(builder_.CreateLoad(i64_type(), counter), i64(count)); },
       [&] { body(builder_.CreateLoad(i64_type(), counter)); },
       [&] { builder_.CreateStore(builder_.CreateAdd(builder_.CreateLoad(i64_type(), counter), i64(1)), counter); });
}

void ProgramEmitter::while_loop(const WhileStmt& s) {
  // The hidden counter: the bound the verifier sees, whatever the condition.
  llvm::Value* counter = buffer(8, false);
  builder_.CreateStore(i64(0), counter);
  uint64_t limit = state_.sema.max_loop_iterations;
  loop(
      [&]() -> llvm::Value* {
        llvm::Value* n = builder_.CreateLoad(i64_type(), counter);
        auto* test = llvm::BasicBlock::Create(llvm_context(), "while.cond", function_);
        builder_.CreateCondBr(builder_.CreateICmpULT(n, i64(limit)), test, loops_.back().exit);
        builder_.SetInsertPoint(test);
        set_location(s.cond->loc);
        return is_true(expr(*s.cond).v);
      },
      [&] { block(*s.body); },
      [&] {
        llvm::Value* n = builder_.CreateLoad(i64_type(), counter);
        builder_.CreateStore(builder_.CreateAdd(n, i64(1)), counter);
      });
}

void ProgramEmitter::for_range(const ForRangeStmt& s) {
  const LoopBounds& bounds = state_.sema.loops.at(s.id);
  // The range runs on a hidden counter; the variable gets a copy each time,
  // so assigning it in the body does not change the number of iterations.
  llvm::Value* counter = buffer(8, false);
  builder_.CreateStore(i64(static_cast<uint64_t>(bounds.begin)), counter);
  llvm::Value* var = variables_.at(cast<Variable>(s.var)->name);
  loop(
      [&]() -> llvm::Value* {
        llvm::Value* i = builder_.CreateLoad(i64_type(), counter);
        return builder_.CreateICmpSLT(i, i64(static_cast<uint64_t>(bounds.end)));
      },
      [&] {
        builder_.CreateStore(builder_.CreateLoad(i64_type(), counter), var);
        block(*s.body);
      },
      [&] {
        llvm::Value* i = builder_.CreateLoad(i64_type(), counter);
        builder_.CreateStore(builder_.CreateAdd(i, i64(1)), counter);
      });
}

void ProgramEmitter::unroll(const UnrollStmt& s) {
  uint64_t n = state_.sema.loops.at(s.id).count();
  for (uint64_t i = 0; i < n; ++i) block(*s.body);
}

void ProgramEmitter::jump(const JumpStmt& s) {
  switch (s.jump) {
    case JumpKind::Return:
      if (s.function != nullptr) {
        function_return(s);
      } else {
        builder_.CreateBr(return_block_);
      }
      break;
    case JumpKind::Break:
      builder_.CreateBr(loops_.back().exit);
      break;
    case JumpKind::Continue:
      builder_.CreateBr(loops_.back().next);
      break;
  }
  continue_after_jump("after_jump");
}

void ProgramEmitter::continue_after_jump(const char* name) {
  // Statements after a jump are unreachable; give them a block LLVM drops.
  builder_.SetInsertPoint(llvm::BasicBlock::Create(llvm_context(), name, function_));
}

Val ProgramEmitter::positional(const Positional& p) {
  const Type& type = state_.sema.type_of(&p);
  const ConstantValue& value = state_.sema.constants.at(p.id);
  if (!value.is_string) return {i64(static_cast<uint64_t>(value.integer)), type};
  llvm::Value* buf = buffer(type.size, false);
  store_string_literal(buf, value.text, type.size);
  return {buf, type};
}

}  // namespace stratoshark::codegen
