#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>

#include "test_index.hpp"

using namespace testsupport;
using libsearch::FacetValue;
using libsearch::SearchRequest;

namespace {

// A synthetic archive whose ground truth is known: each body is a set of
// made-up words, so "matches word w" is "w is in the set".
struct SyntheticArchive {
    std::vector<libsearch::Article> articles;
    std::vector<std::set<std::string>> words;

    explicit SyntheticArchive(std::size_t n) {
        std::mt19937 random(20131124);
        const std::vector<std::string> categories{"Politics", "Economy", "Human rights", "Nuclear",
                                                  "Iranian opposition", "Sport", "Culture", "Science"};
        const std::vector<std::string> vocabulary{"zorbit", "quaxel", "flindar", "mopret", "skavel", "trundle"};
        for (std::size_t i = 0; i < n; ++i) {
            libsearch::Article a;
            a.id = "doc-" + std::to_string(i);
            a.title = "Article " + std::to_string(i);
            std::set<std::string> body_words;
            for (const auto& word : vocabulary)
                if (random() % 3 == 0) body_words.insert(word);
            for (const auto& word : body_words) a.body += word + " ";
            a.body += "common";
            body_words.insert("common");
            const std::size_t ncat = random() % 4;  // 0..3 categories
            std::set<std::size_t> picked;
            while (picked.size() < ncat) picked.insert(random() % categories.size());
            for (auto c : picked) a.categories.push_back(categories[c]);
            if (random() % 10 != 0)  // one in ten undated
                a.date = day(2010 + static_cast<int>(random() % 6), 1 + static_cast<int>(random() % 12),
                             1 + static_cast<int>(random() % 28));
            articles.push_back(a);
            words.push_back(body_words);
        }
    }

    struct Counts {
        std::map<std::string, std::uint64_t> category, year, month;
        std::uint64_t total = 0;
    };

    Counts brute_force(const std::string& word, const std::vector<std::string>& category_filter) const {
        Counts counts;
        for (std::size_t i = 0; i < articles.size(); ++i) {
            const auto& a = articles[i];
            if (!word.empty() && !words[i].count(word)) continue;
            if (!category_filter.empty()) {
                bool any = false;
                for (const auto& c : category_filter)
                    any = any || std::find(a.categories.begin(), a.categories.end(), c) != a.categories.end();
                if (!any) continue;
            }
            ++counts.total;
            for (const auto& c : a.categories) ++counts.category[c];
            if (a.date) {
                ++counts.year[a.date->iso().substr(0, 4)];
                ++counts.month[a.date->iso().substr(0, 7)];
            }
        }
        return counts;
    }
};

std::map<std::string, std::uint64_t> as_map(const std::vector<FacetValue>& values) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& v : values) out[v.value] = v.count;
    return out;
}

}  // namespace

TEST_CASE("exact facet counts equal a brute-force count over the same articles", "[facets]") {
    const SyntheticArchive archive(1500);
    TestIndex index(archive.articles, {.batch_size = 0, .spelling = false});
    auto searcher = index.searcher();

    struct Case {
        std::string word;
        std::vector<std::string> categories;
    };
    const Case cases[] = {{"", {}},       {"common", {}},          {"zorbit", {}},
                          {"quaxel", {}}, {"flindar", {"Economy"}}, {"", {"Human rights", "Sport"}},
                          {"trundle", {"Nuclear"}}};
    for (const auto& c : cases) {
        INFO("word '" << c.word << "', " << c.categories.size() << " categories");
        const auto expected = archive.brute_force(c.word, c.categories);
        auto response = searcher.search({.query = c.word, .categories = c.categories, .exact = true});
        CHECK(response.total.exact());
        CHECK(response.total.estimated == expected.total);
        CHECK(response.facets.exact);
        CHECK(as_map(response.facets.category) == expected.category);
        CHECK(as_map(response.facets.year) == expected.year);
        CHECK(as_map(response.facets.month) == expected.month);
    }
}

TEST_CASE("facet order: categories by count, years and months ascending", "[facets]") {
    const SyntheticArchive archive(200);
    TestIndex index(archive.articles, {.spelling = false});
    auto response = index.searcher().search({.exact = true});
    const auto& categories = response.facets.category;
    REQUIRE(categories.size() == 8);
    for (std::size_t i = 1; i < categories.size(); ++i) CHECK(categories[i - 1].count >= categories[i].count);
    const auto& months = response.facets.month;
    for (std::size_t i = 1; i < months.size(); ++i) CHECK(months[i - 1].value < months[i].value);
    CHECK(months.front().value.size() == 7);
    CHECK(response.facets.year.front().value == "2010");
}

TEST_CASE("estimated facets say so, and are close to the truth", "[facets]") {
    const SyntheticArchive archive(3000);
    TestIndex index(archive.articles, {.batch_size = 0, .spelling = false});
    auto searcher = index.searcher();
    auto response = searcher.search({.query = "common", .sort = libsearch::SortOrder::relevance});
    const auto expected = archive.brute_force("common", {});
    if (response.facets.exact) {
        CHECK(as_map(response.facets.category) == expected.category);
    } else {
        // Scaled from a sample of at least 1000 of 3000: within 15% for the big categories.
        for (const auto& [category, count] : as_map(response.facets.category)) {
            INFO(category);
            CHECK(std::abs(double(count) - double(expected.category.at(category))) <=
                  0.15 * double(expected.category.at(category)));
        }
    }
    CHECK(searcher.search({.query = "common", .facets = false}).facets.category.empty());
}

TEST_CASE("exact facets follow the index: added, replaced and removed articles, Searchers at two states",
          "[facets]") {
    SyntheticArchive archive(600);
    TestIndex index(archive.articles, {.batch_size = 0, .spelling = false});
    auto before = index.searcher();
    auto moving = index.searcher();
    const auto first = archive.brute_force("zorbit", {});
    CHECK(as_map(moving.search({.query = "zorbit", .exact = true}).facets.category) == first.category);

    // A writer changes the index: some articles go, new ones come, and every
    // other kept one gets a new category and date (the same seed makes the
    // same first 600 articles).
    SyntheticArchive changed(900);
    for (std::size_t i = 100; i < 600; i += 2) {
        changed.articles[i].categories = {"Culture"};
        changed.articles[i].date = day(2020, 1 + static_cast<int>(i % 12), 1);
    }
    {
        libsearch::IndexWriter writer({.path = index.path(), .batch_size = 0, .spelling = false});
        for (std::size_t i = 0; i < 100; ++i) REQUIRE(writer.remove(archive.articles[i].id));
        for (std::size_t i = 100; i < changed.articles.size(); ++i) writer.add(changed.articles[i]);
        writer.commit();
    }
    SyntheticArchive now(0);
    for (std::size_t i = 100; i < changed.articles.size(); ++i) {
        now.articles.push_back(changed.articles[i]);
        now.words.push_back(changed.words[i]);
    }
    REQUIRE(moving.reopen());
    for (const std::string word : {"zorbit", "common", ""}) {
        INFO("word '" << word << "'");
        const auto expected = now.brute_force(word, {});
        const auto response = moving.search({.query = word, .exact = true});
        CHECK(response.total.estimated == expected.total);
        CHECK(as_map(response.facets.category) == expected.category);
        CHECK(as_map(response.facets.month) == expected.month);
    }
    // The Searcher left at the first state still counts that state.
    const auto old = before.search({.query = "zorbit", .exact = true});
    CHECK(old.total.estimated == first.total);
    CHECK(as_map(old.facets.category) == first.category);
    CHECK(as_map(old.facets.month) == first.month);
}
