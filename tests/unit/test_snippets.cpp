#include <catch2/catch.hpp>

#include "test_index.hpp"

using namespace testsupport;

namespace {

const libsearch::Hit& only_hit(const libsearch::SearchResponse& response) {
    REQUIRE(response.hits.size() == 1);
    return response.hits[0];
}

}  // namespace

TEST_CASE("snippets mark matches, including stemmed forms", "[snippets]") {
    TestIndex index({article("a", "Camp Liberty residents", "Residents of the camps said the camp was under siege.")});
    auto searcher = index.searcher();
    const auto response_ = searcher.search({.query = "camp"});
    const auto& hit = only_hit(response_);
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>camps</mark>"));
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>camp</mark>"));
    CHECK(hit.title_html == "<mark>Camp</mark> Liberty residents");
    CHECK(hit.title == "Camp Liberty residents");
}

TEST_CASE("a quoted phrase is marked as the phrase only where it occurs", "[snippets]") {
    TestIndex index({article("a", "Report", "The camp was quiet. Liberty is a word. Later, Camp Liberty was closed.")});
    const auto response_ = index.searcher().search({.query = "\"camp liberty\""});
    const auto& hit = only_hit(response_);
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>Camp Liberty</mark> was closed"));
    CHECK_THAT(hit.snippet, Catch::Contains("The camp was quiet"));
    CHECK_THAT(hit.snippet, !Catch::Contains("<mark>camp</mark> was quiet"));
}

TEST_CASE("snippets and titles escape HTML from the index", "[snippets][security]") {
    TestIndex index({article("x", "<img src=x onerror=alert(1)> attack",
                             "A <script>alert('xss')</script> payload & more \"quotes\" attack.")});
    const auto response_ = index.searcher().search({.query = "attack"});
    const auto& hit = only_hit(response_);
    CHECK_THAT(hit.snippet, !Catch::Contains("<script>"));
    CHECK_THAT(hit.snippet, Catch::Contains("&lt;script&gt;"));
    CHECK_THAT(hit.snippet, Catch::Contains("&amp;"));
    CHECK_THAT(hit.title_html, Catch::StartsWith("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(hit.title_html, Catch::Contains("<mark>attack</mark>"));
    CHECK(hit.title == "<img src=x onerror=alert(1)> attack");
}

TEST_CASE("snippets pick the passage with the matches from a long body", "[snippets]") {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "Filler sentence number " + std::to_string(i) + " says nothing. ";
    body += "Here the negotiators finally reached an agreement in Geneva. ";
    for (int i = 0; i < 200; ++i) body += "More filler " + std::to_string(i) + ". ";
    TestIndex index({article("long", "Talks", body)});
    auto response = index.searcher().search({.query = "agreement geneva", .snippet_length = 120});
    const auto& hit = only_hit(response);
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>agreement</mark>"));
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>Geneva</mark>"));
    CHECK(hit.snippet.size() < 300);
    CHECK_THAT(hit.snippet, Catch::StartsWith("…"));
}

TEST_CASE("without query text a snippet is the start of the body", "[snippets]") {
    TestIndex index({article("a", "Title", "First words of the article. Then more.")});
    const auto response_ = index.searcher().search({});
    const auto& hit = only_hit(response_);
    CHECK_THAT(hit.snippet, Catch::StartsWith("First words of the article."));
    CHECK_THAT(hit.snippet, !Catch::Contains("<mark>"));
}
