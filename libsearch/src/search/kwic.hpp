#pragma once
// Keyword in context (Searcher::kwic): the phrase as index terms, the Xapian
// query that finds the articles holding it, and the scan of an article's body
// that turns each occurrence into a line.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "libsearch/kwic.hpp"
#include "search/query_matches.hpp"
#include "search/text_words.hpp"

namespace libsearch::search {

/// One word of the phrase: its exact key, and the stem it matches by when
/// matching by stem (empty: this word matches only as written).
struct KwicPiece {
    std::string key;
    std::string stem;
};

/// The phrase of a KwicRequest, read with the indexer's word splitting.
class KwicPhrase {
  public:
    /// @throws InvalidArgument ("q") without words or with too many.
    KwicPhrase(std::string_view text, bool stem, const analysis::Analyzer& analyzer, StemCache& stems);

    /// Exact terms: a phrase query on their positions. By stem: every stem
    /// term (they carry no positions), the scan then checks adjacency.
    Xapian::Query query() const;
    /// The words as the index holds them, joined by spaces.
    std::string text() const;
    /// Starts of occurrences in `words`, in text order, never overlapping.
    std::vector<std::size_t> find(const std::vector<TextWord>& words) const;
    std::size_t size() const noexcept { return pieces_.size(); }

  private:
    bool matches(const TextWord& word, const KwicPiece& piece) const;

    std::vector<KwicPiece> pieces_;
    const analysis::Analyzer& analyzer_;
    StemCache& stems_;
};

/// A line's text around the occurrence of `length` words at words[first].
/// Fills left, match and right of `line` (see KwicLine).
void kwic_context(std::string_view text, const std::vector<TextWord>& words, std::size_t first, std::size_t length,
                  std::size_t width, KwicLine& line);

/// The lines of `request` among the articles matching `phrase` and `filter`
/// (an empty query: no filter), read in the request's order, at most
/// kKwicArticleScanLimit of them. The request is already validated.
Kwic collect_kwic(const Xapian::Database& db, const KwicPhrase& phrase, const Xapian::Query& filter,
                  const KwicRequest& request);

}  // namespace libsearch::search
