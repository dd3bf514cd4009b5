# searchd under hostile requests, slow and broken clients, load with live
# updates, XSS payloads and state-changing methods (tests/reliability/RESULTS.md).
# Included from tests/reliability/CMakeLists.txt: paths are relative to tests/reliability.
find_package(CLI11 2 REQUIRED)

add_executable(http_reliability_tests
  http/test_hostile_requests.cpp
  http/test_slow_clients.cpp
  http/test_web_security.cpp
)
target_include_directories(http_reliability_tests PRIVATE http ${PROJECT_SOURCE_DIR}/tests/support)
target_compile_definitions(http_reliability_tests PRIVATE
  SEARCHD_PATH="$<TARGET_FILE:searchd>" INDEXER_PATH="$<TARGET_FILE:indexer>"
  XSS_CORPUS="${CMAKE_CURRENT_SOURCE_DIR}/http/xss_articles.jsonl")
target_link_libraries(http_reliability_tests PRIVATE libsearch::libsearch nlohmann_json::nlohmann_json
                      Catch2::Catch2WithMain)
add_dependencies(http_reliability_tests searchd indexer)
# Serial: the slow-client tests measure time, and a busy machine would blur them.
catch_discover_tests(http_reliability_tests TEST_PREFIX "reliability: "
                     PROPERTIES RUN_SERIAL TRUE TIMEOUT 300)

# The writer of the load test: adds and replaces articles in a served index.
add_executable(live_writer http/live_writer.cpp)
target_link_libraries(live_writer PRIVATE libsearch::libsearch nlohmann_json::nlohmann_json CLI11::CLI11)

# Load with live updates, 20 s here (http/load.sh runs 60 s by default and checks
# that RSS levels off; 20 s is too short for that, and ASan's allocator too unlike). It uses the
# benchmark harness' make_query_mix and bench_mix_paths from the same bin folder.
# The Reuters index and query mix it starts from are built beside other tests; the load runs alone.
set(LOAD_PREPARED ${CMAKE_CURRENT_BINARY_DIR}/load-prepared)
add_test(NAME "reliability: the load test's Reuters index and query mix are built"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/http/load.sh --bin $<TARGET_FILE_DIR:searchd> --prepare ${LOAD_PREPARED})
add_test(NAME "reliability: load with live updates (20 s)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/http/load.sh --bin $<TARGET_FILE_DIR:searchd> --seconds 20 --warmup 5
          --no-rss-check --prepared ${LOAD_PREPARED})
add_test(NAME "reliability: the load test's index is removed" COMMAND ${CMAKE_COMMAND} -E rm -rf ${LOAD_PREPARED})
set_tests_properties("reliability: the load test's Reuters index and query mix are built" PROPERTIES
  SKIP_RETURN_CODE 77 TIMEOUT 600 FIXTURES_SETUP load_prepared)
set_tests_properties("reliability: load with live updates (20 s)" PROPERTIES
  SKIP_RETURN_CODE 77 RUN_SERIAL TRUE TIMEOUT 600 FIXTURES_REQUIRED load_prepared)
set_tests_properties("reliability: the load test's index is removed" PROPERTIES FIXTURES_CLEANUP load_prepared)

# The search page over the XSS corpus, in Chromium (77: Chromium or Node.js missing); beside other
# tests, never beside the page tests (tests/CMakeLists.txt).
add_test(NAME "reliability: the page shows XSS payloads as text"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/http/xss_page.sh $<TARGET_FILE:searchd> $<TARGET_FILE:indexer>)
set_tests_properties("reliability: the page shows XSS payloads as text" PROPERTIES
  SKIP_RETURN_CODE 77 RESOURCE_LOCK chromium TIMEOUT 600)
