#pragma once
// How matches are ranked: the weighting scheme and any rewriting of the
// query for ranking. Every search path (Searcher::search, and so searchd and
// the evaluation program) goes through here, so there is one ranking.

#include <xapian.h>

#include "libsearch/searcher.hpp"

namespace libsearch::search {

/// Configure `enquire` for ranking `query` (the parsed query text, filters
/// already applied) and return the query to run.
Xapian::Query prepare_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, const SearchRequest& request);

}  // namespace libsearch::search
