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

TEST_CASE("a highlighted article marks every match, paragraph by paragraph", "[snippets]") {
    TestIndex index({article("a", "Camp Liberty <report>",
                             "First paragraph about the camp.\n\nSecond paragraph: camps & <b>tags</b>.\n\n"
                             "Third, no match.")});
    auto searcher = index.searcher();
    auto view = searcher.highlighted_article("a", "camp");
    REQUIRE(view);
    CHECK(view->title_html == "<mark>Camp</mark> Liberty &lt;report&gt;");
    CHECK(view->body_html ==
          "<p>First paragraph about the <mark>camp</mark>.</p>\n"
          "<p>Second paragraph: <mark>camps</mark> &amp; &lt;b&gt;tags&lt;/b&gt;.</p>\n"
          "<p>Third, no match.</p>");
    CHECK(view->article.title == "Camp Liberty <report>");
    auto plain = searcher.highlighted_article("a", "");
    CHECK(plain->body_html.find("<mark>") == std::string::npos);
    CHECK_THAT(plain->body_html, Catch::StartsWith("<p>First paragraph about the camp.</p>"));
    CHECK_FALSE(searcher.highlighted_article("missing", "camp"));
    CHECK_THROWS_AS(searcher.highlighted_article("a", "date:2013-13"), libsearch::QuerySyntaxError);
}

TEST_CASE("suggestions complete the last word from words and titles", "[search][suggest]") {
    TestIndex index({article("1", "Liberty residents appeal", "Liberty liberty liberal libraries."),
                     article("2", "Libraries reopen", "The library reopened."),
                     article("3", "Oil prices", "Crude oil and liberty.")});
    auto searcher = index.searcher();
    auto suggestions = searcher.suggest("camp lib", 3);
    std::vector<std::string> terms, titles;
    for (const auto& s : suggestions)
        (s.kind == libsearch::Suggestion::Kind::term ? terms : titles).push_back(s.text);
    REQUIRE(terms.size() == 3);
    for (const auto& t : terms) CHECK_THAT(t, Catch::StartsWith("camp lib"));
    CHECK(terms[0] == "camp liberty");  // in the most articles first
    CHECK(titles.size() == 2);
    CHECK(searcher.suggest("l").empty());
    CHECK(searcher.suggest("zzz").empty());
    CHECK(searcher.suggest("\"LIB", 1).at(0).text == "liberty");
}

TEST_CASE("acronyms are searched and marked as the indexer reads them", "[snippets][query]") {
    TestIndex index({article("a", "Deficit", "The U.S. trade deficit widened, the U.N. said."),
                     article("b", "Other", "Trade talks between us and them.")});
    auto searcher = index.searcher();
    const auto response = searcher.search({.query = "U.S. deficit"});
    const auto& hit = only_hit(response);
    CHECK(hit.id == "a");
    CHECK_THAT(hit.snippet, Catch::Contains("The <mark>U.S.</mark> trade <mark>deficit</mark> widened"));
    CHECK(only_hit(searcher.search({.query = "\"U.N. said\""})).id == "a");
}

TEST_CASE("a snippet starts near its best passage, with a little context, in one line", "[snippets]") {
    std::string body = "Opening paragraph about the weather.\n\n";
    for (int i = 0; i < 30; ++i) body += "Filler line " + std::to_string(i) + ".\n";
    body += "\nThe central bank raised interest rates on Tuesday. Analysts expected interest rates to rise.\n\n"
            "Closing words that go on and on, long after the passage that matters, to the very end.";
    TestIndex index({article("a", "Rates", body)});
    const auto response = index.searcher().search({.query = "\"interest rates\" bank", .snippet_length = 120});
    const auto& hit = only_hit(response);
    CHECK_THAT(hit.snippet, Catch::StartsWith("…The central <mark>bank</mark> raised <mark>interest rates</mark>"));
    CHECK(hit.snippet.find('\n') == std::string::npos);
    CHECK_THAT(hit.snippet, Catch::EndsWith("…"));
}

TEST_CASE("snippets and titles stay escaped and well marked for every kind of word", "[snippets][security]") {
    TestIndex index({article("a", "C++ & \"quotes\"",
                             "Iraq's officials met at AT&T; 3.5 million users of C++ and café owners came.")});
    auto searcher = index.searcher();
    const auto response = searcher.search({.query = "iraq café 3.5"});
    const auto& hit = only_hit(response);
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>Iraq's</mark>"));
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>3.5</mark> million"));
    CHECK_THAT(hit.snippet, Catch::Contains("<mark>café</mark>"));
    CHECK_THAT(hit.snippet, Catch::Contains("AT&amp;T"));
    CHECK(hit.title_html == "C++ &amp; &quot;quotes&quot;");
    const auto wildcard = searcher.search({.query = "offic*"});
    const auto& wild = only_hit(wildcard);
    CHECK_THAT(wild.snippet, Catch::Contains("<mark>officials</mark>"));
    const auto negation = searcher.search({.query = "users -zebra"});
    const auto& negated = only_hit(negation);
    CHECK_THAT(negated.snippet, Catch::Contains("<mark>users</mark>"));
    const auto off = searcher.search({.query = "users", .snippets = false});
    REQUIRE(off.hits.size() == 1);
    CHECK(off.hits[0].snippet.empty());
    CHECK(off.hits[0].title == "C++ & \"quotes\"");
}

TEST_CASE("stemmed forms are marked whatever their ending, Porter2's exceptions and other languages too",
          "[snippets]") {
    // English words only stem to a query's stem when both begin alike, so
    // the marker skips the others; these forms test that nothing is lost.
    TestIndex index({article("a", "Skies over the camps",
                             "Clear skies early on; the dying embers of the fires, gently lying smoke, and a sky "
                             "that stayed clear. Yesterday the camps were only quiet."),
                     [] {
                         auto a = article("b", "Les élections présidentielles",
                                          "Les électeurs iraniens votent pour élire un nouveau président.");
                         a.language = "fr";
                         return a;
                     }()});
    auto searcher = index.searcher();
    const auto english = searcher.search({.query = "sky die lie early gentle yesterday camp"});
    const auto& hit = only_hit(english);
    for (const char* marked : {"<mark>skies</mark>", "<mark>dying</mark>", "<mark>lying</mark>", "<mark>sky</mark>",
                               "<mark>early</mark>", "<mark>gently</mark>", "<mark>Yesterday</mark>",
                               "<mark>camps</mark>"})
        CHECK_THAT(hit.snippet, Catch::Contains(marked));
    CHECK(hit.title_html == "<mark>Skies</mark> over the <mark>camps</mark>");
    // A phrase of stems: every word of it marked together.
    const auto phrase = searcher.search({.query = "\"dying embers\""});
    CHECK_THAT(only_hit(phrase).snippet, Catch::Contains("the <mark>dying embers</mark> of"));
    const auto french = searcher.search({.query = "électeur président élection", .language = "fr"});
    const auto& fr = only_hit(french);
    CHECK_THAT(fr.snippet, Catch::Contains("<mark>électeurs</mark>"));
    CHECK_THAT(fr.snippet, Catch::Contains("<mark>président</mark>"));
    CHECK(fr.title_html == "Les <mark>élections</mark> présidentielles");
}
