#include "packet_access.h"

#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/IntrinsicsBPF.h>

namespace stratoshark::codegen {

using lang::ProgramType;

namespace {

constexpr uint32_t kTagStart = 12;  // the outer VLAN tag sits after the two MAC addresses
constexpr uint32_t kTagEnd = 16;
constexpr uint32_t kMaxPacketOffset = 0xffff;  // the verifier's bound on variable packet offsets
constexpr uint32_t kPacketOutgoing = 4;        // PACKET_OUTGOING, __sk_buff.pkt_type
constexpr uint32_t kLoopbackIfindex = 1;       // the loopback device, in every network namespace
constexpr uint64_t kTpid8021Q = 0x8100;        // the tags the kernel takes out into the metadata
constexpr uint64_t kTpid8021AD = 0x88a8;

}  // namespace

PacketAccess::PacketAccess(ProgramEmitter& e, ProgramType type, bool replay, std::optional<TcTwin> twin)
    : e_(e), type_(type), replay_(replay), twin_(twin) {
  auto& b = e_.b();
  setup_ = b.GetInsertBlock();
  scratch8_ = e_.buffer(8, false);
  auto pointer = [&](llvm::Value* v) { return b.CreateIntToPtr(v, e_.ptr_type()); };
  if (type_ == ProgramType::Xdp) {
    data_ = pointer(ctx_u32(offsetof(xdp_md, data)));
    end_ = pointer(ctx_u32(offsetof(xdp_md, data_end)));
  } else if (direct()) {
    data_ = pointer(ctx_u32(offsetof(__sk_buff, data)));
    end_ = pointer(ctx_u32(offsetof(__sk_buff, data_end)));
  }
  if (replay_ && type_ != ProgramType::Xdp) {
    // The file's lengths: on the wire in cb[0], captured in cb[1].
    wire_ = ctx_u32(offsetof(__sk_buff, cb));
    replay_limit_ = true;
  }
  if (tags_in_metadata()) {
    // vlan_present reads as 0 or 1; the mask tells the verifier so.
    present_ = b.CreateAnd(ctx_u32(offsetof(__sk_buff, vlan_present)), e_.i64(1));
    tagged_ = b.CreateICmpNE(present_, e_.i64(0));
    // vlan_proto holds the TPID in network order; vlan_tci in host order.
    // The kernel takes out 802.1Q and 802.1ad tags only; saying so lets the
    // optimiser see that a frame whose EtherType is IPv4 (say) is untagged.
    llvm::Value* proto = b.CreateTrunc(ctx_u32(offsetof(__sk_buff, vlan_proto)), b.getInt16Ty());
    proto = b.CreateZExt(b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, proto), e_.i64_type());
    llvm::Value* tpid =
        b.CreateSelect(b.CreateICmpEQ(proto, e_.i64(kTpid8021AD)), e_.i64(kTpid8021AD), e_.i64(kTpid8021Q));
    llvm::Value* tci = b.CreateAnd(ctx_u32(offsetof(__sk_buff, vlan_tci)), e_.i64(0xffff));
    tag_ = b.CreateOr(b.CreateShl(tpid, 16), tci);
    tpid_ = tpid;
  } else {
    present_ = e_.i64(0);
    tagged_ = b.getFalse();
  }
  auto* rest = llvm::BasicBlock::Create(e_.llvm_context(), "packet", e_.function());
  b.CreateBr(rest);
  b.SetInsertPoint(rest);
  if (replay_ && type_ == ProgramType::Xdp) {
    // Replay puts the lengths in 8 bytes of XDP metadata before the frame.
    llvm::Value* meta = pointer(ctx_u32(offsetof(xdp_md, data_meta)));
    reject_unless(b.CreateICmpULE(b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), meta, 8), data_), e_.return_block());
    wire_ = b.CreateZExt(b.CreateAlignedLoad(b.getInt32Ty(), meta, llvm::MaybeAlign(4)), e_.i64_type());
    meta_ = meta;
    replay_limit_ = true;
  }
  if (type_ == ProgramType::SocketFilter && !replay_) {
    // On loopback every packet passes the packet socket twice, leaving and
    // arriving; as libpcap does, only the arrival is seen.
    llvm::Value* outgoing = b.CreateICmpEQ(ctx_u32(offsetof(__sk_buff, pkt_type)), e_.i64(kPacketOutgoing));
    llvm::Value* loopback = b.CreateICmpEQ(ctx_u32(offsetof(__sk_buff, ifindex)), e_.i64(kLoopbackIfindex));
    reject_unless(b.CreateNot(b.CreateAnd(outgoing, loopback)), e_.return_block());
  }
}

llvm::Value* PacketAccess::limit() {
  // Loaded where used: one register compared in a loop and also used as a
  // helper's size would keep the verifier from pruning the loop's states.
  if (meta_ == nullptr) return ctx_u32(offsetof(__sk_buff, cb) + 4);
  auto& b = e_.b();
  return b.CreateZExt(b.CreateAlignedLoad(b.getInt32Ty(), e_.at_offset(meta_, 4), llvm::MaybeAlign(4)), e_.i64_type());
}

llvm::Value* PacketAccess::shift() { return e_.b().CreateShl(present_, 2); }

llvm::Value* PacketAccess::after_tag(llvm::Value* at) {
  auto& b = e_.b();
  // One of two constant offsets from data, so that each path has a pointer
  // the verifier ties to data's checks (a variable offset would give it a
  // new identity).
  uint64_t past = llvm::cast<llvm::ConstantInt>(at)->getZExtValue();
  return b.CreateSelect(tagged_, b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), data_, kTagStart + past),
                        b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), data_, kTagEnd + past));
}

bool PacketAccess::hands_to_twin() const { return twin_ && !twin_->is_twin; }

void PacketAccess::body_starts() {
  if (!hands_to_twin()) return;
  // From here on the probe may act (maps, events), so it must not start
  // over in the twin later: whether all of the packet lies before data_end
  // is settled now (a packet longer than a direct read can reach counts as
  // in pages), and reads past data_end after this reject.
  auto& b = e_.b();
  llvm::Value* len = ctx_u32(offsetof(__sk_buff, len));
  auto* whole = llvm::BasicBlock::Create(e_.llvm_context(), "packet.whole", e_.function());
  auto* paged = llvm::BasicBlock::Create(e_.llvm_context(), "packet.paged", e_.function());
  auto* bounded = llvm::BasicBlock::Create(e_.llvm_context(), "packet.bounded", e_.function());
  b.CreateCondBr(b.CreateICmpUGT(len, e_.i64(kMaxPacketOffset)), paged, bounded);
  b.SetInsertPoint(bounded);
  b.CreateCondBr(b.CreateICmpUGT(b.CreateInBoundsGEP(b.getInt8Ty(), data_, len), end_), paged, whole);
  b.SetInsertPoint(paged);
  run_twin();
  b.SetInsertPoint(whole);
  body_started_ = true;
}

void PacketAccess::run_twin() {
  // The twin runs the whole probe; its answer is this program's.
  auto& b = e_.b();
  llvm::Function* twin = e_.state().module.module().getFunction(e_.plan().function_name + "_pg");
  b.CreateRet(b.CreateCall(twin, {e_.ctx()}));
}

llvm::BasicBlock* PacketAccess::past_end(llvm::BasicBlock* reject) {
  // In the predicate nothing has happened yet: a read past data_end may be
  // a packet partly in pages, so the twin starts over with it; if the
  // packet is truly that short, the twin rejects it too. (So `reject` is
  // not reached from here: the twin decides.)
  if (!hands_to_twin() || body_started_) return reject;
  auto [it, added] = twin_exits_.emplace(reject, nullptr);
  if (added) {
    auto& b = e_.b();
    llvm::IRBuilderBase::InsertPointGuard keep(b);
    it->second = llvm::BasicBlock::Create(e_.llvm_context(), "packet.to_twin", e_.function());
    b.SetInsertPoint(it->second);
    run_twin();
  }
  return it->second;
}

llvm::Value* PacketAccess::ctx_u32(uint32_t offset) {
  // The verifier only accepts context loads at constant offsets from the
  // context pointer itself; preserve.static.offset keeps LLVM from rebasing
  // one context load on the address of another.
  auto& b = e_.b();
  llvm::Function* keep =
      llvm::Intrinsic::getDeclaration(&e_.state().module.module(), llvm::Intrinsic::preserve_static_offset);
  llvm::Value* base = b.CreateCall(keep, {e_.ctx()});
  llvm::Value* v = b.CreateAlignedLoad(b.getInt32Ty(), e_.at_offset(base, offset), llvm::MaybeAlign(4));
  return b.CreateZExt(v, e_.i64_type());
}

void PacketAccess::reject_unless(llvm::Value* ok, llvm::BasicBlock* reject) {
  auto* next = llvm::BasicBlock::Create(e_.llvm_context(), "pkt.ok", e_.function());
  e_.b().CreateCondBr(ok, next, reject);
  e_.b().SetInsertPoint(next);
}

// ------------------------------------------------------------------ reads

llvm::Value* PacketAccess::choose(llvm::Value* cond, const std::function<llvm::Value*()>& first,
                                  const std::function<llvm::Value*()>& second) {
  auto& b = e_.b();
  llvm::Value* slot = e_.temporary();
  e_.if_then(
      cond, [&] { b.CreateStore(first(), slot); }, [&] { b.CreateStore(second(), slot); });
  return b.CreateLoad(e_.i64_type(), slot);
}

llvm::Value* PacketAccess::read(llvm::Value* offset, unsigned size, llvm::BasicBlock* reject) {
  auto& b = e_.b();
  if (!direct()) return read_socket(offset, size, reject);
  auto past_tag = [&](llvm::Value* at) { return load_direct(true, b.CreateSub(at, e_.i64(kTagEnd)), size, reject); };
  auto plain = [&](llvm::Value* at) { return load_direct(false, at, size, reject); };
  auto* constant = llvm::dyn_cast<llvm::ConstantInt>(offset);
  if (constant != nullptr) {
    uint64_t at = constant->getZExtValue();
    if (at + size <= kTagStart || !tags_in_metadata()) return plain(offset);
    if (at >= kTagEnd) return past_tag(offset);
    if (at + size <= kTagStart + 2) {
      // The TPID: the skb has bytes 12..13 in any case (the inner EtherType),
      // so both are read and one chosen, which later reads can share.
      llvm::Value* tpid = b.CreateAnd(b.CreateLShr(tag_, 8 * (kTagEnd - at - size)), e_.i64((1ull << (8 * size)) - 1));
      return b.CreateSelect(tagged_, tpid, plain(offset));
    }
    return choose(
        tagged_, [&] { return read_across_tag(offset, size, [&](llvm::Value* r) { return load_direct(false, r, 1, reject); }); },
        [&] { return plain(offset); });
  }
  llvm::Value* after = b.CreateICmpUGE(offset, e_.i64(kTagEnd));
  if (!tags_in_metadata()) return plain(offset);
  llvm::Value* before = b.CreateICmpULE(b.CreateAdd(offset, e_.i64(size)), e_.i64(kTagStart));
  llvm::Value* across = b.CreateAnd(tagged_, b.CreateNot(b.CreateOr(after, before)));
  // Untagged, the frame is the skb: no path depends on where the offset falls.
  return choose(
      across, [&] { return read_across_tag(offset, size, [&](llvm::Value* r) { return load_direct(false, r, 1, reject); }); },
      [&] { return choose(b.CreateAnd(tagged_, after), [&] { return past_tag(offset); }, [&] { return plain(offset); }); });
}

llvm::Value* PacketAccess::read_through_helper(llvm::Value* offset, unsigned size, uint64_t at_least,
                                               llvm::BasicBlock* reject) {
  auto& b = e_.b();
  if (!tags_in_metadata()) return read_helper(offset, size, reject);
  // Past the tag for sure: no path across it for the verifier to walk each time round the loop.
  if (at_least >= kTagEnd) return read_helper(b.CreateSub(offset, shift()), size, reject);
  llvm::Value* after = b.CreateICmpUGE(offset, e_.i64(kTagEnd));
  llvm::Value* before = b.CreateICmpULE(b.CreateAdd(offset, e_.i64(size)), e_.i64(kTagStart));
  llvm::Value* across = b.CreateAnd(tagged_, b.CreateNot(b.CreateOr(after, before)));
  return choose(
      across, [&] { return read_across_tag(offset, size, [&](llvm::Value* r) { return read_helper(r, 1, reject); }); },
      [&] { return read_helper(b.CreateSub(offset, b.CreateSelect(after, shift(), e_.i64(0))), size, reject); });
}

llvm::Value* PacketAccess::equals(uint64_t offset, unsigned size, uint64_t value, llvm::BasicBlock* reject) {
  auto& b = e_.b();
  if (!tags_in_metadata() || offset != kTagStart || size != 2) {
    return b.CreateICmpEQ(read(e_.i64(offset), size, reject), e_.i64(value));
  }
  // The skb's bytes 12..13 (direct), or the window's (which holds the TPID when tagged).
  llvm::Value* at = direct() ? load_direct(false, e_.i64(offset), size, reject) : read_socket(e_.i64(offset), size, reject);
  llvm::Value* untagged_match = b.CreateICmpEQ(at, e_.i64(value));
  if (value != kTpid8021Q && value != kTpid8021AD) return b.CreateAnd(b.CreateNot(tagged_), untagged_match);
  return b.CreateSelect(tagged_, b.CreateICmpEQ(tpid_, e_.i64(value)), untagged_match);
}

llvm::Value* PacketAccess::read_across_tag(llvm::Value* offset, unsigned size,
                                           const std::function<llvm::Value*(llvm::Value*)>& skb_byte_at) {
  // The skb's bytes before the tag, the tag, the skb's bytes 4 earlier after it.
  auto& b = e_.b();
  llvm::Value* value = e_.i64(0);
  for (unsigned i = 0; i < size; ++i) {
    llvm::Value* at = b.CreateAdd(offset, e_.i64(i));
    llvm::Value* in_tag = b.CreateAnd(b.CreateICmpUGE(at, e_.i64(kTagStart)), b.CreateICmpULT(at, e_.i64(kTagEnd)));
    llvm::Value* real = b.CreateSelect(b.CreateICmpULT(at, e_.i64(kTagStart)), at, b.CreateSub(at, e_.i64(4)));
    llvm::Value* skb_byte = skb_byte_at(real);
    llvm::Value* shift = b.CreateShl(b.CreateAnd(b.CreateSub(e_.i64(kTagEnd - 1), at), e_.i64(3)), 3);
    llvm::Value* tag_byte = b.CreateAnd(b.CreateLShr(tag_, shift), e_.i64(0xff));
    value = b.CreateOr(b.CreateShl(value, 8), b.CreateSelect(in_tag, tag_byte, skb_byte));
  }
  return value;
}

llvm::Value* PacketAccess::load_direct(bool past_tag, llvm::Value* at, unsigned size, llvm::BasicBlock* reject) {
  auto& b = e_.b();
  if (replay_limit_) {
    // Replayed frames are padded; the captured length bounds them (no tags on replay).
    reject_unless(b.CreateICmpULE(b.CreateAdd(at, e_.i64(size)), limit()), reject);
  }
  if (!llvm::isa<llvm::ConstantInt>(at)) {
    reject_unless(b.CreateICmpULE(b.CreateAdd(at, e_.i64(size)), e_.i64(kMaxPacketOffset)), reject);
  }
  llvm::Value* p = nullptr;
  if (llvm::isa<llvm::ConstantInt>(at)) {
    p = past_tag ? after_tag(at) : b.CreateInBoundsGEP(b.getInt8Ty(), data_, at);
  } else {
    // The verifier knows that a compare covers a read only when both go
    // through one register (a pointer plus constants): every variable
    // offset added to a packet pointer gives it a new identity, and it
    // ignores compares of pointers with negative constant parts. The
    // optimiser reasons on values instead: it would drop or fold this
    // read's compare where others (or a known value of the offset) imply
    // it, and move constants out of the offset. Hidden from it, the whole
    // offset keeps each read its own compare on one register.
    // (An empty inline asm, which the back end cannot see through either,
    // unlike llvm.bpf.passthrough, which goes before instruction selection.)
    llvm::Value* whole = past_tag ? b.CreateAdd(b.CreateSelect(tagged_, e_.i64(kTagStart), e_.i64(kTagEnd)), at) : at;
    p = b.CreateInBoundsGEP(b.getInt8Ty(), data_, opaque(whole));
  }
  llvm::Value* in_linear = b.CreateICmpULE(b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), p, size), end_);
  // Natural alignment, as C header structs give: the kernel does not ask
  // for aligned packet loads where the CPU does not need them.
  auto load = [&] {
    llvm::Value* v = b.CreateAlignedLoad(b.getIntNTy(size * 8), p, llvm::MaybeAlign(size));
    if (size > 1) v = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, v);
    return b.CreateZExt(v, e_.i64_type());
  };
  // What lies past data_end is not read here: XDP programs (not loaded for
  // fragments) and replayed skbs have the whole packet before it, and a live
  // tc program hands packets with bytes in pages to its twin (past_end, body_starts).
  reject_unless(in_linear, past_end(reject));
  return load();
}

llvm::Value* PacketAccess::opaque(llvm::Value* v) {
  auto& b = e_.b();
  auto* barrier = llvm::InlineAsm::get(llvm::FunctionType::get(e_.i64_type(), {e_.i64_type()}, false), "", "=r,0",
                                       /*hasSideEffects=*/false);
  llvm::CallInst* hidden = b.CreateCall(barrier, {v});
  hidden->setDoesNotAccessMemory();  // so equal values still merge into one register
  hidden->setDoesNotThrow();
  hidden->addFnAttr(llvm::Attribute::WillReturn);
  return hidden;
}

llvm::Value* PacketAccess::read_socket(llvm::Value* offset, unsigned size, llvm::BasicBlock* reject) {
  auto& b = e_.b();
  if (window_ == nullptr) fill_window();
  // A variable offset whose range the optimiser knows (from an earlier test
  // of the same byte, as raw IP's version nibble and header length share
  // one) would lose the bound check the verifier needs.
  if (!llvm::isa<llvm::ConstantInt>(offset)) offset = opaque(offset);
  llvm::Type* type = b.getIntNTy(size * 8);
  auto from_window = [&] {
    llvm::Value* p = b.CreateInBoundsGEP(b.getInt8Ty(), window_, offset);
    llvm::Value* v = b.CreateAlignedLoad(type, p, llvm::MaybeAlign(size));
    if (size > 1) v = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, v);
    return b.CreateZExt(v, e_.i64_type());
  };
  // Past the window: the skb 4 bytes earlier when tagged (the window is longer than the tag's end).
  auto past = [&] { return read_helper(b.CreateSub(offset, shift()), size, reject); };
  llvm::Value* end = b.CreateAdd(offset, e_.i64(size));
  auto* constant = llvm::dyn_cast<llvm::ConstantInt>(offset);
  if (constant != nullptr && constant->getZExtValue() + size > kWindow) return past();
  // window_len_ is opaque to the optimiser, so the constant bound the
  // verifier needs for a variable offset survives.
  llvm::Value* inside = b.CreateICmpULE(end, window_len_);
  if (constant == nullptr) inside = b.CreateAnd(b.CreateICmpULE(offset, e_.i64(kWindow - size)), inside);
  // Outside a window that holds the whole frame is outside the frame.
  llvm::Value* longer = b.CreateICmpEQ(window_len_, e_.i64(kWindow));
  if (constant != nullptr) {
    reject_unless(b.CreateOr(inside, longer), reject);
    return choose(inside, from_window, past);
  }
  return choose(inside, from_window, [&] {
    reject_unless(longer, reject);
    return past();
  });
}

llvm::Value* PacketAccess::read_helper(llvm::Value* real, unsigned size, llvm::BasicBlock* reject) {
  auto& b = e_.b();
  if (replay_limit_) reject_unless(b.CreateICmpULE(b.CreateAdd(real, e_.i64(size)), limit()), reject);
  llvm::Value* ret = load_bytes_helper(scratch8_, b.CreateTrunc(real, b.getInt32Ty()), b.getInt32(size));
  reject_unless(b.CreateICmpEQ(ret, e_.i64(0)), reject);
  llvm::Value* v = b.CreateAlignedLoad(b.getIntNTy(size * 8), scratch8_, llvm::MaybeAlign(8));
  if (size > 1) v = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, v);
  return b.CreateZExt(v, e_.i64_type());
}

void PacketAccess::fill_window() {
  // At the end of the set-up block, so the window dominates every read.
  auto& b = e_.b();
  llvm::IRBuilderBase::InsertPointGuard keep(b);
  llvm::Instruction* branch = setup_->getTerminator();
  llvm::BasicBlock* next = branch->getSuccessor(0);
  branch->eraseFromParent();
  b.SetInsertPoint(setup_);
  window_ = e_.buffer(kWindow + 4, false);
  llvm::Value* n = b.CreateSelect(b.CreateICmpUGT(captured_length(), e_.i64(kWindow)), e_.i64(kWindow),
                                  captured_length());
  llvm::Value* ok = copy_frame(window_, n);
  llvm::Value* valid = b.CreateSelect(ok, n, e_.i64(0));
  llvm::Function* opaque = llvm::Intrinsic::getDeclaration(&e_.state().module.module(),
                                                           llvm::Intrinsic::bpf_passthrough,
                                                           {e_.i64_type(), e_.i64_type()});
  window_len_ = b.CreateCall(opaque, {b.getInt32(0), valid});
  b.CreateBr(next);
}

void PacketAccess::read_into(uint64_t offset, unsigned size, llvm::Value* dst, llvm::BasicBlock* reject) {
  auto& b = e_.b();
  for (unsigned at = 0; at < size; at += 8) {
    llvm::Value* word = nullptr;
    uint64_t where = offset + at;
    if (!direct() || (tags_in_metadata() && where < kTagEnd)) {
      word = b.CreateOr(b.CreateShl(read(e_.i64(where), 4, reject), 32), read(e_.i64(where + 4), 4, reject));
    } else {
      word = load_direct(where >= kTagEnd, e_.i64(where >= kTagEnd ? where - kTagEnd : where), 8, reject);
    }
    // Bytes in network order: the 8-byte word as it lies in the packet.
    b.CreateAlignedStore(b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, word), e_.at_offset(dst, at),
                         llvm::MaybeAlign(8));
  }
}

// ---------------------------------------------------------- whole packet

llvm::Value* PacketAccess::wire_length() {
  if (wire_ != nullptr) return wire_;
  if (type_ == ProgramType::Xdp) return e_.call_helper(BPF_FUNC_xdp_get_buff_len, e_.i64_type(), {e_.ctx()});
  return e_.b().CreateAdd(ctx_u32(offsetof(__sk_buff, len)), shift());
}

llvm::Value* PacketAccess::captured_length() {
  if (replay_limit_) return limit();
  return wire_length();
}

llvm::Value* PacketAccess::ifindex() {
  return ctx_u32(type_ == ProgramType::Xdp ? offsetof(xdp_md, ingress_ifindex) : offsetof(__sk_buff, ifindex));
}

llvm::Value* PacketAccess::load_bytes_helper(llvm::Value* dst, llvm::Value* offset32, llvm::Value* size32) {
  auto& b = e_.b();
  if (type_ == ProgramType::Xdp) {
    return e_.call_helper(BPF_FUNC_xdp_load_bytes, e_.i64_type(), {e_.ctx(), offset32, dst, size32});
  }
  if (type_ == ProgramType::SocketFilter && replay_) {
    // BPF_PROG_TEST_RUN leaves a socket filter's skb data at the network
    // header; the MAC header is where the frame starts. (The relative load
    // reads only the linear part, which a test run's skb is all of.)
    return e_.call_helper(BPF_FUNC_skb_load_bytes_relative, e_.i64_type(),
                          {e_.ctx(), offset32, dst, size32, b.getInt32(BPF_HDR_START_MAC)});
  }
  // Live packet sockets and tc see skb data from the MAC header on;
  // bpf_skb_load_bytes also reads what lies in the skb's pages.
  return e_.call_helper(BPF_FUNC_skb_load_bytes, e_.i64_type(), {e_.ctx(), offset32, dst, size32});
}

llvm::Value* PacketAccess::copy_real(llvm::Value* dst, llvm::Value* real, llvm::Value* n) {
  auto& b = e_.b();
  llvm::Value* ret =
      load_bytes_helper(dst, b.CreateTrunc(real, b.getInt32Ty()), b.CreateTrunc(n, b.getInt32Ty()));
  return b.CreateICmpEQ(ret, e_.i64(0));
}

llvm::Value* PacketAccess::copy_tagged(llvm::Value* dst, llvm::Value* n) {
  // The MAC addresses, the tag, then the rest of the skb.
  auto& b = e_.b();
  llvm::Value* ok = e_.temporary();
  b.CreateStore(e_.i64(1), ok);
  auto copy = [&](llvm::Value* to, uint64_t from, llvm::Value* count) {
    e_.if_then(b.CreateNot(copy_real(to, e_.i64(from), count)), [&] { b.CreateStore(e_.i64(0), ok); });
  };
  copy(dst, 0, b.CreateSelect(b.CreateICmpUGT(n, e_.i64(kTagStart)), e_.i64(kTagStart), n));
  e_.if_then(b.CreateICmpUGT(n, e_.i64(kTagStart)), [&] {
    llvm::Value* tag = b.CreateTrunc(tag_, b.getInt32Ty());
    b.CreateAlignedStore(b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, tag), e_.at_offset(dst, kTagStart),
                         llvm::MaybeAlign(4));
  });
  e_.if_then(b.CreateICmpUGT(n, e_.i64(kTagEnd)),
             [&] { copy(e_.at_offset(dst, kTagEnd), kTagStart, b.CreateSub(n, e_.i64(kTagEnd))); });
  return e_.is_true(b.CreateLoad(e_.i64_type(), ok));
}

llvm::Value* PacketAccess::copy_frame(llvm::Value* dst, llvm::Value* n) {
  auto& b = e_.b();
  auto untagged = [&] { return b.CreateZExt(copy_real(dst, e_.i64(0), n), e_.i64_type()); };
  // Helpers copy at least one byte.
  llvm::Value* ok = choose(
      b.CreateICmpEQ(n, e_.i64(0)), [&] { return e_.i64(1); },
      [&] {
        if (!tags_in_metadata()) return untagged();
        return choose(
            tagged_, [&] { return b.CreateZExt(copy_tagged(dst, n), e_.i64_type()); }, untagged);
      });
  return e_.is_true(ok);
}

}  // namespace stratoshark::codegen
