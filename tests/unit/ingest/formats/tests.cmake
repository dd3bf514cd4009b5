# Tests of libsearch/src/ingest/formats/ (added to libsearch_tests).
target_sources(libsearch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/test_dates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_jsonl.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_news_sgml.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_warc.cpp
)
# The WARC tests write their archives with zlib and libarchive's writer.
# (Imported targets are local to the directory that finds them.)
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
find_package(ZLIB REQUIRED)
target_link_libraries(libsearch_tests PRIVATE PkgConfig::LIBARCHIVE ZLIB::ZLIB)
