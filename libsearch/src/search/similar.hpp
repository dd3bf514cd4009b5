#pragma once
// The query behind Searcher::similar(): "more like this" from an article's own
// words, and the decider that leaves out the article and its reprints.

#include <xapian.h>

#include <cstddef>
#include <string>

namespace libsearch::search {

/// Words of the expand set a similarity query is made of. On Reuters-21578
/// (tests/eval/RESULTS.md, "Similar articles") the share of the top 5 that
/// share a topic with the source is 0.56 with 10, 0.64 with 25, 0.66 with 50
/// and 0.67 with 100 words, at 1, 2, 6 and 9 ms: 50 is most of the gain.
inline constexpr Xapian::termcount kSimilarTerms = 50;

/// True for a term of the unprefixed free text (title, author and body words
/// as written). Field copies ("S", "A"), stems ("Z") and every boolean filter
/// term (id, category, date, site, place, language) start with an upper-case
/// prefix letter and are refused: sharing a category or a month is not
/// similarity of content, and the filters already say it.
bool is_free_text_term(const std::string& term);

/// A weighted OR of the `terms` most distinctive free-text terms of `source`
/// (Xapian's expand set with the source as the one relevant document), each
/// scaled by its expand weight. Skipped: the stopwords of `stopper` (the
/// source's language; they are indexed unstemmed, and in a small archive the
/// expand set would rate them), and terms no other article holds (they can
/// only find the source). Empty when nothing is left.
Xapian::Query similar_query(const Xapian::Database& db, Xapian::docid source, const Xapian::Stopper* stopper,
                            Xapian::termcount terms = kSimilarTerms);

/// Refuses documents whose content hash equals the source's: the source and
/// its exact reprints.
class NotReprintOf : public Xapian::MatchDecider {
  public:
    explicit NotReprintOf(std::string content_hash) : hash_(std::move(content_hash)) {}
    bool operator()(const Xapian::Document& doc) const override;

  private:
    std::string hash_;
};

}  // namespace libsearch::search
