// PacketAccess: the bytes of the frame a network program sees, read through
// one bounds-checked primitive. Private to codegen (used by PacketEmitter).
//
// The frame is the packet from its MAC header on, as it was on the wire and
// as tcpdump shows and writes it. Live Linux capture takes the outer
// 802.1Q/802.1ad tag out of the bytes into skb metadata before socket
// filters and tc programs run (XDP sees the bytes as the driver delivers
// them). So in live socket and tc programs, when __sk_buff.vlan_present says
// a tag was taken out, the frame has it back: offsets 12..15 read the TPID
// (vlan_proto) and TCI (vlan_tci), later offsets read the skb 4 bytes
// earlier, and the frame is 4 bytes longer than the skb. Offline replay
// feeds the file's bytes, tags included, so live and offline agree.
//
// Bounds: a read of bytes outside the frame (past the captured bytes on
// replay) branches to the reject block given. tc and xdp read the packet
// directly (data/data_end: a compare per read, which the optimiser drops
// where an earlier compare covers it). Socket filters have no direct access:
// the frame's first kWindow bytes (the tag put back) are copied once per run
// into a per-CPU scratch window and read from there; reads past it use the
// kernel's byte-copy helper.
//
// A live skb may keep part of the packet in pages past data_end (the payload
// of a TCP segment the stack built, say), where direct reads cannot go. So
// a live tc probe is emitted twice: the direct program, and a twin (TcTwin)
// that reads like a socket filter (window and helper, bpf_skb_load_bytes)
// and so sees every byte, as a subprogram of it. The direct program hands a
// packet over (calls the twin and returns its answer) while nothing has
// happened yet: when a read in the predicate goes past data_end, and at the
// start of the body when not all of the packet lies before data_end. So the
// probe runs once either way, and a predicate that rejects a packet costs no
// more than a hand-written filter.
#pragma once

#include <functional>
#include <map>

#include "program_emitter.h"

namespace stratoshark::codegen {

class PacketAccess {
 public:
  // Emits the per-run set-up (context loads) at the builder's position,
  // which must dominate every packet access: the start of the probe body.
  PacketAccess(ProgramEmitter& e, lang::ProgramType type, bool replay, std::optional<TcTwin> twin);

  // Frame bytes [offset, offset + size) as a big-endian i64 (size 1, 2 or 4).
  llvm::Value* read(llvm::Value* offset, unsigned size, llvm::BasicBlock* reject);
  // The probe's predicate (if any) has passed; its body starts here.
  void body_starts();

  // read() for an offset carried around a loop (ip protochain): through the
  // kernel's helpers, which the verifier checks without tracking the offset
  // precisely, so the states of successive iterations prune.
  // `at_least` is a bound known below the offset.
  llvm::Value* read_through_helper(llvm::Value* offset, unsigned size, uint64_t at_least, llvm::BasicBlock* reject);
  // Whether the frame's `size` bytes at `offset` equal `value` (i1). At the
  // EtherType of a tagged frame only the kernel's TPIDs can match; saying so
  // lets the optimiser drop the tag paths behind, say, an IPv4 test.
  llvm::Value* equals(uint64_t offset, unsigned size, uint64_t value, llvm::BasicBlock* reject);
  // Copies `size` frame bytes (a multiple of 8) at the constant `offset`, in
  // network order, to the 8-aligned `dst`.
  void read_into(uint64_t offset, unsigned size, llvm::Value* dst, llvm::BasicBlock* reject);
  // The frame's length on the wire, and the bytes of it the program can read (i64).
  llvm::Value* wire_length();
  llvm::Value* captured_length();
  // Copies the first `n` (i64, at most captured_length()) bytes of the
  // frame to `dst`, which has room for n + 4 bytes; returns an i1 that is
  // false when the kernel refused the copy.
  llvm::Value* copy_frame(llvm::Value* dst, llvm::Value* n);
  llvm::Value* ifindex();  // i64

  // Bytes copied into the socket filters' window.
  static constexpr uint32_t kWindow = 128;

 private:
  bool direct() const { return type_ != lang::ProgramType::SocketFilter && !(twin_ && twin_->is_twin); }
  bool tags_in_metadata() const { return type_ != lang::ProgramType::Xdp && !replay_; }
  llvm::Value* ctx_u32(uint32_t offset);  // i64
  // Live tc (direct): packets that may lie partly in pages go to the twin.
  bool hands_to_twin() const;
  // Ends this run with the twin's run (a call of the twin subprogram).
  void run_twin();
  // Where a direct read past data_end goes: `reject`, or first to the twin.
  llvm::BasicBlock* past_end(llvm::BasicBlock* reject);
  // 4 when tagged, else 0, and where frame byte 16 + `at` (a constant) lies
  // in the packet (tc, xdp): computed where used, so that below a test that
  // found the frame untagged (or tagged) they fold to constants.
  llvm::Value* shift();
  llvm::Value* after_tag(llvm::Value* at);
  llvm::Value* limit();  // replay: the captured length
  void reject_unless(llvm::Value* ok, llvm::BasicBlock* reject);
  // `first` when `cond` (i1) holds, else `second`; each runs only on its own path.
  llvm::Value* choose(llvm::Value* cond, const std::function<llvm::Value*()>& first,
                      const std::function<llvm::Value*()>& second);
  // tc, xdp: `size` bytes at `at` bytes past data, or past where frame byte
  // 16 lies (past_tag).
  llvm::Value* load_direct(bool past_tag, llvm::Value* at, unsigned size, llvm::BasicBlock* reject);
  // `v` unchanged, but opaque to the optimiser (see load_direct): a bound
  // checked on the result stays checked, on the register the read uses.
  llvm::Value* opaque(llvm::Value* v);
  // socket: frame bytes from the window, or past it from the skb.
  llvm::Value* read_socket(llvm::Value* offset, unsigned size, llvm::BasicBlock* reject);
  // skb (or xdp) bytes [real, real + size) through the kernel's helper.
  llvm::Value* read_helper(llvm::Value* real, unsigned size, llvm::BasicBlock* reject);
  // tc: a read overlapping the tag put back at 12..15, byte by byte (tagged
  // frames only), the skb's bytes read with `skb_byte_at`.
  llvm::Value* read_across_tag(llvm::Value* offset, unsigned size,
                               const std::function<llvm::Value*(llvm::Value*)>& skb_byte_at);
  void fill_window();
  // The kernel's byte-copy helper for this program type (returns its i64 result).
  llvm::Value* load_bytes_helper(llvm::Value* dst, llvm::Value* offset32, llvm::Value* size32);
  // Copies `n` (>= 1) skb bytes from `real` to `dst`; i1 ok.
  llvm::Value* copy_real(llvm::Value* dst, llvm::Value* real, llvm::Value* n);
  // copy_real of the frame's first n bytes, the tag put back; i1 ok.
  llvm::Value* copy_tagged(llvm::Value* dst, llvm::Value* n);

  ProgramEmitter& e_;
  lang::ProgramType type_;
  bool replay_;
  std::optional<TcTwin> twin_;
  llvm::Value* data_ = nullptr;     // tc, xdp: the packet and its end
  llvm::Value* end_ = nullptr;
  bool replay_limit_ = false;       // replay: the frame may be padded past the captured length, limit()
  llvm::Value* meta_ = nullptr;     // xdp replay: the metadata holding the lengths
  llvm::Value* wire_ = nullptr;     // replay: the length on the wire
  llvm::Value* tagged_ = nullptr;   // i1: a tag was taken out into the metadata
  llvm::Value* present_ = nullptr;  // i64: 1 when tagged, else 0
  llvm::Value* tag_ = nullptr;      // i64: the tag as its 4 frame bytes, big-endian
  llvm::Value* tpid_ = nullptr;     // i64: its first two
  llvm::Value* window_ = nullptr;   // socket: the frame's first kWindow bytes
  llvm::Value* window_len_ = nullptr;  // socket: how many of them are valid (opaque to the optimiser)
  llvm::Value* scratch8_ = nullptr;    // where helper reads land
  llvm::BasicBlock* setup_ = nullptr;  // holds the set-up; the window copy is added on first use
  bool body_started_ = false;
  std::map<llvm::BasicBlock*, llvm::BasicBlock*> twin_exits_;  // past_end() blocks by reject block
};

}  // namespace stratoshark::codegen
