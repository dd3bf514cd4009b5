#pragma once
/// @file ingest/news_sgml.hpp
/// Reuters-21578 style news SGML.

#include <string_view>

#include "libsearch/ingest.hpp"

namespace libsearch {

/// One article per <REUTERS> element: id = NEWID, title = TITLE, body = BODY
/// (or the TEXT content when there is no BODY), date = DATE, categories =
/// TOPICS (none: no category), places = PLACES, language English. Character
/// references (&lt; &#3; ...) are decoded; control characters dropped. A
/// story whose DATE cannot be read keeps no date and is reported in `skipped`
/// with reason "unreadable date ..." — the article itself is still returned.
ReadResult read_news_sgml(std::string_view text, std::string_view source);

}  // namespace libsearch
