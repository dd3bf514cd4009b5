# Tests of libsearch/src/ingest/text_page/ (added to libsearch_tests).
target_sources(libsearch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/test_text_page.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_text_page_shapes.cpp
)
