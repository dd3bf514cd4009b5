#pragma once
// The short lines between two runs of paragraphs of a text page, and what
// they are: a byline, a title, standfirst lines, dates, or a crosshead.

#include <cstddef>
#include <optional>
#include <vector>

#include "ingest/text_page/article_bounds.hpp"

namespace libsearch::ingest::text_page {

/// What an interlude holds.
struct Interlude {
    std::vector<std::size_t> byline;        ///< closes the previous article
    std::optional<std::size_t> title;       ///< opens the next article; nullopt: no boundary here
    std::vector<std::size_t> standfirst;    ///< first body lines of the next article
    std::vector<std::size_t> date_lines;    ///< lines that are only a date
    std::vector<std::size_t> inline_lines;  ///< no boundary: lines that stay in the current article
};

/// Read the units [begin, end) lying before the first paragraph of the page
/// (`opens_page`) or between two paragraphs.
///
/// The title is, in order of preference: a line repeated (or continued) by
/// the next line; the line after the widest gap, when the page spaces
/// articles wider than paragraphs; after furniture, the last line before the
/// standfirst-like (long) ones; else the first line that is not a byline.
Interlude read_interlude(const std::vector<Unit>& units, std::size_t begin, std::size_t end, const PageShape& shape,
                         bool opens_page);

}  // namespace libsearch::ingest::text_page
