#pragma once
// The query behind Searcher::similar(): "more like this" from an article's own
// words, and the decider that leaves out the article and its reprints.

#include <xapian.h>

#include <cstddef>
#include <string>

namespace libsearch::search {

/// Words of the expand set a similarity query is made of.
inline constexpr Xapian::termcount kSimilarTerms = 25;

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
