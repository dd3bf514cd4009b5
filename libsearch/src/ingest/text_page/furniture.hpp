#pragma once
// Site furniture on a text page: widget headings ("Latest News", "Most
// Read", "Follow us"), runs of headline teasers cut short with "..." or "…",
// and whatever short lines trail the last paragraph without being a byline.
// Found by structure; widget words only tip a decision.

#include <vector>

#include "ingest/text_page/page_units.hpp"

namespace libsearch::ingest::text_page {

/// Set Unit::furniture on the units of a page (section line removed):
///  1. headline teasers: two or more consecutive cut-off lines, or a single
///     one not followed by a paragraph (a teaser in the middle of an article,
///     followed by more text, is kept and becomes prose);
///  2. widget headings (a widget word, at most four words) not followed by a
///     paragraph;
///  3. the heading lines directly above furniture: the nearest one unless it
///     is clearly a byline, the ones above it unless they look like a byline;
///  4. everything after the last paragraph except a byline of up to three
///     lines directly under it.
void mark_furniture(std::vector<Unit>& units);

/// The byline among the short lines that follow an article's last paragraph
/// (in order, up to the next title or furniture): the leading byline-like
/// lines, at most three. When other lines follow them, the last of them is
/// taken as those lines' heading instead. @return how many lines it holds.
std::size_t byline_length(const std::vector<const Unit*>& lines);

}  // namespace libsearch::ingest::text_page
