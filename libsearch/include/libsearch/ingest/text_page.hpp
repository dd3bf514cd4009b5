#pragma once
/// @file ingest/text_page.hpp
/// Plain-text archive pages (see ../shared/seed and corpus/README.md).

#include <string_view>

#include "libsearch/ingest.hpp"

namespace libsearch {

/// Split a text page into its articles. The page starts with a section line
/// "<Site section> : <category>" (e.g. "News : Iranian opposition"); then come
/// one or more articles, each a title line, optional standfirst lines,
/// paragraphs and an optional byline; then site furniture (widget headings
/// such as "Latest News" or "Most Read", runs of headlines cut short with
/// "..."), which is dropped. Ids are left empty (the caller derives them from
/// the content); no date is invented. An input with no article gives a
/// Skipped entry saying why.
ReadResult read_text_page(std::string_view text, std::string_view source);

}  // namespace libsearch
