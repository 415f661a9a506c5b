// Positional arguments (arg0..argN) and `retval`: where each provider keeps
// them in the program's context.
//   Registers  struct pt_regs (kprobe, uprobe): a direct context load
//   RawArray   an array of u64 (raw tracepoints): a direct context load
//   Usdt       libbpf's argument specs: the attach cookie is the spec's index
//              in __bpf_usdt_specs; each argument is a constant, a register,
//              or memory at a register plus an offset
#include "context_emitter.h"

#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

// Layout of libbpf's struct __bpf_usdt_spec (bpf/usdt.bpf.h).
constexpr uint32_t kUsdtArgSpecSize = 16;  // {u64 val_off; u32 arg_type; s16 reg_off; bool arg_signed; s8 arg_bitshift}
constexpr uint32_t kUsdtArgCountOffset = 200;
constexpr uint32_t kUsdtArgConst = 0;
constexpr uint32_t kUsdtArgReg = 1;

llvm::Value* load_context_u64(ProgramEmitter& e, uint32_t offset) {
  return e.b().CreateAlignedLoad(e.i64_type(), e.at_offset(e.ctx(), offset), llvm::MaybeAlign(8));
}

Val usdt_arg(ProgramEmitter& e, uint32_t n) {
  auto& b = e.b();
  llvm::Value* result = e.buffer(8, false);
  b.CreateStore(e.i64(0), result);
  llvm::Value* spec_id = e.buffer(8, false);
  llvm::Value* cookie = e.call_helper(BPF_FUNC_get_attach_cookie, e.i64_type(), {e.ctx()});
  b.CreateStore(b.CreateTrunc(cookie, b.getInt32Ty()), spec_id);
  llvm::Value* spec = e.call_helper(BPF_FUNC_map_lookup_elem, e.ptr_type(), {e.state().usdt_specs, spec_id});
  e.if_then(b.CreateIsNotNull(spec), [&] {
    llvm::Value* count = b.CreateLoad(b.getInt16Ty(), e.at_offset(spec, kUsdtArgCountOffset));
    llvm::Value* present = b.CreateICmpSLT(b.getInt16(static_cast<uint16_t>(n)), count);
    e.if_then(present, [&] {
      llvm::Value* arg = e.at_offset(spec, n * kUsdtArgSpecSize);
      llvm::Value* val_off = b.CreateAlignedLoad(e.i64_type(), arg, llvm::MaybeAlign(8));
      llvm::Value* kind = b.CreateLoad(b.getInt32Ty(), e.at_offset(arg, 8));
      llvm::Value* reg_off = b.CreateSExt(b.CreateLoad(b.getInt16Ty(), e.at_offset(arg, 12)), e.i64_type());
      llvm::Value* is_signed = b.CreateLoad(b.getInt8Ty(), e.at_offset(arg, 14));
      llvm::Value* shift = b.CreateZExt(b.CreateLoad(b.getInt8Ty(), e.at_offset(arg, 15)), e.i64_type());
      llvm::Value* value = e.buffer(8, false);
      b.CreateStore(val_off, value);  // a constant argument is its own value
      e.if_then(b.CreateICmpNE(kind, b.getInt32(kUsdtArgConst)), [&] {
        // A register: the context is struct pt_regs; read at a variable offset.
        llvm::Value* reg = b.CreateGEP(b.getInt8Ty(), e.ctx(), reg_off);
        e.call_helper(BPF_FUNC_probe_read_kernel, e.i64_type(), {value, b.getInt32(8), reg});
        e.if_then(b.CreateICmpNE(kind, b.getInt32(kUsdtArgReg)), [&] {
          // Memory at register + offset, in the traced process.
          llvm::Value* address = b.CreateAdd(b.CreateLoad(e.i64_type(), value), val_off);
          b.CreateStore(e.i64(0), value);
          e.call_helper(BPF_FUNC_probe_read_user, e.i64_type(),
                        {value, b.getInt32(8), b.CreateIntToPtr(address, e.ptr_type())});
        });
      });
      // Narrow 1-, 2- and 4-byte arguments: shift their bits to the top and back.
      llvm::Value* raw = b.CreateShl(b.CreateLoad(e.i64_type(), value), shift);
      llvm::Value* narrowed =
          b.CreateSelect(b.CreateICmpNE(is_signed, b.getInt8(0)), b.CreateAShr(raw, shift), b.CreateLShr(raw, shift));
      b.CreateStore(narrowed, result);
    });
  });
  return {b.CreateLoad(e.i64_type(), result), Type::i64()};
}

}  // namespace

Val emit_positional_arg(ProgramEmitter& e, uint32_t n) {
  switch (e.plan().provider->arg_access()) {
    case ArgAccess::Registers:
      return {load_context_u64(e, kPtRegsArgOffsets[n]), Type::u64()};
    case ArgAccess::RawArray:
      return {load_context_u64(e, 8 * n), Type::u64()};
    case ArgAccess::Usdt:
      return usdt_arg(e, n);
    case ArgAccess::None:
      break;
  }
  return {e.i64(0), Type::u64()};  // the type checker rejects argN here
}

Val emit_retval(ProgramEmitter& e, const Type& type) {
  const auto& field = e.plan().retval;
  if (!field) return {e.i64(0), type};  // the type checker rejects retval here
  llvm::Value* raw = load_context_u64(e, field->offset);
  if (!type.is_int() || type.bits >= 64) return {raw, type};
  // The register or slot holds the value in its low bits.
  llvm::Value* narrow = e.b().CreateTrunc(raw, e.b().getIntNTy(type.bits));
  return {type.is_signed ? e.b().CreateSExt(narrow, e.i64_type()) : e.b().CreateZExt(narrow, e.i64_type()), type};
}

}  // namespace stratoshark::codegen
