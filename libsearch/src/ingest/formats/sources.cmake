# Sources of libsearch/src/ingest/formats/ (added to the libsearch target).
target_sources(libsearch PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/byte_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/date_cursor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/date_words.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decoders.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_message.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsonl_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/news_sgml_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sgml_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/warc_reader.cpp
)
# JSON stays inside the readers; the library is header-only, so it is needed
# to build libsearch and never by those who link it.
find_package(nlohmann_json 3 REQUIRED)
target_link_libraries(libsearch PRIVATE $<BUILD_INTERFACE:nlohmann_json::nlohmann_json>)
# Decompression of web archives: bzip2, xz and zstd (gzip goes through zlib, see decoders.cpp).
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
target_link_libraries(libsearch PRIVATE PkgConfig::LIBARCHIVE)
# gzip web archives, and HTTP Content-Encoding (gzip, deflate) inside WARC responses.
find_package(ZLIB REQUIRED)
target_link_libraries(libsearch PRIVATE ZLIB::ZLIB)
