# The two commands of the README, and the steps they are made of.
#   make run   set up, build, index corpus/, serve the page on http://127.0.0.1:8080
#   make test  set up, build, run every test
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
INDEX ?= $(BUILD)/corpus-index
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: all setup configure build check test run index sanitize bench clean

all: build

setup:
	@scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# Every test, on a build with AddressSanitizer and UndefinedBehaviorSanitizer
# in build-sanitize/: what CI runs. `make check` runs the same suite on the
# plain build in build/ (the one `make run` serves). Both at once would not fit
# CI's 30 minutes on 2 cores; the sanitized build checks more.
test: sanitize

# -O1 without debug information: a third of the build time of -O2 -g, and
# reports still name the functions. The test programs themselves are built at
# -O0 (tests/CMakeLists.txt).
SANITIZE_FLAGS = -DSANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1
# A sanitizer report makes any program of the suite exit 99, which no test
# takes for one of the exit statuses it expects.
SANITIZE_ENV = ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0 \
  UBSAN_OPTIONS=exitcode=99:print_stacktrace=1:halt_on_error=1 LSAN_OPTIONS=exitcode=99
CTEST_ENV ?=
check: build
	cd $(BUILD) && $(CTEST_ENV) ctest --output-on-failure -j$(JOBS)

# From scratch: the sample archive takes a second, and an index left by an
# older build may have an older schema.
index: build
	rm -rf $(INDEX)
	$(BUILD)/bin/indexer --db $(INDEX) corpus

run: index
	$(BUILD)/bin/searchd --db $(INDEX) --host $(HOST) --port $(PORT) --web web --synonyms corpus/config/synonyms.conf

# Benchmarks beside raw Xapian, scriptindex and SQLite FTS5 (tests/bench/RESULTS.md).
# BENCH_SIZES picks corpus sizes, e.g. BENCH_SIZES=21k,100k,1M.
BENCH_SIZES ?= 21k
bench: build
	tests/bench/run.sh --build $(BUILD) --sizes $(BENCH_SIZES)

sanitize:
	$(MAKE) check BUILD=build-sanitize CMAKE_FLAGS="$(SANITIZE_FLAGS)" CTEST_ENV="$(SANITIZE_ENV)"

clean:
	rm -rf $(BUILD) build-sanitize
