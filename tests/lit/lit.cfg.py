# lit configuration for StratoShark's end-to-end tests.
#
# Suites: parse/ (-d ast), sema/ (diagnostics), codegen/ (-d ir/asm, ELF),
# runtime/ (real kernel), cli/ (options, listing, exit codes).
# Every test that loads anything into the kernel belongs to the "kernel"
# parallelism group (one at a time), so each can check afterwards that no
# program or map of ours is left behind.
import os
import shutil

import lit.formats

config.name = "stratoshark"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".ss", ".test"]
config.excludes = ["tools", "Inputs", "lit.local.cfg"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.binary_root, "tests", "lit-out")

lit_config.parallelism_groups["kernel"] = 1

tools = os.path.join(config.test_source_root, "tools")
bindir = os.path.dirname(config.stratoshark)
python = shutil.which("python3") or "python3"

config.substitutions.append(("%stratoshark", config.stratoshark))
config.substitutions.append(("%openat_n", config.openat_n))
config.substitutions.append(("%read_sizes", config.read_sizes))
config.substitutions.append(("%workload", config.workload))
config.substitutions.append(("%helpers", os.path.join(config.source_root, "tests", "helpers")))
config.substitutions.append(("%probe_target", config.probe_target))
config.substitutions.append(("%filter-diff", config.filter_diff))
config.substitutions.append(("%pcap-dissect", config.pcap_dissect))
config.substitutions.append(("%python", python))
config.substitutions.append(("%shared", config.shared_root))
config.substitutions.append(("%net-run", f"{python} {tools}/net_run.py --stratoshark {config.stratoshark}"))
config.substitutions.append(("%trace", f"{python} {tools}/trace_run.py --stratoshark {config.stratoshark}"))
config.substitutions.append(("%expect-exit", f"{python} {tools}/expect_exit.py"))
config.substitutions.append(("%check-clean", f"{python} {tools}/check_clean.py"))
config.substitutions.append(("%compare-counts", f"{python} {tools}/compare_counts.py --stratoshark {config.stratoshark}"))
config.substitutions.append(("%bindir", bindir))
config.substitutions.append(("%verifier-check", config.verifier_check))
config.substitutions.append(("%bpf-cc", "clang-19 -g -O2 -target bpf -I/usr/include/x86_64-linux-gnu -I"
                             + os.path.join(config.test_source_root, "verifier", "Inputs") + " -c"))
config.substitutions.append(("%src", config.source_root))
config.substitutions.append(("FileCheck", config.filecheck))

# Kernel-facing suites are skipped in the sanitizer build (it runs the unit,
# parser and diagnostics tests); 'kernel' marks them.
if not config.sanitized:
    config.available_features.add("kernel")
else:
    config.available_features.add("sanitized")

# stratoshark itself (for shebang scripts), then LLVM's test tools (FileCheck, not).
llvm_bindir = os.path.dirname(config.filecheck)
config.environment["PATH"] = os.pathsep.join([bindir, llvm_bindir, os.environ.get("PATH", "")])
config.environment["LC_ALL"] = "C"
# The compile cache starts empty for every run of the suite (tests that check
# the cache itself give their own directory).
# BPF objects with our names that are loaded before the suite starts (left by
# something outside this run) are listed once here; check_clean.py ignores
# them and fails only on what this run leaves behind.
if not config.sanitized and shutil.which("bpftool"):
    import json
    import sys
    sys.path.insert(0, tools)
    import check_clean
    os.makedirs(config.test_exec_root, exist_ok=True)
    already = check_clean.ours()
    baseline_path = os.path.join(config.test_exec_root, "kernel-baseline.json")
    with open(baseline_path, "w") as f:
        json.dump(already, f)
    config.environment["SS_KERNEL_BASELINE"] = baseline_path
    if already:
        lit_config.warning("loaded before this run, ignored by %check-clean: " + ", ".join(already))
cache_dir = os.path.join(config.test_exec_root, "compile-cache")
shutil.rmtree(cache_dir, ignore_errors=True)
config.environment["STRATOSHARK_CACHE_DIR"] = cache_dir
