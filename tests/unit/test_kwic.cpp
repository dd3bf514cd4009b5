#include <catch2/catch.hpp>
#include <libsearch/kwic.hpp>

#include "sample_articles.hpp"

using namespace testsupport;
using libsearch::Kwic;
using libsearch::KwicRequest;
using libsearch::SortOrder;

namespace {

std::vector<libsearch::Article> kwic_articles() {
    return {
        article("camps-2013", "Camps in Iraq",
                "Residents of Camp Liberty wrote to the UN. The camp, Liberty as it is called, is a former base.\n\n"
                "Camps across the region were inspected by monitors in March.",
                {"Iranian opposition"}, day(2013, 3, 1)),
        article("liberty-2014", "Liberty under siege",
                "A new blockade of CAMP LIBERTY began in January; camp residents said the camp's clinic closed.",
                {"Human rights"}, day(2014, 1, 20)),
        article("essay", "An undated essay", "Memories of camp life: the camp was home, and camping a habit.",
                {"Iranian opposition"}),
        article("title-only", "Camp Liberty in the news", "Nothing in this body names the place.", {"Press"},
                day(2012, 5, 5)),
        article("persian", "خبر", "نامه‌ای از كمپ ليبرتي رسید و همه خواندند",
                {"Persian"}, day(2013, 7, 7)),
        article("accents", "Élections", "Les ÉLECTIONS de juin: les élections présidentielles ont eu lieu.",
                {"Politique"}, day(2013, 6, 14)),
    };
}

const TestIndex& kwic_index() {
    static const TestIndex index(kwic_articles());
    return index;
}

Kwic kwic(KwicRequest request) {
    auto searcher = kwic_index().searcher();
    return searcher.kwic(request);
}

std::vector<std::string> matches(const Kwic& k) {
    std::vector<std::string> out;
    for (const auto& line : k.lines) out.push_back(line.id + ": " + line.match);
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("kwic lists each occurrence of a word as written, newest article first", "[kwic]") {
    const auto k = kwic({.query = "camp"});
    // Not "Camps", "camp's" or "camping": exact words, case aside; titles are not scanned.
    CHECK(matches(k) == Lines{"liberty-2014: CAMP", "liberty-2014: camp", "camps-2013: Camp", "camps-2013: camp",
                              "essay: camp", "essay: camp"});
    CHECK(k.phrase == "camp");
    CHECK(k.total == 6);
    CHECK(k.complete);
    CHECK(k.articles == 4);  // title-only matches, with no line
    CHECK_FALSE(k.next_offset);
    CHECK(k.warnings.empty());
    const auto& first = k.lines.front();
    CHECK(first.title == "Liberty under siege");
    REQUIRE(first.date);
    CHECK(first.date->iso() == "2014-01-20");
    CHECK_FALSE(k.lines.back().date);  // the undated essay comes last
}

TEST_CASE("kwic by stem lists every form with the word's stem", "[kwic]") {
    const auto k = kwic({.query = "camp", .stem = true, .sort = SortOrder::oldest});
    CHECK(matches(k) == Lines{"camps-2013: Camp", "camps-2013: camp", "camps-2013: Camps", "liberty-2014: CAMP",
                              "liberty-2014: camp", "liberty-2014: camp's", "essay: camp", "essay: camp",
                              "essay: camping"});
    // As written, "camp's" is a word of its own, as the indexer reads it.
    CHECK(matches(kwic({.query = "camp's"})) == Lines{"liberty-2014: camp's"});
}

TEST_CASE("a kwic phrase matches across punctuation and line breaks, quoted or not", "[kwic]") {
    for (const std::string query : {"camp liberty", "\"camp liberty\"", "Camp, LIBERTY!"}) {
        INFO(query);
        const auto k = kwic({.query = query, .sort = SortOrder::oldest});
        CHECK(k.phrase == "camp liberty");
        CHECK(matches(k) ==
              Lines{"camps-2013: Camp Liberty", "camps-2013: camp, Liberty", "liberty-2014: CAMP LIBERTY"});
        CHECK(k.articles == 3);  // with the title-only article
    }
}

TEST_CASE("kwic context is whole words of the text, at most width each side, within the paragraph", "[kwic]") {
    auto k = kwic({.query = "camp liberty", .width = 3, .sort = SortOrder::oldest});
    REQUIRE(k.lines.size() == 3);
    CHECK(k.lines[0].left == "Residents of ");
    CHECK(k.lines[0].right == " wrote to the");
    CHECK(k.lines[1].left == "the UN. The ");
    CHECK(k.lines[1].match == "camp, Liberty");
    CHECK(k.lines[1].right == " as it is");
    CHECK(k.lines[2].left == "new blockade of ");
    // The three read as the text does, whitespace runs as one space.
    CHECK(k.lines[1].left + k.lines[1].match + k.lines[1].right == "the UN. The camp, Liberty as it is");
    k = kwic({.query = "camp", .width = 2, .sort = SortOrder::oldest});
    REQUIRE(k.lines.size() >= 2);
    CHECK(k.lines[1].left == "UN. The ");
    CHECK(k.lines[1].right == ", Liberty as");
    // The paragraph ends before width words: the next one is not context.
    k = kwic({.query = "base", .width = 5});
    REQUIRE(k.lines.size() == 1);
    CHECK(k.lines[0].left == "is called, is a former ");
    CHECK(k.lines[0].right.empty());
    k = kwic({.query = "camps", .width = 2});
    REQUIRE(k.lines.size() == 1);
    CHECK(k.lines[0].left.empty());
    CHECK(k.lines[0].right == " across the");
    // Wide context stops at the text's ends.
    k = kwic({.query = "memories", .width = 50});
    REQUIRE(k.lines.size() == 1);
    CHECK(k.lines[0].left.empty());
    CHECK(k.lines[0].right == " of camp life: the camp was home, and camping a habit.");
}

TEST_CASE("kwic pages are stable slices of one order", "[kwic]") {
    const auto all = kwic({.query = "camp", .limit = 500});
    Lines paged;
    std::optional<std::uint64_t> offset = 0;
    int pages = 0;
    while (offset) {
        const auto page = kwic({.query = "camp", .offset = static_cast<std::size_t>(*offset), .limit = 4});
        CHECK(page.total == all.total);
        for (const auto& m : matches(page)) paged.push_back(m);
        offset = page.next_offset;
        ++pages;
    }
    CHECK(pages == 2);
    CHECK(paged == matches(all));
    const auto second = kwic({.query = "camp", .offset = 4, .limit = 4});
    CHECK(second.lines.size() == 2);
    CHECK_FALSE(second.next_offset);
    const auto beyond = kwic({.query = "camp", .offset = 100});
    CHECK(beyond.lines.empty());
    CHECK(beyond.total == 6);
}

TEST_CASE("kwic applies the search filters", "[kwic]") {
    CHECK(matches(kwic({.query = "camp", .categories = {"human rights"}})) ==
          Lines{"liberty-2014: CAMP", "liberty-2014: camp"});
    CHECK(matches(kwic({.query = "camp", .from = "2013", .to = "2013-12"})) ==
          Lines{"camps-2013: Camp", "camps-2013: camp"});
    // A date bound drops undated articles, as in search.
    CHECK(kwic({.query = "camp", .from = "2000"}).total == 4);
    CHECK(kwic({.query = "camp", .categories = {"Iranian opposition"}}).total == 4);
}

TEST_CASE("kwic folds case and Arabic-script spellings as the index does", "[kwic]") {
    auto k = kwic({.query = "élections"});
    CHECK(matches(k) == Lines{"accents: ÉLECTIONS", "accents: élections"});
    CHECK(k.lines[0].right == " de juin: les élections présidentielles ont eu lieu.");
    // Persian Keheh and Yeh find the Arabic Kaf and Yeh of the text, shown as written.
    k = kwic({.query = "کمپ لیبرتی"});
    REQUIRE(k.lines.size() == 1);
    CHECK(k.lines[0].match == "كمپ ليبرتي");
    CHECK(k.lines[0].left == "نامه‌ای از ");
}

TEST_CASE("kwic lines are the occurrences a phrase search finds", "[kwic]") {
    auto searcher = sample_index().searcher();
    for (const std::string phrase : {"camp liberty", "oil prices", "the", "residents", "human rights"}) {
        INFO(phrase);
        const auto k = searcher.kwic({.query = phrase, .limit = 500});
        const auto found = searcher.search({.query = "\"" + phrase + "\"", .limit = 100, .exact = true});
        CHECK(k.articles == found.total.estimated);
        // Each line's article is a hit; a hit without a line matched in its title.
        const auto hits = ids(found);
        for (const auto& line : k.lines) CHECK(std::find(hits.begin(), hits.end(), line.id) != hits.end());
        for (const auto& hit : found.hits) {
            const bool has_line = std::any_of(k.lines.begin(), k.lines.end(), [&](auto& l) { return l.id == hit.id; });
            if (!has_line) CHECK(hit.title_html.find("<mark>") != std::string::npos);
        }
        CHECK(k.total > 0);
    }
}

TEST_CASE("kwic rejects requests out of range, naming the field", "[kwic]") {
    auto searcher = kwic_index().searcher();
    auto field_of = [&](KwicRequest request) -> std::string {
        try {
            searcher.kwic(request);
        } catch (const libsearch::InvalidArgument& e) {
            return e.parameter();
        }
        return "";
    };
    CHECK(field_of({.query = ""}) == "q");
    CHECK(field_of({.query = "  \"\" !? "}) == "q");
    std::string long_phrase;
    for (int i = 0; i < 21; ++i) long_phrase += "w" + std::to_string(i) + " ";
    CHECK(field_of({.query = long_phrase}) == "q");
    CHECK(field_of({.query = "camp", .width = 0}) == "width");
    CHECK(field_of({.query = "camp", .width = 51}) == "width");
    CHECK(field_of({.query = "camp", .limit = 0}) == "limit");
    CHECK(field_of({.query = "camp", .limit = 501}) == "limit");
    CHECK(field_of({.query = "camp", .offset = 2'000'000}) == "offset");
    CHECK(field_of({.query = "camp", .from = "2013-13"}) == "from");
    CHECK(field_of({.query = "camp", .from = "2014", .to = "2013"}) == "to");
}

TEST_CASE("kwic reads a bounded number of articles and says when it stopped", "[kwic]") {
    std::vector<libsearch::Article> many;
    for (std::size_t i = 0; i <= libsearch::kKwicArticleScanLimit; ++i)
        many.push_back(article("a" + std::to_string(i), "Note " + std::to_string(i), "A short note on the camp.", {},
                               day(2000 + static_cast<int>(i % 20), 1, 1)));
    const TestIndex index(many);
    auto searcher = index.searcher();
    const auto k = searcher.kwic({.query = "camp", .limit = 10});
    CHECK(k.articles == libsearch::kKwicArticleScanLimit + 1);
    CHECK(k.articles_scanned == libsearch::kKwicArticleScanLimit);
    CHECK(k.total == libsearch::kKwicArticleScanLimit);
    CHECK_FALSE(k.complete);
    REQUIRE(k.warnings.size() == 1);
    CHECK(k.warnings[0].find("narrow") != std::string::npos);
    CHECK(k.next_offset == 10);
    CHECK(k.lines[0].left == "A short note on the ");
}
