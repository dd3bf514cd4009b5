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

# Every test. (The sanitizer pass, `make sanitize`, is not yet part of it.)
test: check

SANITIZE_FLAGS = -DSANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
CTEST_EXCLUDE ?=
check: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) $(if $(CTEST_EXCLUDE),-E "$(CTEST_EXCLUDE)")

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

# Only the sanitizer pass of `make test`.
sanitize:
	$(MAKE) check BUILD=build-sanitize CMAKE_FLAGS="$(SANITIZE_FLAGS)" CTEST_EXCLUDE="fuzz: |bench: "

clean:
	rm -rf $(BUILD) build-sanitize
