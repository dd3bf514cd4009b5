#pragma once
// Where the articles of a text page begin and end.
//
// The paragraphs (prose units) of a page come in runs; between two runs lies
// an interlude of short lines (and furniture). An interlude either stays
// inside an article (a crosshead) or is a boundary: the byline closing the
// previous article, then the next article's title and standfirst lines.

#include <cstddef>
#include <optional>
#include <vector>

#include "ingest/text_page/page_units.hpp"

namespace libsearch::ingest::text_page {

/// One article of a page, as indices into its units.
struct ArticleUnits {
    std::optional<std::size_t> title;
    std::vector<std::size_t> body;        ///< standfirst lines, paragraphs, crossheads, in order
    std::vector<std::size_t> byline;      ///< lines for Article::author
    std::vector<std::size_t> date_lines;  ///< lines that are only a date, near the title
};

/// How a page spaces its parts.
struct PageShape {
    /// The usual number of blank lines between two paragraphs.
    std::size_t paragraph_gap = 1;
    /// True when some short line (not furniture) sits farther from the one
    /// before it than that: the page then marks article boundaries by wider
    /// spacing.
    bool wider_gaps = false;
};

/// The spacing of a page whose furniture is marked.
PageShape page_shape(const std::vector<Unit>& units);

/// The articles of a page (section line removed, furniture marked); every
/// article has at least one paragraph. Empty when the page has none.
std::vector<ArticleUnits> find_articles(const std::vector<Unit>& units);

}  // namespace libsearch::ingest::text_page
