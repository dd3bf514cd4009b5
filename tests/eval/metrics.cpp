#include "metrics.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

namespace libsearch::eval {
namespace {

int grade_of(const Judgments& judgments, const std::string& id) {
    const auto found = judgments.find(id);
    return found == judgments.end() ? 0 : found->second;
}

std::size_t relevant_count(const Judgments& judgments) {
    return static_cast<std::size_t>(
        std::count_if(judgments.begin(), judgments.end(), [](const auto& entry) { return entry.second >= 1; }));
}

// Calls visit(rank, grade) for each distinct document of the top k, rank from 1.
template <typename Visit>
void for_each_in_top(const Ranking& ranking, const Judgments& judgments, std::size_t k, Visit visit) {
    std::unordered_set<std::string> seen;
    std::size_t rank = 0;
    for (const auto& id : ranking) {
        if (rank == k) break;
        if (!seen.insert(id).second) continue;
        visit(++rank, grade_of(judgments, id));
    }
}

double discount(std::size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

}  // namespace

double ndcg_at(const Ranking& ranking, const Judgments& judgments, std::size_t k) {
    double dcg = 0;
    for_each_in_top(ranking, judgments, k, [&](std::size_t rank, int grade) {
        if (grade > 0) dcg += grade * discount(rank);
    });
    std::vector<int> ideal;
    for (const auto& [id, grade] : judgments)
        if (grade > 0) ideal.push_back(grade);
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && i < k; ++i) idcg += ideal[i] * discount(i + 1);
    return idcg > 0 ? dcg / idcg : 0.0;
}

double recall_at(const Ranking& ranking, const Judgments& judgments, std::size_t k) {
    const std::size_t relevant = relevant_count(judgments);
    if (relevant == 0) return 0.0;
    std::size_t found = 0;
    for_each_in_top(ranking, judgments, k, [&](std::size_t, int grade) { found += grade >= 1; });
    return static_cast<double>(found) / static_cast<double>(relevant);
}

double average_precision_at(const Ranking& ranking, const Judgments& judgments, std::size_t k) {
    const std::size_t relevant = relevant_count(judgments);
    if (relevant == 0) return 0.0;
    std::size_t found = 0;
    double sum = 0;
    for_each_in_top(ranking, judgments, k, [&](std::size_t rank, int grade) {
        if (grade < 1) return;
        ++found;
        sum += static_cast<double>(found) / static_cast<double>(rank);
    });
    return sum / static_cast<double>(relevant);
}

void MetricTotals::add(const Ranking& ranking, const Judgments& judgments) {
    ndcg10 += ndcg_at(ranking, judgments, 10);
    recall100 += recall_at(ranking, judgments, 100);
    map100 += average_precision_at(ranking, judgments, 100);
    ++queries;
}

}  // namespace libsearch::eval
