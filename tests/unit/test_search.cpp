#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>

#include "libsearch/schema.hpp"
#include "sample_articles.hpp"
#include "search/recency.hpp"

namespace search = libsearch::search;

using namespace testsupport;
using libsearch::SearchRequest;
using libsearch::SortOrder;
using Ids = std::vector<std::string>;

namespace {

libsearch::SearchResponse run(SearchRequest request) {
    auto searcher = sample_index().searcher();
    return searcher.search(request);
}

}  // namespace

TEST_CASE("sort orders: newest and oldest put undated articles last", "[search][sort]") {
    SearchRequest request{.query = "camp OR camps OR exile", .limit = 100};
    request.sort = SortOrder::newest;
    CHECK(ids(run(request)) == Ids{"liberty-blockade", "liberty-un", "ashraf-2012", "undated-essay"});
    request.sort = SortOrder::oldest;
    CHECK(ids(run(request)) == Ids{"ashraf-2012", "liberty-un", "liberty-blockade", "undated-essay"});
}

TEST_CASE("relevance ranks title matches above body matches", "[search][sort]") {
    auto response = run({.query = "blockade OR siege OR medical"});
    CHECK(ids(response).front() == "liberty-blockade");
    response = run({.query = "exile"});
    CHECK(ids(response) == Ids{"undated-essay"});
    CHECK(response.hits[0].score > 0);
    // A word in one title and another body: the title match ranks first.
    TestIndex index({article("body", "Something else", "The refugee camp was crowded."),
                     article("title", "Refugee camp", "Something else entirely.")});
    CHECK(ids(index.searcher().search({.query = "refugee"})) == Ids{"title", "body"});
}

TEST_CASE("an empty query lists the filtered articles, newest first", "[search]") {
    auto response = run({.categories = {"Economy"}});
    CHECK(ids(response) == Ids{"oil-2014", "oil-2013"});
    CHECK(response.hits[0].score == 0);
    response = run({});
    CHECK(response.total.estimated == sample_articles().size());
    CHECK(ids(response).back() == "undated-essay");
}

TEST_CASE("pagination walks every hit once", "[search]") {
    const std::size_t total = sample_articles().size();
    Ids seen;
    for (std::size_t offset = 0; offset < total + 3; offset += 2) {
        auto response = run({.sort = SortOrder::oldest, .offset = offset, .limit = 2});
        CHECK(response.total.estimated == total);
        for (auto& id : ids(response)) seen.push_back(id);
    }
    CHECK(seen.size() == total);
    Ids unique = seen;
    std::sort(unique.begin(), unique.end());
    CHECK(std::unique(unique.begin(), unique.end()) == unique.end());
    CHECK(run({.offset = 100}).hits.empty());
}

TEST_CASE("date filters are inclusive at both ends, in day, month and year forms", "[search][dates]") {
    struct Row {
        const char* from;
        const char* to;
        Ids expected;
    };
    const Row rows[] = {
        {"2013-06-01", "2013-06-30", {"french-news", "oil-2013", "protest-2013"}},
        {"2013-06", "2013-06", {"french-news", "oil-2013", "protest-2013"}},
        {"2013-06-14", "2013-06-14", {"french-news"}},
        {"2013-06-02", "2013-06-29", {"french-news"}},
        {"2013-02-28", "2013-06-01", {"liberty-blockade", "protest-2013"}},
        {"2014", "", {"oil-2014"}},
        {"", "2012", {"ashraf-2012"}},
        {"2012", "2012", {"ashraf-2012"}},
        {"2013-12-31", "2014-01-01", {"oil-2014"}},
        {"2013", "2013-01-10", {"liberty-un"}},
        {"2015", "", {}},
    };
    for (const auto& row : rows) {
        INFO("from " << row.from << " to " << row.to);
        SearchRequest request{.from = row.from, .to = row.to, .limit = 100};
        CHECK(sorted_ids(run(request)) == row.expected);
    }
}

TEST_CASE("category filters accept any of several categories, ignoring case", "[search]") {
    CHECK(sorted_ids(run({.categories = {"nuclear", "POLITIQUE"}})) == Ids{"french-news", "nuclear-talks"});
    CHECK(sorted_ids(run({.query = "camp", .categories = {"Human rights"}})) == Ids{"liberty-blockade"});
    CHECK(run({.categories = {"No such category"}}).hits.empty());
}

TEST_CASE("filters combine with query text and with each other", "[search]") {
    auto response = run({.query = "camp", .categories = {"Iranian opposition"}, .from = "2013", .to = "2013"});
    CHECK(sorted_ids(response) == Ids{"liberty-blockade", "liberty-un"});
}

TEST_CASE("request fields are validated and named in errors", "[search][errors]") {
    auto expect_invalid = [](SearchRequest request, const std::string& parameter) {
        try {
            run(request);
            FAIL("no error for " << parameter);
        } catch (const libsearch::InvalidArgument& e) {
            CHECK(e.parameter() == parameter);
        }
    };
    expect_invalid({.limit = 0}, "limit");
    expect_invalid({.limit = 101}, "limit");
    expect_invalid({.from = "2013-13"}, "from");
    expect_invalid({.to = "June"}, "to");
    expect_invalid({.from = "2014", .to = "2013"}, "to");
    expect_invalid({.snippet_length = 5}, "snippet_length");
    expect_invalid({.offset = 10'000'000}, "offset");
}

TEST_CASE("totals are exact when asked, and bounds always hold", "[search]") {
    auto response = run({.query = "camp", .exact = true});
    CHECK(response.total.exact());
    CHECK(response.total.estimated == 4);
    response = run({.query = "camp"});
    CHECK(response.total.lower_bound <= response.total.estimated);
    CHECK(response.total.estimated <= response.total.upper_bound);
    CHECK(response.elapsed_ms > 0);
}

TEST_CASE("misspelt queries with few matches get a suggestion, never applied", "[search][spelling]") {
    auto response = run({.query = "Liberti"});
    CHECK(response.suggestion == "liberty");
    response = run({.query = "nuclaer talks"});
    CHECK(response.hits.empty());
    CHECK(response.suggestion == "nuclear talks");
    // NEAR goes to Xapian in brackets; the suggestion reads as typed.
    CHECK(run({.query = "nuclaer NEAR talks"}).suggestion == "nuclear NEAR talks");
    CHECK(run({.query = "camp (nuclaer NEAR talks)"}).suggestion == "camp (nuclear NEAR talks)");
    // Well-spelt queries with matches get none.
    CHECK(run({.query = "liberty"}).suggestion.empty());
    // Without spelling data, no suggestion and no error.
    TestIndex plain({article("a", "Liberty", "text")}, {.spelling = false});
    CHECK(plain.searcher().search({.query = "Liberti"}).suggestion.empty());
}

TEST_CASE("reprints with the same text collapse when asked", "[search][versions]") {
    TestIndex index({article("a", "Same story", "Identical   text of a wire story."),
                     article("b", "same STORY", "identical text of a wire story."),
                     article("c", "Other story", "Different text of a wire story.")});
    auto searcher = index.searcher();
    CHECK(searcher.search({.query = "story"}).hits.size() == 3);
    auto collapsed = searcher.search({.query = "story", .collapse_versions = true});
    REQUIRE(collapsed.hits.size() == 2);
    std::uint64_t versions = 0;
    for (const auto& hit : collapsed.hits) versions += hit.versions;
    CHECK(versions == 1);
}

namespace {

// Everything a hit shows but its snippet.
void require_same_hits_but_snippets(const libsearch::SearchResponse& with, const libsearch::SearchResponse& without) {
    REQUIRE(ids(with) == ids(without));
    for (std::size_t i = 0; i < with.hits.size(); ++i) {
        const auto &a = with.hits[i], &b = without.hits[i];
        INFO("hit " << a.id);
        CHECK(a.url == b.url);
        CHECK(a.title == b.title);
        CHECK(a.title_html == b.title_html);
        CHECK(a.categories == b.categories);
        CHECK(a.date == b.date);
        CHECK(a.author == b.author);
        CHECK(a.language == b.language);
        CHECK(a.version_group == b.version_group);
        CHECK(a.score == b.score);
        CHECK_FALSE(a.snippet.empty());
        CHECK(b.snippet.empty());
    }
}

}  // namespace

TEST_CASE("a hit without a snippet shows the same fields as with one, on new and older indexes",
          "[search][index]") {
    auto articles = sample_articles();
    // A reprint, so that some hits have a version group.
    auto reprint = articles[0];
    reprint.id = "liberty-un-reprint";
    reprint.url = "https://mirror.example.net/liberty-un";
    articles.push_back(reprint);
    TestIndex index(articles);
    const std::vector<std::string> queries = {"camp liberty", "\"oil prices\"", "opposition", "exile", "Geneva",
                                              "camp OR oil OR nuclear"};
    auto compare_all = [&] {
        auto searcher = index.searcher();
        for (const auto& q : queries) {
            INFO("query " << q);
            const auto with = searcher.search({.query = q});
            REQUIRE_FALSE(with.hits.empty());
            require_same_hits_but_snippets(with, searcher.search({.query = q, .snippets = false}));
        }
        const auto group = searcher.search({.query = "camp liberty", .snippets = false});
        CHECK(std::count_if(group.hits.begin(), group.hits.end(),
                            [](const auto& h) { return !h.version_group.empty(); }) == 2);
    };
    compare_all();
    // An index written before schema::slot_hit_fields: hits read the document data.
    {
        Xapian::WritableDatabase db(index.path(), Xapian::DB_OPEN);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            auto doc = db.get_document(*it);
            doc.remove_value(libsearch::schema::slot_hit_fields);
            db.replace_document(*it, doc);
        }
        db.commit();
        REQUIRE(db.get_value_freq(libsearch::schema::slot_hit_fields) == 0);
    }
    compare_all();
}

TEST_CASE("a searcher reopened after a commit sees the new articles", "[search][index]") {
    TempDir dir;
    libsearch::IndexWriter writer({.path = dir / "db"});
    writer.add(article("1", "first", "alpha"));
    writer.commit();
    libsearch::Searcher searcher(dir / "db");
    CHECK(searcher.search({.query = "beta"}).hits.empty());
    writer.add(article("2", "second", "beta"));
    writer.commit();
    CHECK(searcher.reopen());
    CHECK(ids(searcher.search({.query = "beta"})) == Ids{"2"});
    CHECK_FALSE(searcher.reopen());
}

TEST_CASE("the recency boost favours newer articles without hiding much better old ones", "[search][recency]") {
    TestIndex index({article("old", "Report", "Talks on the dam resumed.", {}, day(2010, 1, 1)),
                     article("new", "Report", "Talks on the dam resumed.", {}, day(2014, 1, 1)),
                     article("undated", "Report", "Talks on the dam resumed."),
                     article("strong-old", "Dam talks: dam dam dam", "The dam, the dam and the dam talks.", {},
                             day(2009, 1, 1))});
    auto searcher = index.searcher();
    auto plain = ids(searcher.search({.query = "dam"}));
    CHECK(plain.front() == "strong-old");
    auto boosted = ids(searcher.search({.query = "dam", .recency_half_life_days = 365}));
    CHECK(boosted.front() == "strong-old");  // a much better match stays first
    // Among equal matches, the newer comes first, the undated last.
    auto pos = [&](const std::string& id) { return std::find(boosted.begin(), boosted.end(), id) - boosted.begin(); };
    CHECK(pos("new") < pos("old"));
    CHECK(pos("old") < pos("undated"));
    // Off, nothing changes; sorted by date, it does not apply.
    CHECK(ids(searcher.search({.query = "dam", .recency_half_life_days = 0})) == plain);
    CHECK_THROWS_AS(searcher.search({.query = "dam", .recency_half_life_days = -1}), libsearch::InvalidArgument);
    CHECK(search::day_number("19700102") == 1);
    CHECK(search::day_number("20000301") - search::day_number("20000228") == 2);
    CHECK(search::day_number("bad") == 0);
}
