# Thin wrapper around CMake/Ninja. `make run` and `make test` set up a fresh
# Debian bookworm machine themselves (apt-get as root), then build and run.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
# libFuzzer time budget: a bounded smoke run in `make test`, longer in `make fuzz`.
FUZZ_SECONDS ?= 60
RUN_ARGS   ?= examples/syscalls_top.ss
LIT        := python3 /usr/lib/llvm-19/build/utils/lit/lit.py
CMAKE_GEN  := -G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19

# Everything the build and the tests need, from Debian.
PACKAGES := clang-19 llvm-19-dev llvm-19-tools libclang-rt-19-dev libz3-dev zlib1g-dev libzstd-dev \
            libbpf-dev libelf-dev systemtap-sdt-dev bpftool re2c bison cmake ninja-build ccache pkg-config \
            libfmt-dev nlohmann-json3-dev libxxhash-dev libcli11-dev libgtest-dev \
            python3 iproute2 libpcap-dev tcpdump python3-scapy tshark wireshark-common
# What `make bench` compares against and measures with.
BENCH_PACKAGES := bpftrace hyperfine time

.PHONY: all deps bench-deps configure build run test unit lit asan asan-test fuzz-build fuzz-smoke fuzz bench clean

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

bench-deps:
	@$(MAKE) --no-print-directory deps PACKAGES="$(BENCH_PACKAGES)"

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD)

# The main job on an embedded default: the busiest system callers for 3 s.
run: build
	$(BUILD)/cli/stratoshark $(RUN_ARGS)

unit: build
	$(BUILD)/tests/unit/ss_unit_tests --gtest_brief=1

lit: build
	flock /tmp/stratoshark-lit.lock $(LIT) -sv $(BUILD)/tests/lit

# AddressSanitizer + UndefinedBehaviorSanitizer build: unit, parser and
# diagnostics tests (the kernel-facing suites run in the normal build).
$(ASAN_BUILD)/build.ninja: | deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSS_SANITIZE=ON

asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD)

asan-test: asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(ASAN_BUILD)/tests/unit/ss_unit_tests --gtest_brief=1
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(LIT) -sv $(ASAN_BUILD)/tests/lit

# libFuzzer over the front end (lexer, parser, filter parser, type checker,
# estimator) with ASan + UBSan. Seeds: every program in the tests and examples.
$(FUZZ_BUILD)/build.ninja: | deps
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSS_SANITIZE=ON -DSS_FUZZ=ON

fuzz-build: deps $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) --target ss_fuzz_frontend

fuzz-smoke: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/corpus
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(FUZZ_BUILD)/tests/fuzz/ss_fuzz_frontend -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -dict=tests/fuzz/stratoshark.dict -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/ \
	  $(FUZZ_BUILD)/corpus tests/corpus examples tests/lit/runtime/Inputs tests/lit/cli/Inputs

# `make fuzz` runs for half an hour unless FUZZ_SECONDS=N says otherwise.
fuzz: FUZZ_SECONDS = 1800
fuzz: fuzz-smoke

test: unit lit asan-test fuzz-smoke

bench: build bench-deps
	bench/startup.sh $(BUILD)/cli/stratoshark
	python3 bench/dissect.py $(BUILD)
	python3 bench/filter_cost.py $(BUILD)
	python3 bench/stdlib.py $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
