#pragma once
// Marking query matches in text: the whole text (titles, the article view)
// or its best passage (result snippets). HTML-escaped, every match of a word
// marked, by its exact form or its stem as the query asked, a matched phrase
// as one span. Our own: Xapian's MSet::snippet looks up every word of the
// text in the database and was 90% of a search's time.

#include <xapian.h>

#include <string>
#include <string_view>

#include "search/query_matches.hpp"

namespace libsearch::search {

class Highlighter {
  public:
    /// `query` is what the search ran; `stats` an MSet of it (any size), for
    /// how rare each term is among the `documents` of the database; `stems`
    /// stems as the query did.
    Highlighter(const Xapian::Query& query, const Xapian::MSet& stats, Xapian::doccount documents, StemCache& stems)
        : matches_(query, stats, documents, stems) {}

    /// All of `text`, escaped, every match marked.
    std::string whole(std::string_view text) const;
    /// The passage of about `length` bytes with the most (and rarest) matches,
    /// whitespace runs as one space, "…" where text was cut.
    std::string passage(std::string_view text, std::size_t length) const;
    /// The same passage as plain text: not escaped, nothing marked (for
    /// exports and feeds, which escape for their own format).
    std::string passage_text(std::string_view text, std::size_t length) const;
    /// `text` as <p> paragraphs (split at blank lines), each whole().
    std::string paragraphs(std::string_view text) const;

  private:
    std::string best_passage(std::string_view text, std::size_t length, bool html) const;
    std::vector<TextWord> words_of(std::string_view text) const;

    QueryMatches matches_;
};

}  // namespace libsearch::search
