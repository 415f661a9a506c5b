#include "module_emitter.h"

#include <linux/bpf.h>

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/DiagnosticPrinter.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/DeadStoreElimination.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>

extern "C" {
void LLVMInitializeBPFTargetInfo();
void LLVMInitializeBPFTarget();
void LLVMInitializeBPFTargetMC();
void LLVMInitializeBPFAsmPrinter();
}

namespace stratoshark::codegen {

namespace {
constexpr const char* kTriple = "bpfel";

void initialize_bpf_target() {
  static bool done = [] {
    LLVMInitializeBPFTargetInfo();
    LLVMInitializeBPFTarget();
    LLVMInitializeBPFTargetMC();
    LLVMInitializeBPFAsmPrinter();
    return true;
  }();
  (void)done;
}
}  // namespace

ModuleEmitter::ModuleEmitter(const lang::SourceManager& sources, const CodegenOptions& options)
    : sources_(sources), options_(options) {
  initialize_bpf_target();
  context_ = std::make_unique<llvm::LLVMContext>();
  module_ = std::make_unique<llvm::Module>("stratoshark", *context_);
  module_->setTargetTriple(kTriple);
  std::string lookup_error;
  if (const llvm::Target* target = llvm::TargetRegistry::lookupTarget(kTriple, lookup_error)) {
    llvm::TargetOptions target_options;
    machine_.reset(target->createTargetMachine(kTriple, options_.cpu, "", target_options, std::nullopt, std::nullopt,
                                               llvm::CodeGenOptLevel::Default));
    // Alignments chosen while building IR come from this layout.
    module_->setDataLayout(machine_->createDataLayout());
  }
  module_->addModuleFlag(llvm::Module::Warning, "Debug Info Version", llvm::DEBUG_METADATA_VERSION);
  // BTF (types, line info) is derived from debug info by the BPF backend.
  // The DWARF sections the generic AsmPrinter would also emit are unused by
  // libbpf and the kernel; a "CodeView" flag without a "Dwarf Version" flag
  // makes the AsmPrinter skip them (not applicable to BPF, so no CodeView is
  // emitted either), which saves a fifth of the back end's time.
  module_->addModuleFlag(llvm::Module::Warning, "CodeView", 1);
  // Backend problems (an unsupported operation, say) become our error, not exit().
  context_->setDiagnosticHandlerCallBack(
      [](const llvm::DiagnosticInfo* info, void* sink) {
        if (info->getSeverity() != llvm::DS_Error) return;
        std::string text;
        llvm::raw_string_ostream os(text);
        llvm::DiagnosticPrinterRawOStream printer(os);
        info->print(printer);
        auto* errors = static_cast<std::string*>(sink);
        if (!errors->empty()) *errors += "; ";
        *errors += text;
      },
      &backend_errors_);
  di_ = std::make_unique<llvm::DIBuilder>(*module_);
  cu_ = di_->createCompileUnit(llvm::dwarf::DW_LANG_C99, file(0), "stratoshark", /*isOptimized=*/true, "", 0);

  // Helpers such as bpf_probe_read_kernel and bpf_ringbuf_* are GPL-only.
  auto* license = llvm::ConstantDataArray::getString(*context_, "GPL", /*AddNull=*/true);
  auto* gv = new llvm::GlobalVariable(*module_, license->getType(), /*isConstant=*/true,
                                      llvm::GlobalValue::ExternalLinkage, license, "_license");
  gv->setSection("license");
  gv->setAlignment(llvm::Align(1));
}

ModuleEmitter::~ModuleEmitter() = default;

llvm::DIFile* ModuleEmitter::file(lang::FileId id) {
  auto it = files_.find(id);
  if (it != files_.end()) return it->second;
  llvm::DIFile* f;
  if (id < sources_.size()) {
    const auto& source = sources_.file(id);
    // Embedding the text lets BTF line info carry each source line.
    f = di_->createFile(source.name(), "", std::nullopt, llvm::StringRef(source.text()));
  } else {
    f = di_->createFile("<none>", "", std::nullopt, llvm::StringRef(""));
  }
  files_.emplace(id, f);
  return f;
}

llvm::DIType* ModuleEmitter::di_int(unsigned bits, bool is_signed) {
  const char* name = nullptr;
  switch (bits) {
    case 8: name = is_signed ? "signed char" : "unsigned char"; break;
    case 16: name = is_signed ? "short" : "unsigned short"; break;
    case 32: name = is_signed ? "int" : "unsigned int"; break;
    default: name = is_signed ? "long long" : "unsigned long long"; break;
  }
  return di_->createBasicType(name, bits, is_signed ? llvm::dwarf::DW_ATE_signed : llvm::dwarf::DW_ATE_unsigned);
}

llvm::DIType* ModuleEmitter::di_char_array(uint32_t length) {
  auto* ch = di_->createBasicType("char", 8, llvm::dwarf::DW_ATE_signed_char);
  auto* range = di_->getOrCreateSubrange(0, static_cast<int64_t>(length));
  return di_->createArrayType(static_cast<uint64_t>(length) * 8, 8, ch, di_->getOrCreateArray({range}));
}

llvm::DIType* ModuleEmitter::di_struct(const std::string& name, const std::vector<DIMember>& members, uint64_t size) {
  std::vector<llvm::Metadata*> elements;
  for (const auto& m : members) {
    elements.push_back(di_->createMemberType(cu_, m.name, file(0), 0, m.type->getSizeInBits(), 8, m.offset * 8,
                                             llvm::DINode::FlagZero, m.type));
  }
  return di_->createStructType(cu_, name, file(0), 0, size * 8, 64, llvm::DINode::FlagZero, nullptr,
                               di_->getOrCreateArray(elements));
}

llvm::DIType* ModuleEmitter::di_for(const runtime::ValueLayout& layout) {
  using runtime::ValueKind;
  switch (layout.kind) {
    case ValueKind::Int:
      return di_int(layout.size * 8, layout.is_signed);
    case ValueKind::String:
    case ValueKind::Address:
      return di_char_array(layout.size);
    case ValueKind::ProbeName:
    case ValueKind::Count:
    case ValueKind::Hist:
    case ValueKind::Lhist:
      return di_int(64, false);
    case ValueKind::Sum:
      return di_int(64, layout.is_signed);
    case ValueKind::Min:
    case ValueKind::Max:
      return di_struct("", {{"value", di_int(64, layout.is_signed), 0}, {"set", di_int(64, false), 8}}, 16);
    case ValueKind::Avg:
    case ValueKind::Stats:
      return di_struct("", {{"sum", di_int(64, layout.is_signed), 0}, {"count", di_int(64, false), 8}}, 16);
    case ValueKind::Bool:
    case ValueKind::Pointer:
    case ValueKind::Timestamp:
    case ValueKind::FuncName:
      return di_int(64, false);
    case ValueKind::Array: {
      llvm::DIType* element = di_for(layout.elements.at(0));
      uint32_t count = layout.elements[0].size == 0 ? 0 : layout.size / layout.elements[0].size;
      auto* range = di_->getOrCreateSubrange(0, static_cast<int64_t>(count));
      return di_->createArrayType(static_cast<uint64_t>(layout.size) * 8, 8, element, di_->getOrCreateArray({range}));
    }
    case ValueKind::Buffer:
    case ValueKind::KernelStack:
    case ValueKind::UserStack:
    case ValueKind::KernelSymbol:
    case ValueKind::UserSymbol:
      return di_char_array(layout.size);
    case ValueKind::Tuple: {
      std::vector<DIMember> members;
      for (size_t i = 0; i < layout.elements.size(); ++i) {
        members.push_back({"f" + std::to_string(i), di_for(layout.elements[i]), layout.elements[i].offset});
      }
      return di_struct("", members, layout.size);
    }
  }
  return di_int(64, false);
}

llvm::GlobalVariable* ModuleEmitter::define_map(const std::string& name, uint32_t bpf_map_type, uint32_t max_entries,
                                                llvm::DIType* key, llvm::DIType* value, uint32_t flags) {
  llvm::GlobalVariable* gv = declare_map(name);
  describe_map(gv, bpf_map_type, max_entries, key, value, flags);
  return gv;
}

llvm::GlobalVariable* ModuleEmitter::declare_map(const std::string& name) {
  // The IR type only sizes the symbol; libbpf reads the definition from BTF.
  auto* ptr = llvm::PointerType::getUnqual(*context_);
  auto* struct_type = llvm::StructType::get(*context_, {ptr, ptr, ptr, ptr, ptr});
  auto* gv = new llvm::GlobalVariable(*module_, struct_type, false, llvm::GlobalValue::ExternalLinkage,
                                      llvm::ConstantAggregateZero::get(struct_type), name);
  gv->setSection(".maps");
  gv->setAlignment(llvm::Align(8));
  return gv;
}

llvm::GlobalVariable* ModuleEmitter::define_global_word(const std::string& name, const std::string& section) {
  auto* type = llvm::Type::getInt64Ty(*context_);
  auto* gv = new llvm::GlobalVariable(*module_, type, false, llvm::GlobalValue::ExternalLinkage,
                                      llvm::ConstantInt::get(type, 0), name);
  gv->setSection(section);
  gv->setAlignment(llvm::Align(8));
  // BTF's DATASEC for the section comes from this (libbpf types the map with it).
  gv->addDebugInfo(di_->createGlobalVariableExpression(cu_, name, name, file(0), 0, di_int(64, false),
                                                       /*isLocalToUnit=*/false));
  return gv;
}

void ModuleEmitter::describe_map(llvm::GlobalVariable* gv, uint32_t bpf_map_type, uint32_t max_entries,
                                 llvm::DIType* key, llvm::DIType* value, uint32_t flags) {
  // BTF map definition:
  //   struct { int (*type)[T]; int (*max_entries)[N]; K *key; V *value; int (*map_flags)[F]; }
  auto* int_type = di_int(32, true);
  auto array_of = [&](uint32_t n) {
    auto* range = di_->getOrCreateSubrange(0, static_cast<int64_t>(n));
    return di_->createArrayType(static_cast<uint64_t>(n) * 32, 32, int_type, di_->getOrCreateArray({range}));
  };
  auto pointer_to = [&](llvm::DIType* t) { return di_->createPointerType(t, 64); };
  std::vector<DIMember> members = {
      {"type", pointer_to(array_of(bpf_map_type)), 0},
      {"max_entries", pointer_to(array_of(max_entries)), 8},
  };
  if (key != nullptr) members.push_back({"key", pointer_to(key), members.size() * 8});
  if (value != nullptr) members.push_back({"value", pointer_to(value), members.size() * 8});
  if (flags != 0) members.push_back({"map_flags", pointer_to(array_of(flags)), members.size() * 8});
  auto* def_type = di_struct("", members, 40);
  auto* expr = di_->createGlobalVariableExpression(cu_, gv->getName(), gv->getName(), file(0), 0, def_type,
                                                   /*isLocalToUnit=*/false);
  gv->addDebugInfo(expr);
}

llvm::DISubprogram* ModuleEmitter::subprogram(llvm::Function* function, lang::SourceRange where) {
  llvm::DIFile* f = file(where.file);
  uint32_t line = where.file < sources_.size() ? sources_.file(where.file).position(where.begin).line : 0;
  auto* void_ptr = di_->createPointerType(nullptr, 64);
  auto* type = di_->createSubroutineType(di_->getOrCreateTypeArray({di_int(32, true), void_ptr}));
  auto* sp = di_->createFunction(f, function->getName(), function->getName(), f, line, type, line,
                                 llvm::DINode::FlagPrototyped, llvm::DISubprogram::SPFlagDefinition);
  di_->createParameterVariable(sp, "ctx", 1, f, line, void_ptr, /*AlwaysPreserve=*/true);
  function->setSubprogram(sp);
  return sp;
}

llvm::DISubprogram* ModuleEmitter::callback_subprogram(llvm::Function* function, unsigned params,
                                                       lang::SourceRange where) {
  llvm::DIFile* f = file(where.file);
  uint32_t line = where.file < sources_.size() ? sources_.file(where.file).position(where.begin).line : 0;
  auto* void_ptr = di_->createPointerType(nullptr, 64);
  std::vector<llvm::Metadata*> types = {di_int(64, true)};
  for (unsigned i = 0; i < params; ++i) types.push_back(void_ptr);
  auto* type = di_->createSubroutineType(di_->getOrCreateTypeArray(types));
  auto* sp = di_->createFunction(f, function->getName(), function->getName(), f, line, type, line,
                                 llvm::DINode::FlagPrototyped,
                                 llvm::DISubprogram::SPFlagDefinition | llvm::DISubprogram::SPFlagLocalToUnit);
  for (unsigned i = 0; i < params; ++i) {
    di_->createParameterVariable(sp, "arg" + std::to_string(i), i + 1, f, line, void_ptr, /*AlwaysPreserve=*/true);
  }
  function->setSubprogram(sp);
  return sp;
}

llvm::DILocation* ModuleEmitter::location(lang::SourceRange where, llvm::DIScope* scope) {
  if (where.file >= sources_.size()) return llvm::DILocation::get(*context_, 0, 0, scope);
  auto pos = sources_.file(where.file).position(where.begin);
  return llvm::DILocation::get(*context_, pos.line, pos.column, scope);
}

runtime::SourcePosition ModuleEmitter::position(lang::SourceRange where) const {
  runtime::SourcePosition p;
  if (where.file >= sources_.size()) return p;
  const auto& file = sources_.file(where.file);
  auto lc = file.position(where.begin);
  p.file = file.name();
  p.line = lc.line;
  p.column = lc.column;
  p.length = where.end - where.begin;
  return p;
}

std::string ModuleEmitter::source_line(lang::SourceRange where) const {
  if (where.file >= sources_.size()) return {};
  const std::string& text = sources_.file(where.file).text();
  size_t begin = text.rfind('\n', where.begin == 0 ? 0 : where.begin - 1);
  begin = begin == std::string::npos || where.begin == 0 ? 0 : begin + 1;
  size_t end = text.find('\n', where.begin);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

std::optional<std::vector<uint8_t>> ModuleEmitter::compile(std::string& error, std::string* ir_before,
                                                           std::string* ir_after) {
  di_->finalize();
  std::string verify_errors;
  llvm::raw_string_ostream verify_stream(verify_errors);
  if (llvm::verifyModule(*module_, &verify_stream)) {
    error = "internal error: generated LLVM IR is invalid: " + verify_errors;
    return std::nullopt;
  }
  if (ir_before != nullptr) {
    llvm::raw_string_ostream os(*ir_before);
    module_->print(os, nullptr);
  }

  if (!machine_) {
    error = "LLVM has no BPF target";
    return std::nullopt;
  }
  llvm::TargetMachine* machine = machine_.get();
  {
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PassBuilder pb(machine);
    machine->registerPassBuilderCallbacks(pb);
    pb.registerModuleAnalyses(mam);
    pb.registerCGSCCAnalyses(cgam);
    pb.registerFunctionAnalyses(fam);
    pb.registerLoopAnalyses(lam);
    pb.crossRegisterProxies(lam, fam, cgam, mam);
    // Probe bodies are single functions with no calls: the per-function
    // simplification pipeline (plus the BPF target's own passes at their
    // extension points), without the inliner and call-graph machinery,
    // which cost start-up time. O1 gives tracing programs the same
    // instructions as O2/O3; packet programs need O2 (optimise_packet_programs).
    llvm::OptimizationLevel level = packet_programs_ ? llvm::OptimizationLevel::O2 : llvm::OptimizationLevel::O1;
    llvm::ModulePassManager mpm;
    pb.invokePipelineStartEPCallbacks(mpm, level);
    pb.invokePipelineEarlySimplificationEPCallbacks(mpm, level);
    mpm.addPass(llvm::createModuleToFunctionPassAdaptor(
        pb.buildFunctionSimplificationPipeline(level, llvm::ThinOrFullLTOPhase::None)));
    if (!packet_programs_) {
      // A map key stored again with the value it holds goes (DSE); then the
      // second lookup of that key is the first one's (EarlyCSE: lookups read
      // only their arguments) and its null check is known (SimplifyCFG).
      llvm::FunctionPassManager again;
      again.addPass(llvm::DSEPass());
      again.addPass(llvm::EarlyCSEPass(/*UseMemorySSA=*/true));
      again.addPass(llvm::SimplifyCFGPass());
      again.addPass(llvm::InstCombinePass());
      mpm.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(again)));
    }
    mpm.run(*module_, mam);
  }
  if (ir_after != nullptr) {
    llvm::raw_string_ostream os(*ir_after);
    module_->print(os, nullptr);
  }

  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream out(buffer);
  llvm::legacy::PassManager pm;
  if (machine->addPassesToEmitFile(pm, out, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    error = "LLVM cannot emit a BPF object file";
    return std::nullopt;
  }
  pm.run(*module_);
  if (!backend_errors_.empty()) {
    error = "the BPF backend rejected the program: " + backend_errors_;
    return std::nullopt;
  }
  return std::vector<uint8_t>(buffer.begin(), buffer.end());
}

}  // namespace stratoshark::codegen
