// Code for stats/hist/lhist and for the functions that act on whole maps.
//
// hist() and lhist() keep one per-CPU counter per (key, bucket): the bucket
// index is computed here and stored after the key proper (MapSpec::
// bucket_offset), so an update costs what count() costs. print(), clear()
// and zero() of a map are events: user space does the work when it reads
// the event, as the kernel side cannot walk a map cheaply.
#include "map_function_emitters.h"

#include "layout.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

void count_in_bucket(ProgramEmitter& e, MapTarget& t, llvm::Value* bucket) {
  store64(e, bucket, t.key, t.map.spec->bucket_offset);
  update_or_insert(
      e, t, [&](llvm::Value* p) { store64(e, e.b().CreateAdd(load64(e, p, 0), e.i64(1)), p, 0); },
      [&](llvm::Value* p) { store64(e, e.i64(1), p, 0); });
}

// 0 for negative values, 1 for 0, else 2 + floor(log2(v)).
llvm::Value* power_of_two_bucket(ProgramEmitter& e, llvm::Value* v, bool is_signed) {
  auto& b = e.b();
  llvm::Value* n = v;
  llvm::Value* log = e.i64(0);
  for (uint64_t shift : {32, 16, 8, 4, 2, 1}) {
    llvm::Value* above = b.CreateICmpUGT(n, e.i64((1ULL << shift) - 1));
    llvm::Value* by = b.CreateSelect(above, e.i64(shift), e.i64(0));
    n = b.CreateLShr(n, by);
    log = b.CreateOr(log, by);
  }
  llvm::Value* bucket = b.CreateSelect(b.CreateICmpEQ(v, e.i64(0)), e.i64(1), b.CreateAdd(log, e.i64(2)));
  if (is_signed) bucket = b.CreateSelect(b.CreateICmpSLT(v, e.i64(0)), e.i64(0), bucket);
  return bucket;
}

// 0 below min, 1 + (v - min) / step inside, N + 1 from min + N * step on.
llvm::Value* linear_bucket(ProgramEmitter& e, llvm::Value* v, bool is_signed, const runtime::MapSpec& spec) {
  auto& b = e.b();
  uint64_t min = static_cast<uint64_t>(spec.linear_min);
  uint64_t step = static_cast<uint64_t>(spec.linear_step);
  uint64_t buckets = (static_cast<uint64_t>(spec.linear_max) - min) / step;
  uint64_t end = min + buckets * step;
  llvm::Value* below;
  llvm::Value* beyond;
  if (is_signed) {
    below = b.CreateICmpSLT(v, e.i64(min));
    beyond = b.CreateICmpSGE(v, e.i64(end));
  } else {
    // An unsigned value is never below a negative bound, and always at or beyond one.
    below = spec.linear_min < 0 ? b.getFalse() : b.CreateICmpULT(v, e.i64(min));
    beyond = static_cast<int64_t>(end) < 0 ? b.getTrue() : b.CreateICmpUGE(v, e.i64(end));
  }
  llvm::Value* inside = b.CreateAdd(b.CreateUDiv(b.CreateSub(v, e.i64(min)), e.i64(step)), e.i64(1));
  return b.CreateSelect(below, e.i64(0), b.CreateSelect(beyond, e.i64(buckets + 1), inside));
}

const MapRef& map_argument(const Call& call) { return *cast<MapRef>(call.args[0]); }

void map_event(ProgramEmitter& e, const Call& call, runtime::EventType type) {
  MapHandle& m = e.map(map_argument(call).name);
  uint32_t index = e.map_index(m);
  emit_event(e, sizeof(runtime::EventHeader),
             [&](llvm::Value* record) { store_header(e, record, type, e.b().getInt32(index)); });
}

std::vector<const Expr*> key_arguments(const Call& call) {
  return std::vector<const Expr*>(call.args.begin() + 1, call.args.end());
}

// The callback of len(): adds one to the counter its context points to.
llvm::Function* count_entries_callback(ProgramEmitter& e, SourceRange where) {
  llvm::Module& module = e.state().module.module();
  constexpr const char* kName = "ss_count_entries";
  if (llvm::Function* f = module.getFunction(kName)) return f;
  auto& ctx = e.llvm_context();
  auto* ptr = llvm::PointerType::getUnqual(ctx);
  auto* type = llvm::FunctionType::get(llvm::Type::getInt64Ty(ctx), {ptr, ptr, ptr, ptr}, false);
  auto* f = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, kName, module);
  f->setSection(".text");
  f->addFnAttr(llvm::Attribute::NoUnwind);
  f->addFnAttr(llvm::Attribute::NoInline);
  llvm::DISubprogram* scope = e.state().module.callback_subprogram(f, 4, where);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", f));
  b.SetCurrentDebugLocation(e.state().module.location(where, scope));
  llvm::Value* counter = f->getArg(3);
  b.CreateStore(b.CreateAdd(b.CreateLoad(b.getInt64Ty(), counter), b.getInt64(1)), counter);
  b.CreateRet(b.getInt64(0));
  return f;
}

}  // namespace

Val emit_Stats(ProgramEmitter& e, const Call& call, MapTarget* t) {
  llvm::Value* v = e.expr(*call.args[0]).v;
  update_or_insert(
      e, *t,
      [&](llvm::Value* p) {
        store64(e, e.b().CreateAdd(load64(e, p, 0), v), p, 0);
        store64(e, e.b().CreateAdd(load64(e, p, 8), e.i64(1)), p, 8);
      },
      [&](llvm::Value* p) {
        store64(e, v, p, 0);
        store64(e, e.i64(1), p, 8);
      });
  return nothing();
}

Val emit_Hist(ProgramEmitter& e, const Call& call, MapTarget* t) {
  Val v = e.expr(*call.args[0]);
  count_in_bucket(e, *t, power_of_two_bucket(e, v.v, v.type.is_signed));
  return nothing();
}

Val emit_Lhist(ProgramEmitter& e, const Call& call, MapTarget* t) {
  Val v = e.expr(*call.args[0]);
  count_in_bucket(e, *t, linear_bucket(e, v.v, v.type.is_signed, *t->map.spec));
  return nothing();
}

Val emit_Print(ProgramEmitter& e, const Call& call, MapTarget*) {
  CodegenState& s = e.state();
  if (names_whole_map(FunctionId::Print, *call.args[0])) {
    llvm::Value* top = call.args.size() > 1 ? e.expr(*call.args[1]).v : e.i64(0);
    llvm::Value* div = call.args.size() > 2 ? e.expr(*call.args[2]).v : e.i64(1);
    uint32_t index = e.map_index(e.map(map_argument(call).name));
    emit_event(e, sizeof(runtime::EventHeader) + sizeof(runtime::PrintMapEvent), [&](llvm::Value* record) {
      store_header(e, record, runtime::EventType::PrintMap, e.b().getInt32(index));
      store64(e, top, record, sizeof(runtime::EventHeader));
      store64(e, div, record, sizeof(runtime::EventHeader) + 8);
    });
    return nothing();
  }
  Val v = e.expr(*call.args[0]);
  runtime::ValueLayout layout = layout_of(v.type, sizeof(runtime::EventHeader));
  uint32_t id = static_cast<uint32_t>(s.artifact.print_values.size());
  s.artifact.print_values.push_back(layout);
  uint32_t size = sizeof(runtime::EventHeader) + (layout.size + 7) / 8 * 8;
  emit_event(e, size, [&](llvm::Value* record) {
    store_header(e, record, runtime::EventType::PrintValue, e.b().getInt32(id));
    e.store_value(record, v, layout);
  });
  return nothing();
}

Val emit_Clear(ProgramEmitter& e, const Call& call, MapTarget*) {
  map_event(e, call, runtime::EventType::ClearMap);
  return nothing();
}

Val emit_Zero(ProgramEmitter& e, const Call& call, MapTarget*) {
  map_event(e, call, runtime::EventType::ZeroMap);
  return nothing();
}

Val emit_Delete(ProgramEmitter& e, const Call& call, MapTarget*) {
  const MapRef& ref = map_argument(call);
  MapHandle& m = e.map(ref.name);
  m.entries_used = true;
  llvm::Value* key = call.args.size() > 1 ? e.map_key(m, key_arguments(call)) : e.map_key(ref);
  e.call_helper(BPF_FUNC_map_delete_elem, e.i64_type(), {m.global, key});
  return nothing();
}

Val emit_HasKey(ProgramEmitter& e, const Call& call, MapTarget*) {
  MapHandle& m = e.map(map_argument(call).name);
  m.entries_used = true;
  llvm::Value* slot = e.lookup(m, e.map_key(m, key_arguments(call)));
  return {e.b().CreateZExt(e.b().CreateIsNotNull(slot), e.i64_type()), Type::u64()};
}

Val emit_Len(ProgramEmitter& e, const Call& call, MapTarget*) {
  MapHandle& m = e.map(map_argument(call).name);
  m.entries_used = true;
  llvm::Value* counter = e.stack_slot(8);  // the callback's context: on the stack
  e.b().CreateStore(e.i64(0), counter);
  llvm::Function* callback = count_entries_callback(e, call.loc);
  e.call_helper(BPF_FUNC_for_each_map_elem, e.i64_type(), {m.global, callback, counter, e.i64(0)});
  return {e.b().CreateLoad(e.i64_type(), counter), Type::u64()};
}

}  // namespace stratoshark::codegen
