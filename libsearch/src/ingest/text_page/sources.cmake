# Sources of libsearch/src/ingest/text_page/ (added to the libsearch target).
target_sources(libsearch PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/line_shape.cpp
  ${CMAKE_CURRENT_LIST_DIR}/page_units.cpp
  ${CMAKE_CURRENT_LIST_DIR}/section_line.cpp
  ${CMAKE_CURRENT_LIST_DIR}/furniture.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interlude.cpp
  ${CMAKE_CURRENT_LIST_DIR}/article_bounds.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_page_reader.cpp
)
