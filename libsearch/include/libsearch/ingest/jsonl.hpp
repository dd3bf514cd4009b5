#pragma once
/// @file ingest/jsonl.hpp
/// JSON Lines records as articles.

#include <string_view>

#include "libsearch/ingest.hpp"

namespace libsearch {

/// Read JSON Lines, one record per line. Understood records:
///   - rich:  {id, url, title, body, category | categories, date, author, lang}
///   - crawl: {text, url, timestamp}  (timestamp is a crawl date: DateSource::crawl)
///   - BEIR:  {_id, title, text}
/// A record's own id (`id` or `_id`, string or number) becomes the article id;
/// without one the id is left empty for the caller to derive. Blank lines are
/// ignored. A line that is not valid JSON, not an object, or has no text is
/// reported in `skipped` with its line number; the other lines still count.
ReadResult read_jsonl(std::string_view text, std::string_view source);

}  // namespace libsearch
