#pragma once
// A text page as a sequence of units: its logical lines (a wrapped paragraph
// joined into one), each with the number of blank lines before it and a
// first guess at what it is.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch::ingest::text_page {

/// What a unit looks like on its own, before its neighbours are considered.
enum class UnitKind {
    line,      ///< short, no closing sentence: a title, standfirst, byline or heading
    prose,     ///< a paragraph: long, a sentence of four words or more, or a list item
    ellipsis,  ///< a line cut off with "..." or "…": a headline teaser, unless its neighbours say otherwise
};

/// One logical line of a page.
struct Unit {
    std::string text;     ///< white space collapsed
    std::size_t gap = 0;  ///< blank (or ornament-only) lines before it
    UnitKind kind = UnitKind::line;
    bool furniture = false;  ///< site furniture, set by mark_furniture()
};

/// The kind of a unit's text.
UnitKind classify(std::string_view text);

/// The units of a page given as valid UTF-8 (any line ends). Lines with no
/// letter or digit count as blank. Consecutive lines are joined into one
/// unit only when they look hard-wrapped (a block of similar widths under
/// about 100 characters); otherwise each line is its own unit.
std::vector<Unit> split_units(std::string_view text);

}  // namespace libsearch::ingest::text_page
