#include <catch2/catch.hpp>

#include "sample_articles.hpp"

using namespace testsupport;
using libsearch::TimelineInterval;
using libsearch::TimelineRequest;
using Counts = std::vector<std::uint64_t>;

namespace {

libsearch::Timeline timeline(TimelineRequest request) {
    auto searcher = sample_index().searcher();
    return searcher.timeline(request);
}

}  // namespace

TEST_CASE("a timeline counts a query's matches per month over the archive's whole span", "[timeline]") {
    const auto t = timeline({.queries = {"camp OR camps"}});
    // The sample spans 2012-09 (ashraf-2012) to 2014-01 (oil-2014): 17 months, empty ones included.
    REQUIRE(t.periods.size() == 17);
    CHECK(t.periods.front() == "2012-09");
    CHECK(t.periods[4] == "2013-01");
    CHECK(t.periods.back() == "2014-01");
    REQUIRE(t.series.size() == 1);
    const auto& s = t.series[0];
    CHECK(s.query == "camp OR camps");
    CHECK(s.total == 4);
    CHECK(s.undated == 1);  // the undated essay matches but has no month
    Counts expected(17, 0);
    expected[0] = 1;  // 2012-09 ashraf
    expected[4] = 1;  // 2013-01 liberty-un
    expected[5] = 1;  // 2013-02 liberty-blockade
    CHECK(s.counts == expected);
    // The archive's articles per month, filters or not: three in 2013-06.
    CHECK(t.articles[9] == 3);
    CHECK(s.shares[4] == Approx(1.0));
    CHECK(s.shares[9] == 0.0);
    CHECK(t.exact);
}

TEST_CASE("timeline counts agree with the search totals of each period", "[timeline]") {
    for (const auto interval : {TimelineInterval::month, TimelineInterval::year}) {
        const auto t = timeline({.queries = {"", "oil OR camp"}, .interval = interval});
        auto searcher = sample_index().searcher();
        for (const auto& series : t.series)
            for (std::size_t i = 0; i < t.periods.size(); ++i) {
                INFO(series.query << " in " << t.periods[i]);
                const auto found = searcher.search(
                    {.query = series.query, .from = t.periods[i], .to = t.periods[i], .exact = true});
                CHECK(series.counts[i] == found.total.estimated);
            }
        // The empty query counts every article, so its share is 1 wherever there are articles.
        for (std::size_t i = 0; i < t.periods.size(); ++i) CHECK(t.series[0].counts[i] == t.articles[i]);
    }
}

TEST_CASE("timelines compare queries, by year, within filters", "[timeline]") {
    auto t = timeline({.queries = {"oil", "camp", "geneva"}, .interval = TimelineInterval::year});
    CHECK(t.periods == std::vector<std::string>{"2012", "2013", "2014"});
    CHECK(t.articles == Counts{1, 6, 1});
    REQUIRE(t.series.size() == 3);
    CHECK(t.series[0].counts == Counts{0, 1, 1});
    CHECK(t.series[1].counts == Counts{1, 2, 0});
    CHECK(t.series[2].counts == Counts{0, 1, 0});
    CHECK(t.series[2].shares[1] == Approx(1.0 / 6));

    // from/to also set the axis; categories filter the counts, never the archive's articles.
    t = timeline({.queries = {""}, .categories = {"Economy"}, .from = "2013-05", .to = "2013-07"});
    CHECK(t.periods == std::vector<std::string>{"2013-05", "2013-06", "2013-07"});
    CHECK(t.articles == Counts{0, 3, 0});
    CHECK(t.series[0].counts == Counts{0, 1, 0});
    CHECK(t.series[0].total == 1);
    CHECK(t.series[0].undated == 0);
}

TEST_CASE("timeline requests are validated and named in errors", "[timeline][errors]") {
    auto searcher = sample_index().searcher();
    const auto fails_on = [&](TimelineRequest request, const std::string& parameter) {
        try {
            searcher.timeline(request);
        } catch (const libsearch::InvalidArgument& e) {
            CHECK(e.parameter() == parameter);
            return;
        }
        FAIL("no InvalidArgument for " << parameter);
    };
    fails_on({}, "q");
    fails_on({.queries = {"a", "b", "c", "d", "e"}}, "q");
    fails_on({.queries = {"oil"}, .from = "1900", .to = "2100"}, "interval");  // 2,400 months
    fails_on({.queries = {"oil"}, .from = "2014", .to = "2013"}, "to");
    fails_on({.queries = {"oil"}, .from = "2013-13"}, "from");
    CHECK(searcher.timeline({.queries = {"oil"}, .from = "1900", .to = "2100", .interval = TimelineInterval::year})
              .periods.size() == 201);
}
