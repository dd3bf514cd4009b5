# Tests of libsearch/src/ingest/html/ (added to libsearch_tests).
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
target_sources(libsearch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/test_html_body.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_html_charset.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_html_metadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_html_quality.cpp
)
target_link_libraries(libsearch_tests PRIVATE ZLIB::ZLIB nlohmann_json::nlohmann_json)
