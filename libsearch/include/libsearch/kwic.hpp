#pragma once
/// @file kwic.hpp
/// Keyword in context: every occurrence of a word or phrase in the matching
/// articles, one line each, with a few words of context either side.
///
/// The phrase is the request's words in order; quotes are optional and no
/// query syntax applies (`"camp liberty"`, `camp liberty` and `Camp, Liberty!`
/// are one phrase). Words are split and normalised exactly as the indexer does
/// (case folded, Arabic-script spellings unified), so an occurrence found in
/// the text is a match of the index; punctuation between the words of the
/// phrase does not break it, as it does not in a phrase search.
///
/// Only article bodies are scanned: the title stands on every line already.
/// An article that matches in its title alone counts in Kwic::articles and
/// gives no line.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libsearch/date.hpp"
#include "libsearch/searcher.hpp"

namespace libsearch {

/// Bounds of a KwicRequest.
inline constexpr std::size_t kMaxKwicWidth = 50;
inline constexpr std::size_t kMaxKwicLimit = 500;
inline constexpr std::size_t kMaxKwicPhraseWords = 20;
/// At most this many matching articles are read per request, in the
/// request's order; lines of later articles are out of reach (Kwic::complete
/// is then false) and the filters must narrow the matches to see them.
inline constexpr std::size_t kKwicArticleScanLimit = 2000;

/// What Searcher::kwic() lists.
struct KwicRequest {
    /// The word or phrase (1..kMaxKwicPhraseWords words). Required.
    std::string query;
    /// Filters, as in SearchRequest.
    std::vector<std::string> categories;
    std::string from;
    std::string to;
    /// Words of context on each side of a match (1..kMaxKwicWidth).
    std::size_t width = 8;
    /// false: the words exactly as written (case aside). true: any form with
    /// the same stem in the request's language ("camps" lists "camp" too);
    /// stopwords still match only as written.
    bool stem = false;
    /// Lines to skip, and lines to return (1..kMaxKwicLimit).
    std::size_t offset = 0;
    std::size_t limit = 50;
    /// Article order; lines of one article follow each other in text order.
    /// Relevance ranks by the phrase's weight in each article.
    SortOrder sort = SortOrder::newest;
    /// Language for stemming and stopwords. Empty: the index's default.
    std::string language;
};

/// One occurrence.
struct KwicLine {
    /// The article it is in.
    std::string id;
    std::string title;
    std::string url;
    std::optional<Date> date;
    /// Plain text (never HTML), each whitespace run as one space, so that
    /// left + match + right reads as the text does. `left` holds at most
    /// `width` whole words before the match with the punctuation and space
    /// around them as written ("residents of "), `right` the same after it
    /// (", a former base."). Neither crosses a paragraph boundary (a blank
    /// line): context from another paragraph is another subject, often a
    /// heading or a dateline.
    std::string left;
    /// The occurrence as written (original case and punctuation).
    std::string match;
    std::string right;
};

/// The answer to a KwicRequest.
struct Kwic {
    /// The phrase searched, as the index holds it: its words, lower case,
    /// joined by spaces.
    std::string phrase;
    /// The lines [offset, offset + limit) of the order described above.
    std::vector<KwicLine> lines;
    /// Articles that match the phrase (title or body) and the filters;
    /// Xapian's estimate when not `complete`. By stem, the articles holding
    /// every word in some form, adjacent or not.
    std::uint64_t articles = 0;
    /// Articles read for this answer (at most kKwicArticleScanLimit).
    std::uint64_t articles_scanned = 0;
    /// Lines in the articles read. Every line when `complete`.
    std::uint64_t total = 0;
    /// True when every matching article was read, so `total` is exact.
    bool complete = true;
    /// The offset of the next page, or nullopt on the last reachable page.
    std::optional<std::uint64_t> next_offset;
    /// What the caller should know, e.g. that the scan stopped at its limit.
    std::vector<std::string> warnings;
};

}  // namespace libsearch
