#include "search/ranking.hpp"

namespace libsearch::search {

Xapian::Query prepare_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, const SearchRequest&) {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    return query;
}

}  // namespace libsearch::search
