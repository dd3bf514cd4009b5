#pragma once
// Query text -> Xapian::Query, leniently.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "libsearch/searcher.hpp"
#include "libsearch/synonyms.hpp"
#include "search/field_processors.hpp"

namespace libsearch::search {

/// The parsed query and what was forgiven on the way.
struct ParsedQuery {
    Xapian::Query query;  ///< empty (MatchNothing) when the text has no searchable words
    std::vector<std::string> warnings;
};

/// Parses the query language documented in libsearch/searcher.hpp. Cheap to
/// make; one per search.
class QueryBuilder {
  public:
    /// `synonyms` (may be null) expands query text before parsing.
    QueryBuilder(const Xapian::Database& db, const analysis::Analyzer& analyzer, DefaultOperator op,
                 const Synonyms* synonyms = nullptr);

    /// @throws QuerySyntaxError for a bad field value (date:2013-13-45).
    ParsedQuery parse(std::string_view text);

    /// The query with misspelt words replaced by the index's best guesses;
    /// empty when there is nothing to correct. `parsed` is what parse() made
    /// of `text`: when each of its words is in common use in the index, none
    /// is taken for a misspelling, and the (costly) lookup is skipped.
    std::string spelling_suggestion(std::string_view text, const Xapian::Query& parsed);

  private:
    Xapian::Query parse_with(const std::string& text, unsigned flags, std::string_view original);

    bool only_stopwords(std::string_view folded) const;

    bool all_words_common(const Xapian::Query& parsed) const;

    const Xapian::Database& db_;
    Xapian::QueryParser parser_;
    const Xapian::Stopper* stopper_;
    const Synonyms* synonyms_;
    FieldErrors field_errors_;
};

/// Words of a wildcard pattern a query may expand to; beyond it the most
/// frequent ones are kept.
inline constexpr unsigned kMaxWildcardExpansion = 100;

}  // namespace libsearch::search
