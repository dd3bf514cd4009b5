#pragma once
// Which words of a text a query matched: its words (exact or by stem), its
// wildcards and its phrases, read from the Xapian::Query the search ran, so
// that synonyms and field searches are marked exactly as they matched.

#include <xapian.h>

#include <bitset>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/text_words.hpp"

namespace libsearch::search {

/// A run of words [first, last) that matched one query term or phrase.
struct MatchSpan {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::uint32_t term = 0;  // index into QueryMatches::weight()
};

/// Stems of words already met, for one stemmer: words repeat across hits
/// and searches, and stemming each again was most of the cost of marking.
class StemCache {
  public:
    explicit StemCache(Xapian::Stem stemmer);
    const std::string& operator()(const std::string& word);
    /// True when the stemmer never changes a word's first byte (English:
    /// Porter2 only rewrites endings, its exceptions included), so a word
    /// can stem to a query's stem only if both begin alike: most words of a
    /// text need no stem at all.
    bool keeps_first_byte() const noexcept { return keeps_first_byte_; }

  private:
    Xapian::Stem stemmer_;
    bool keeps_first_byte_ = false;
    std::unordered_map<std::string, std::string> stems_;
};

class QueryMatches {
  public:
    /// `stats` supplies term frequencies (an MSet of the query, of any size)
    /// among the `documents` of the database; `stems` stems as the query did.
    QueryMatches(const Xapian::Query& query, const Xapian::MSet& stats, Xapian::doccount documents,
                 StemCache& stems);

    bool empty() const noexcept { return weights_.empty(); }
    /// The matches in `words`, in text order, never overlapping.
    std::vector<MatchSpan> find(const std::vector<TextWord>& words) const;
    /// How much a match of `term` is worth: rarer terms more (idf).
    double weight(std::uint32_t term) const { return weights_[term]; }

  private:
    struct Piece {
        std::string key;
        bool stemmed = false;
    };
    void walk(const Xapian::Query& query, const Xapian::MSet& stats);
    void add_word(const std::string& term, const Xapian::MSet& stats);
    void add_phrase(const Xapian::Query& phrase, const Xapian::MSet& stats);
    void add_wildcard(const Xapian::Query& wildcard);
    double idf(const std::string& term, const Xapian::MSet& stats) const;
    bool matches(const TextWord& word, const Piece& piece) const;
    // Whether `word` may stem to one of stems_ (always, for stemmers that
    // may change a first byte).
    bool may_stem_to_a_query_stem(const std::string& word) const;
    std::uint32_t new_term(double weight);

    StemCache& stems_of_;
    Xapian::doccount documents_ = 1;
    std::unordered_map<std::string, std::uint32_t> exact_, stems_;
    std::bitset<256> stem_first_bytes_;  // of stems_' keys
    std::vector<std::pair<std::string, std::uint32_t>> prefixes_;  // wildcards
    std::vector<std::pair<std::vector<Piece>, std::uint32_t>> phrases_;
    std::vector<double> weights_;
};

}  // namespace libsearch::search
