# Crash safety of indexing and hostile input files (crash/README.md).
# Included from tests/reliability/CMakeLists.txt: paths are relative to it.

# Runs a program with a file size limit: the disk-full test without root.
add_executable(fsize_exec crash/fsize_exec.cpp)

add_executable(reliability_crash_tests
  crash/test_kill.cpp
  crash/test_writers.cpp
  crash/test_hostile_files.cpp
)
target_include_directories(reliability_crash_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
target_compile_definitions(reliability_crash_tests PRIVATE
  LIBSEARCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  INDEXER_PATH="$<TARGET_FILE:indexer>"
  FSIZE_EXEC_PATH="$<TARGET_FILE:fsize_exec>")
target_link_libraries(reliability_crash_tests PRIVATE libsearch::libsearch PkgConfig::XAPIAN
                      nlohmann_json::nlohmann_json ZLIB::ZLIB Catch2::Catch2WithMain)
add_dependencies(reliability_crash_tests indexer fsize_exec)
# They kill only the indexers they start and fill only their own tmpfs or file size limit, and
# nothing they assert is a time: they run beside other tests (the HTTP ones, which time
# answers, run alone; http/tests.cmake).
catch_discover_tests(reliability_crash_tests TEST_PREFIX "reliability: " PROPERTIES TIMEOUT 900)
