// Walking every match of a query, and hits as CSV and JSON Lines rows.
#include <catch2/catch.hpp>
#include <libsearch/libsearch.hpp>
#include <nlohmann/json.hpp>

#include "test_index.hpp"

using namespace testsupport;
using libsearch::Hit;

namespace {

constexpr int kHarvest = 2500;

Hit hit_with(std::string title, std::string snippet = "") {
    Hit hit;
    hit.id = "a1";
    hit.title = std::move(title);
    hit.snippet = std::move(snippet);
    hit.url = "https://example.org/a1";
    hit.language = "en";
    return hit;
}

// 2,500 articles mentioning "harvest", h0 the oldest, h2499 the newest (more than
// for_each_match's first two batches), and 5 undated others.
std::vector<libsearch::Article> harvest_articles() {
    std::vector<libsearch::Article> out;
    for (int i = 0; i < kHarvest; ++i) {
        out.push_back(article("h" + std::to_string(i), "Harvest report " + std::to_string(i),
                              "The harvest in the valley, report number " + std::to_string(i) + ".", {"Farming"},
                              day(2000 + i / 336, 1 + (i / 28) % 12, 1 + i % 28)));
    }
    for (int i = 0; i < 5; ++i)
        out.push_back(article("o" + std::to_string(i), "Oil prices", "Crude oil and <b>gas</b>.", {"Economy"}));
    return out;
}

const TestIndex& harvest_index() {
    static const TestIndex index(harvest_articles());
    return index;
}

std::vector<std::string> walk(libsearch::Searcher& searcher, const libsearch::SearchRequest& request,
                              std::uint64_t cap) {
    std::vector<std::string> ids;
    const auto count = searcher.for_each_match(request, cap, [&](const Hit& hit) {
        ids.push_back(hit.id);
        return true;
    });
    CHECK(count == ids.size());
    return ids;
}

}  // namespace

TEST_CASE("csv_row quotes commas, quotes and line breaks as RFC 4180 says", "[export]") {
    struct Row {
        std::string title;
        std::string expected_field;
    };
    const std::vector<Row> rows{
        {"Plain title", "Plain title"},
        {"Oil, gas and coal", "\"Oil, gas and coal\""},
        {"The \"camp\" speaks", "\"The \"\"camp\"\" speaks\""},
        {"Two\nlines", "\"Two\nlines\""},
        {"Carriage\rreturn", "\"Carriage\rreturn\""},
        {"Téhéran, 伊朗 — ümlaut", "\"Téhéran, 伊朗 — ümlaut\""},
        {"", ""},
    };
    for (const auto& row : rows) {
        INFO(row.title);
        const std::string line = libsearch::csv_row(hit_with(row.title));
        CHECK(line == "a1," + row.expected_field + ",,,,https://example.org/a1,en,\r\n");
    }
}

TEST_CASE("csv_header names the columns; rows end in CRLF", "[export]") {
    CHECK(libsearch::csv_header() == "id,title,date,categories,author,url,language,snippet\r\n");
    Hit hit = hit_with("T", "one \"two\", three");
    hit.date = day(2013, 2, 5);
    hit.categories = {"Iranian opposition", "Human rights"};
    hit.author = "Kilgour";
    CHECK(libsearch::csv_row(hit) ==
          "a1,T,2013-02-05,Iranian opposition; Human rights,Kilgour,https://example.org/a1,en,"
          "\"one \"\"two\"\", three\"\r\n");
}

TEST_CASE("csv_row guards cells a spreadsheet would run as formulas, unless told not to", "[export]") {
    for (const std::string title : {"=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "\tx"}) {
        INFO(title);
        const std::string guarded = libsearch::csv_row(hit_with(title));
        const bool apostrophe_first = guarded.find(",'" + title.substr(0, 1)) != std::string::npos ||
                                      guarded.find(",\"'" + title.substr(0, 1)) != std::string::npos;
        CHECK(apostrophe_first);
        const std::string raw = libsearch::csv_row(hit_with(title), {.guard_formulas = false});
        CHECK(raw.find('\'') == std::string::npos);
    }
    CHECK(libsearch::csv_row(hit_with("Oil =")).find('\'') == std::string::npos);
}

TEST_CASE("jsonl_row is one JSON object per line with a null date when undated", "[export]") {
    Hit hit = hit_with("Line\nbreak \"quoted\" \\ tab\t \x01 Téhéran", "snip");
    hit.categories = {"A", "B"};
    const std::string line = libsearch::jsonl_row(hit);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    const auto j = nlohmann::json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["title"] == hit.title);
    CHECK(j["date"].is_null());
    CHECK(j["categories"] == nlohmann::json({"A", "B"}));
    CHECK(j["snippet"] == "snip");
    hit.date = day(2014, 6, 1);
    CHECK(nlohmann::json::parse(libsearch::jsonl_row(hit))["date"] == "2014-06-01");
}

TEST_CASE("for_each_match walks every match, across batches, in the search's order", "[export]") {
    auto searcher = harvest_index().searcher();
    libsearch::SearchRequest request{.query = "harvest", .sort = libsearch::SortOrder::newest};
    const auto ids = walk(searcher, request, 1'000'000);
    REQUIRE(ids.size() == kHarvest);
    // The same order as paging through search().
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < kHarvest; offset += 100) {
        request.offset = offset;
        request.limit = 100;
        for (const auto& hit : searcher.search(request).hits) paged.push_back(hit.id);
    }
    CHECK(ids == paged);
    CHECK(ids.front() == "h2499");
    CHECK(ids.back() == "h0");
    // Relevance order too (different weights: the report numbers are words of their own).
    request = {.query = "harvest OR 7 OR 12", .default_operator = libsearch::DefaultOperator::op_or};
    std::vector<std::string> ranked;
    for (request.offset = 0; request.offset < kHarvest; request.offset += 100) {
        request.limit = 100;
        for (const auto& hit : searcher.search(request).hits) ranked.push_back(hit.id);
    }
    CHECK(walk(searcher, request, 1'000'000) == ranked);
    // Filters apply: every article without text, then one category.
    CHECK(walk(searcher, {}, 1'000'000).size() == kHarvest + 5);
    CHECK(walk(searcher, {.categories = {"Economy"}}, 1'000'000).size() == 5);
}

TEST_CASE("for_each_match stops at the cap and when the visitor says so", "[export]") {
    auto searcher = harvest_index().searcher();
    const libsearch::SearchRequest request{.query = "harvest", .sort = libsearch::SortOrder::oldest};
    const auto capped = walk(searcher, request, 1234);
    REQUIRE(capped.size() == 1234);
    CHECK(capped.front() == "h0");
    CHECK(capped.back() == "h1233");
    CHECK(walk(searcher, request, 0).empty());

    std::vector<std::string> seen;
    const auto count = searcher.for_each_match(request, 1000, [&](const Hit& hit) {
        seen.push_back(hit.id);
        return seen.size() < 7;
    });
    CHECK(count == 7);
    CHECK(seen.size() == 7);
}

TEST_CASE("for_each_match rejects a bad request before visiting anything", "[export]") {
    auto searcher = harvest_index().searcher();
    bool visited = false;
    const auto visit = [&](const Hit&) { return visited = true; };
    CHECK_THROWS_AS(searcher.for_each_match({.from = "2013-13"}, 10, visit), libsearch::InvalidArgument);
    CHECK_THROWS_AS(searcher.for_each_match({.query = "date:2013-02-30"}, 10, visit), libsearch::QuerySyntaxError);
    CHECK_FALSE(visited);
}

TEST_CASE("SnippetFormat::text gives the passage as plain text", "[export]") {
    auto searcher = harvest_index().searcher();
    libsearch::SearchRequest request{.query = "crude gas"};
    const auto html = searcher.search(request);
    request.snippet_format = libsearch::SnippetFormat::text;
    const auto text = searcher.search(request);
    REQUIRE(html.hits.size() == 5);
    REQUIRE(text.hits.size() == 5);
    CHECK(html.hits[0].snippet.find("<mark>") != std::string::npos);
    CHECK(html.hits[0].snippet.find("&lt;b&gt;") != std::string::npos);
    CHECK(text.hits[0].snippet == "Crude oil and <b>gas</b>.");
}
