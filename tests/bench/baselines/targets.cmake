# Baselines beside the project (tests/bench/baselines/README.md): plain Xapian,
# scriptindex's converter, SQLite FTS5 and bare cpp-httplib servers.
# Included from tests/bench/CMakeLists.txt, so paths are relative to tests/bench.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(Threads REQUIRED)

# Field conventions shared by every baseline program.
add_library(bench_baseline_records STATIC baselines/fields.cpp)
target_include_directories(bench_baseline_records PUBLIC baselines)
target_link_libraries(bench_baseline_records PUBLIC bench_common)

# The plain Xapian search, shared by bench_raw_xapian and bench_http_server.
add_library(bench_raw_xapian_search STATIC baselines/raw_xapian_search.cpp)
target_link_libraries(bench_raw_xapian_search PUBLIC bench_baseline_records PkgConfig::XAPIAN)

add_executable(bench_raw_xapian baselines/bench_raw_xapian.cpp)
target_link_libraries(bench_raw_xapian PRIVATE bench_raw_xapian_search)

add_executable(bench_fts5 baselines/bench_fts5.cpp baselines/fts5_store.cpp)
target_link_libraries(bench_fts5 PRIVATE bench_baseline_records PkgConfig::SQLITE3)

add_executable(bench_to_scriptindex baselines/bench_to_scriptindex.cpp)
target_link_libraries(bench_to_scriptindex PRIVATE bench_baseline_records)

add_executable(bench_http_server baselines/bench_http_server.cpp)
target_link_libraries(bench_http_server PRIVATE bench_raw_xapian_search PkgConfig::HTTPLIB Threads::Threads)
