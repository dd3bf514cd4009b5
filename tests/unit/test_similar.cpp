#include <catch2/catch.hpp>
#include <libsearch/errors.hpp>

#include "search/similar.hpp"
#include "test_index.hpp"

using namespace testsupport;
using libsearch::SimilarArticle;
using libsearch::SimilarRequest;

namespace {

libsearch::Article at(libsearch::Article a, std::string url) {
    a.url = std::move(url);
    return a;
}

// The source is about the siege of Camp Liberty. Its reprint differs only in
// case and spacing (same content hash). "oil-same-tags" shares every boolean
// term of the source (category, day, site) and none of its words.
const std::vector<libsearch::Article>& archive() {
    static const std::vector<libsearch::Article> articles{
        at(article("source", "Medical siege of Camp Liberty tightens",
                   "Iraqi forces tightened the medical siege of Camp Liberty. Residents of the camp said patients "
                   "were denied hospital transfers and medicine for weeks.",
                   {"Iranian opposition"}, day(2013, 2, 28)),
           "https://www.ncr-iran.org/en/news/siege"),
        at(article("source-reprint", "MEDICAL SIEGE OF CAMP LIBERTY TIGHTENS",
                   "Iraqi  forces tightened the medical siege of Camp Liberty.\nResidents of the camp said patients "
                   "were denied hospital transfers and medicine for weeks.",
                   {"Human rights"}, day(2013, 3, 1)),
           "https://reprints.example.com/siege"),
        at(article("oil-same-tags", "Crude prices climb", "Crude prices climbed as traders bought futures contracts.",
                   {"Iranian opposition"}, day(2013, 2, 28)),
           "https://www.ncr-iran.org/en/news/crude"),
        at(article(
               "hospital", "Camp Liberty patients denied hospital care",
               "Patients in Camp Liberty were denied transfers to a hospital, residents said, as the siege went on.",
               {"Human rights"}, day(2013, 3, 5)),
           "https://rights.example.org/liberty"),
        at(article("ashraf", "Residents of Camp Ashraf moved to Camp Liberty",
                   "The last residents of Camp Ashraf were moved to Camp Liberty by Iraqi forces.",
                   {"Iranian opposition"}, day(2012, 9, 16)),
           "https://news.example.com/ashraf"),
        at(article("ashraf-reprint", "Residents of Camp Ashraf moved to Camp Liberty",
                   "The last residents of Camp Ashraf were moved to Camp Liberty by Iraqi forces.",
                   {"Iranian opposition"}, day(2012, 9, 17)),
           "https://mirror.example.com/ashraf"),
        at(article("twin-a", "Medicine shortage report alpha", "A medicine shortage was reported for weeks.",
                   {"Health"}, day(2014, 1, 1)),
           ""),
        at(article("twin-b", "Medicine shortage report bravo", "A medicine shortage was reported for weeks.",
                   {"Health"}, day(2014, 1, 2)),
           ""),
        at(article("nuclear", "Nuclear talks resume in Geneva", "Negotiators met in Geneva on the nuclear programme.",
                   {"Diplomacy"}, day(2013, 11, 24)),
           ""),
        at(article("geneva-2", "Geneva talks end", "The nuclear negotiators left Geneva without a deal.", {"Diplomacy"},
                   day(2013, 11, 30)),
           ""),
    };
    return articles;
}

const TestIndex& index() {
    static const TestIndex built(archive());
    return built;
}

std::vector<std::string> ids_of(const std::vector<SimilarArticle>& similar) {
    std::vector<std::string> out;
    for (const auto& s : similar) out.push_back(s.id);
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("similar articles of an unknown id are nullopt, not an empty list", "[similar]") {
    auto searcher = index().searcher();
    CHECK_FALSE(searcher.similar({.id = "no-such-article"}).has_value());
    CHECK_FALSE(searcher.similar({.id = ""}).has_value());
    // An id that only differs in case is another id.
    CHECK_FALSE(searcher.similar({.id = "SOURCE"}).has_value());
}

TEST_CASE("similar articles share the source's words, best first, without the source or its reprints", "[similar]") {
    auto searcher = index().searcher();
    const auto found = searcher.similar({.id = "source"});
    REQUIRE(found.has_value());
    const auto ids = ids_of(*found);
    INFO("similar: " << Catch::Detail::stringify(ids));
    REQUIRE(ids.size() >= 2);
    CHECK(ids.front() == "hospital");
    CHECK(contains(ids, "ashraf") != contains(ids, "ashraf-reprint"));  // one article, printed twice, counts once
    CHECK_FALSE(contains(ids, "source"));
    CHECK_FALSE(contains(ids, "source-reprint"));
    CHECK_FALSE(contains(ids, "nuclear"));
    for (std::size_t i = 1; i < found->size(); ++i) CHECK((*found)[i - 1].score >= (*found)[i].score);

    const SimilarArticle& best = found->front();
    CHECK(best.title == "Camp Liberty patients denied hospital care");
    CHECK(best.url == "https://rights.example.org/liberty");
    CHECK(best.categories == std::vector<std::string>{"Human rights"});
    REQUIRE(best.date.has_value());
    CHECK(best.date->iso() == "2013-03-05");
    CHECK(best.score > 0);
}

TEST_CASE("similarity uses words only: sharing a category, a day and a site is not similarity", "[similar]") {
    auto searcher = index().searcher();
    const auto found = searcher.similar({.id = "source", .limit = libsearch::kMaxSimilar});
    REQUIRE(found.has_value());
    CHECK_FALSE(contains(ids_of(*found), "oil-same-tags"));
    // And the other way: the crude-oil story has no word in common with anything.
    const auto oil = searcher.similar({.id = "oil-same-tags"});
    REQUIRE(oil.has_value());
    CHECK(oil->empty());
}

TEST_CASE("only unprefixed free-text terms make a similarity query", "[similar]") {
    using libsearch::search::is_free_text_term;
    const std::vector<std::pair<std::string, bool>> table{
        {"camp", true},
        {"2013", true},
        {"élection", true},
        {"Zcamp", false},
        {"Scamp", false},
        {"ZScamp", false},
        {"Akilgour", false},
        {"Qsource", false},
        {"XCATiranian opposition", false},
        {"Y2013", false},
        {"M201302", false},
        {"D20130228", false},
        {"Hncr-iran.org", false},
        {"Len", false},
        {"XPLACEiraq", false},
        {"", false},
    };
    for (const auto& [term, free_text] : table) {
        INFO(term);
        CHECK(is_free_text_term(term) == free_text);
    }
}

TEST_CASE("similar articles come in the same order every time; equal scores in index order", "[similar]") {
    auto searcher = index().searcher();
    const auto first = searcher.similar({.id = "source", .limit = 20});
    REQUIRE(first.has_value());
    for (int run = 0; run < 3; ++run) {
        auto again = index().searcher().similar({.id = "source", .limit = 20});
        REQUIRE(again.has_value());
        CHECK(ids_of(*again) == ids_of(*first));
    }
    // The twins differ only in a title word the source lacks: the same score, so index order.
    const auto ids = ids_of(*first);
    const auto a = std::find(ids.begin(), ids.end(), "twin-a");
    const auto b = std::find(ids.begin(), ids.end(), "twin-b");
    REQUIRE(a != ids.end());
    REQUIRE(b != ids.end());
    CHECK(a < b);
    CHECK((*first)[a - ids.begin()].score == Approx((*first)[b - ids.begin()].score));
}

TEST_CASE("similar articles take the search filters and a limit", "[similar]") {
    auto searcher = index().searcher();
    auto found = searcher.similar({.id = "source", .categories = {"iranian opposition"}});
    REQUIRE(found.has_value());
    CHECK(ids_of(*found).size() == 1);
    CHECK((contains(ids_of(*found), "ashraf") || contains(ids_of(*found), "ashraf-reprint")));

    found = searcher.similar({.id = "source", .from = "2013", .to = "2013-12"});
    REQUIRE(found.has_value());
    CHECK(ids_of(*found) == std::vector<std::string>{"hospital"});

    found = searcher.similar({.id = "source", .limit = 1});
    REQUIRE(found.has_value());
    CHECK(ids_of(*found) == std::vector<std::string>{"hospital"});

    const auto fails_on = [&](SimilarRequest request, const std::string& parameter) {
        INFO(parameter);
        try {
            (void)searcher.similar(request);
            FAIL("no error");
        } catch (const libsearch::InvalidArgument& e) {
            CHECK(e.parameter() == parameter);
        }
    };
    fails_on({.id = "source", .limit = 0}, "limit");
    fails_on({.id = "source", .limit = libsearch::kMaxSimilar + 1}, "limit");
    fails_on({.id = "source", .from = "2013-13"}, "from");
    fails_on({.id = "source", .from = "2014", .to = "2013"}, "to");
}
