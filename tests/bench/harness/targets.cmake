# The benchmark harness (tests/bench/run.sh drives it): the corpus scaler, the
# query mix, the libsearch query bench, the measuring and reporting helpers.
# Included from tests/bench/CMakeLists.txt, so paths are relative to tests/bench.
find_package(CLI11 2 REQUIRED)

# The word tokenizer the scaler and the mix share.
add_library(bench_harness_records STATIC harness/words.cpp)
target_include_directories(bench_harness_records PUBLIC harness)
target_link_libraries(bench_harness_records PUBLIC bench_common)

add_executable(scale_corpus ${PROJECT_SOURCE_DIR}/corpus/generators/scale_corpus.cpp)
target_link_libraries(scale_corpus PRIVATE bench_harness_records CLI11::CLI11)

add_executable(make_query_mix harness/make_query_mix.cpp)
target_link_libraries(make_query_mix PRIVATE bench_harness_records CLI11::CLI11)

add_executable(bench_query_libsearch harness/bench_query_libsearch.cpp)
target_link_libraries(bench_query_libsearch PRIVATE libsearch::libsearch bench_common CLI11::CLI11)

add_executable(bench_mix_paths harness/bench_mix_paths.cpp)
target_link_libraries(bench_mix_paths PRIVATE bench_common CLI11::CLI11)
target_include_directories(bench_mix_paths PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)

add_executable(bench_measure harness/bench_measure.cpp)
add_executable(bench_free_port harness/bench_free_port.cpp)

add_executable(bench_report harness/bench_report.cpp harness/report_render.cpp)
target_link_libraries(bench_report PRIVATE bench_harness_records CLI11::CLI11)

# CTest: the whole runner once at a small size. Every program it runs is part
# of the default build (`cmake --build`, `make test`); `bench_programs` builds
# just those. The baselines' targets exist once their targets.cmake does.
set(bench_smoke_programs scale_corpus make_query_mix bench_query_libsearch bench_mix_paths bench_measure
    bench_free_port bench_report indexer searchd)
foreach(baseline bench_raw_xapian bench_fts5 bench_to_scriptindex bench_http_server)
  if(TARGET ${baseline})
    list(APPEND bench_smoke_programs ${baseline})
  endif()
endforeach()
add_custom_target(bench_programs DEPENDS ${bench_smoke_programs})
add_test(NAME "bench: smoke"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/run.sh --build ${CMAKE_BINARY_DIR} --smoke
                 --out ${CMAKE_BINARY_DIR}/bench-smoke)
set_tests_properties("bench: smoke" PROPERTIES SKIP_RETURN_CODE 77 RUN_SERIAL TRUE TIMEOUT 600)
