#pragma once
/// @file metrics.hpp
/// Ranking metrics for relevance evaluation, with the definitions of
/// trec_eval / pytrec_eval as BEIR reports them:
///   - nDCG@k (trec_eval `ndcg_cut`): gain = the judged grade (linear, not
///     2^grade - 1), discount 1 / log2(rank + 1), ideal ranking = the judged
///     grades sorted descending, cut at k. Unjudged documents gain 0.
///   - Recall@k (`recall`): relevant documents in the top k / relevant documents.
///   - AP@k (`map_cut`): sum of precision at the rank of each relevant document
///     in the top k, divided by the number of relevant documents (all of them,
///     not only those retrieved).
/// A document is relevant when its grade is >= 1 (trec_eval's relevance level).
/// A query without relevant documents scores 0 everywhere (callers skip them).

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace libsearch::eval {

/// The judgments of one query: document id -> grade (0 = judged not relevant).
using Judgments = std::unordered_map<std::string, int>;

/// A ranked list of document ids, best first. Duplicates count once (the first).
using Ranking = std::vector<std::string>;

double ndcg_at(const Ranking& ranking, const Judgments& judgments, std::size_t k);
double recall_at(const Ranking& ranking, const Judgments& judgments, std::size_t k);
double average_precision_at(const Ranking& ranking, const Judgments& judgments, std::size_t k);

/// Per-query sums, for averaging over a query set.
struct MetricTotals {
    double ndcg10 = 0;
    double recall100 = 0;
    double map100 = 0;
    std::size_t queries = 0;

    /// Add one query's figures.
    void add(const Ranking& ranking, const Judgments& judgments);
    double mean_ndcg10() const { return queries ? ndcg10 / queries : 0.0; }
    double mean_recall100() const { return queries ? recall100 / queries : 0.0; }
    double mean_map100() const { return queries ? map100 / queries : 0.0; }
};

}  // namespace libsearch::eval
