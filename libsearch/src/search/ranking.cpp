#include "search/ranking.hpp"

#include "search/recency.hpp"

namespace libsearch::search {
namespace {

// IneB2 (Amati & van Rijsbergen's divergence from randomness: inverse
// expected document frequency, Bernoulli after-effect, length normalisation
// 2) with c 1.5. On BEIR SciFact train (tests/eval/RESULTS.md) it beat every
// tuned BM25 and BM25+ setting on all three measures, on a plateau from c 0.75
// to 5: nDCG@10 0.7065 against BM25+'s best 0.6994 (k1 1.5, b 0.75, delta 0.25)
// and plain BM25's 0.6939.
constexpr double ineb2_c = 1.5;

// The recency boost is at most this share of the best weight the query can
// reach, so an old article that matches much better still ranks first.
constexpr double recency_share = 0.2;

}  // namespace

Xapian::Query prepare_ranking(Xapian::Enquire& enquire, const Xapian::Query& query, const SearchRequest& request) {
    enquire.set_weighting_scheme(Xapian::IneB2Weight(ineb2_c));
    if (request.recency_half_life_days <= 0 || request.sort != SortOrder::relevance) return query;
    enquire.set_query(query);
    const double best = enquire.get_mset(0, 0).get_max_possible();
    if (best <= 0) return query;
    auto* recency = new RecencySource(request.recency_half_life_days, recency_share * best);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(recency->release()));
}

}  // namespace libsearch::search
