#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "sample_articles.hpp"

using namespace testsupport;
using libsearch::SearchRequest;
using Ids = std::vector<std::string>;

// searchd gives every worker thread a Searcher of its own. Those Searchers
// must share nothing unsafely: Xapian's reference counts are not atomic, and
// a shared Xapian object copied by two threads at once (Query::MatchAll was
// one) corrupted its count and crashed searchd under load.
TEST_CASE("searchers in several threads at once give the answers one thread gives", "[search][threads]") {
    const TestIndex index(sample_articles());
    const std::vector<SearchRequest> requests = {
        {},                                                // browse: no query text
        {.categories = {"Iranian opposition"}},            // browse, filtered
        {.from = "2013-01", .to = "2013-06"},              // browse, a closed date range
        {.query = "-oil"},                                 // only excluded words
        {.query = "camp liberty", .from = "2013"},         // words and an open range
        {.query = "\"camp liberty\" OR geneva", .categories = {"Iranian opposition", "Nuclear"}},
        {.query = "prote*"},                               // a wildcard
    };
    std::vector<Ids> expected;
    {
        auto searcher = index.searcher();
        for (const auto& request : requests) expected.push_back(ids(searcher.search(request)));
    }
    REQUIRE(expected[0].size() == sample_articles().size());
    REQUIRE(expected[3].size() == sample_articles().size() - 2);

    constexpr int kThreads = 4, kRounds = 1500;
    std::atomic<int> mismatches{0}, errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            try {
                auto searcher = index.searcher();
                for (int round = 0; round < kRounds; ++round)
                    for (std::size_t i = 0; i < requests.size(); ++i)
                        if (ids(searcher.search(requests[i])) != expected[i]) ++mismatches;
            } catch (...) {
                ++errors;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(mismatches == 0);
    CHECK(errors == 0);
}
