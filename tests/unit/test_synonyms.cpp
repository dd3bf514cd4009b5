#include <catch2/catch.hpp>
#include <libsearch/synonyms.hpp>

#include <fstream>

#include "test_index.hpp"

using namespace testsupport;
using libsearch::Synonyms;

namespace {

const char* kFile =
    "# aliases of organisations\n"
    "PMOI | MEK | \"People's Mojahedin Organization of Iran\"\n"
    "NCRI | \"National Council of Resistance of Iran\"   # the coalition\n"
    "\n"
    "IAEA | International Atomic Energy Agency\n";

}  // namespace

TEST_CASE("synonym files: groups, quotes, comments", "[synonyms]") {
    const auto synonyms = Synonyms::parse(kFile);
    CHECK(synonyms.size() == 3);
    struct Row {
        const char* query;
        const char* expanded;
    };
    const Row rows[] = {
        {"MEK camp", "(pmoi OR mek OR \"people's mojahedin organization of iran\") camp"},
        {"the iaea report", "the (iaea OR \"international atomic energy agency\") report"},
        {"International  Atomic Energy Agency", "(iaea OR \"international atomic energy agency\")"},
        {"People\u2019s Mojahedin Organization of Iran",
         "(pmoi OR mek OR \"people's mojahedin organization of iran\")"},
        {"\"MEK\" camp", "\"MEK\" camp"},                       // a quoted phrase is never expanded
        {"title:MEK", "title:MEK"},                             // field values stay
        {"-MEK +NCRI", "-MEK +NCRI"},                           // so do excluded and required words
        {"MEK*", "MEK*"},                                       // and wildcards
        {"MEK NEAR camp", "MEK NEAR camp"},                     // and words next to NEAR or ADJ,
        {"camp ADJ/2 MEK NCRI", "camp ADJ/2 MEK (ncri OR \"national council of resistance of iran\")"},
        {"Iran", "Iran"},                                       // part of a member only
        {"camp", "camp"},
    };
    for (const auto& row : rows) {
        INFO(row.query);
        CHECK(synonyms.expand(row.query) == row.expanded);
    }
    CHECK(Synonyms().expand("MEK") == "MEK");
}

TEST_CASE("malformed synonym files name the line", "[synonyms][errors]") {
    CHECK_THROWS_WITH(Synonyms::parse("A | B\nlonely\n", "syn.txt"), Catch::Contains("syn.txt:2") &&
                                                                         Catch::Contains("at least two members"));
    CHECK_THROWS_WITH(Synonyms::parse("A | \"B C\n"), Catch::Contains("unclosed quote"));
    CHECK_THROWS_WITH(Synonyms::parse("A | B\nB | C\n"), Catch::Contains("already in another group"));
    CHECK_THROWS_AS(Synonyms::load("/nonexistent/synonyms.txt"), libsearch::InvalidArgument);
}

TEST_CASE("a search for one member finds articles using any, and marks what matched", "[synonyms][search]") {
    TestIndex index({article("full", "Statement", "The People's Mojahedin Organization of Iran said on Monday."),
                     article("short", "Rally", "Supporters of the PMOI rallied in Paris."),
                     article("other", "Iran", "The organization of a conference in Iran.")});
    auto searcher = index.searcher();
    CHECK(sorted_ids(searcher.search({.query = "MEK"})).empty());
    searcher.set_synonyms(Synonyms::parse(kFile));
    CHECK(sorted_ids(searcher.search({.query = "MEK"})) == std::vector<std::string>{"full", "short"});
    CHECK(sorted_ids(searcher.search({.query = "pmoi"})) == std::vector<std::string>{"full", "short"});
    auto response = searcher.search({.query = "MEK said"});
    REQUIRE(ids(response) == std::vector<std::string>{"full"});
    CHECK_THAT(response.hits[0].snippet, Catch::Contains("<mark>People's Mojahedin Organization of Iran</mark>"));
    // Quoted: exactly that word, no expansion.
    CHECK(searcher.search({.query = "\"MEK\""}).hits.empty());
    auto view = searcher.highlighted_article("short", "MEK");
    CHECK_THAT(view->body_html, Catch::Contains("<mark>PMOI</mark>"));
    searcher.set_synonyms({});
    CHECK(searcher.search({.query = "MEK"}).hits.empty());
}
