# Sources of libsearch/src/ingest/html/ (added to the libsearch target).
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
find_package(nlohmann_json 3 REQUIRED)

target_sources(libsearch PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/author_language.cpp
  ${CMAKE_CURRENT_LIST_DIR}/boilerplate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/category.cpp
  ${CMAKE_CURRENT_LIST_DIR}/charset.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clean_conditionally.cpp
  ${CMAKE_CURRENT_LIST_DIR}/content_tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dom.cpp
  ${CMAKE_CURRENT_LIST_DIR}/html_extractor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_ld.cpp
  ${CMAKE_CURRENT_LIST_DIR}/main_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/markup_limits.cpp
  ${CMAKE_CURRENT_LIST_DIR}/page_date.cpp
  ${CMAKE_CURRENT_LIST_DIR}/page_metadata.cpp
  ${CMAKE_CURRENT_LIST_DIR}/paragraph_shape.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prune_content.cpp
  ${CMAKE_CURRENT_LIST_DIR}/render_paragraphs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/select_content.cpp
  ${CMAKE_CURRENT_LIST_DIR}/strip_furniture.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_cleanup.cpp
  ${CMAKE_CURRENT_LIST_DIR}/title.cpp
)
target_link_libraries(libsearch PRIVATE PkgConfig::GUMBO PkgConfig::UCHARDET nlohmann_json::nlohmann_json)
