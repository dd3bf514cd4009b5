#include <catch2/catch.hpp>
#include <fstream>
#include <libsearch/ingest/jsonl.hpp>
#include <set>
#include <sstream>
#include <string>

#include "shared_data.hpp"

using libsearch::Date;
using libsearch::DateSource;
using libsearch::read_jsonl;

namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("JSONL rich records keep every field", "[ingest][jsonl]") {
    const auto result =
        read_jsonl(R"({"id": "a1", "url": "https://example.com/a1", "title": "  Camp  residents   protest ", )"
                   R"("body": "First paragraph.\n\nSecond paragraph.", "category": "Iranian opposition", )"
                   R"("date": "2013-02-15T10:00:00+03:30", "author": "Jane Doe", "lang": "fa"})"
                   "\n"
                   R"({"id": 42, "title": "Numbers", "body": "x", "categories": ["Economy", "Markets", "Economy", 7], )"
                   R"("date": "May 5, 2013", "author": ["Jane Doe", "John Roe"], "language": "de"})",
                   "feed.jsonl");
    REQUIRE(result.skipped.empty());
    REQUIRE(result.articles.size() == 2);
    const auto& a = result.articles[0];
    CHECK(a.id == "a1");
    CHECK(a.url == "https://example.com/a1");
    CHECK(a.title == "Camp residents protest");
    CHECK(a.body == "First paragraph.\n\nSecond paragraph.");
    CHECK(a.categories == std::vector<std::string>{"Iranian opposition"});
    CHECK(a.date == Date::make(2013, 2, 15));
    CHECK(a.date_source == DateSource::article);
    CHECK(a.author == "Jane Doe");
    CHECK(a.language == "fa");
    CHECK(a.source == "feed.jsonl:1");
    const auto& b = result.articles[1];
    CHECK(b.id == "42");
    CHECK(b.categories == std::vector<std::string>{"Economy", "Markets"});
    CHECK(b.date == Date::make(2013, 5, 5));
    CHECK(b.author == "Jane Doe, John Roe");
    CHECK(b.language == "de");
    CHECK(b.source == "feed.jsonl:2");
}

TEST_CASE("JSONL crawl records take a short first line as the title", "[ingest][jsonl]") {
    const std::string long_line(250, 'w');
    const auto result = read_jsonl(R"({"text": "Council approves budget\nThe council voted on Tuesday.\nIt passed.", )"
                                   R"("url": "https://example.com/budget", "timestamp": "2019-04-25T12:57:54Z"})"
                                   "\n"
                                   R"({"text": "One line only, no title to take.", "timestamp": 1556196674})"
                                   "\n"
                                   R"({"text": ")" +
                                       long_line + R"(\nrest", "timestamp": "not a date"})",
                                   "c4.jsonl");
    REQUIRE(result.skipped.empty());
    REQUIRE(result.articles.size() == 3);
    const auto& a = result.articles[0];
    CHECK(a.id.empty());
    CHECK(a.title == "Council approves budget");
    CHECK(a.body == "The council voted on Tuesday.\nIt passed.");
    CHECK(a.url == "https://example.com/budget");
    CHECK(a.date == Date::make(2019, 4, 25));
    CHECK(a.date_source == DateSource::crawl);
    const auto& b = result.articles[1];
    CHECK(b.title.empty());
    CHECK(b.body == "One line only, no title to take.");
    CHECK(b.date == Date::make(2019, 4, 25));  // Unix seconds
    CHECK(b.date_source == DateSource::crawl);
    const auto& c = result.articles[2];
    CHECK(c.title.empty());
    CHECK(c.body == long_line + "\nrest");
    CHECK_FALSE(c.date);
    CHECK(c.date_source == DateSource::none);
}

TEST_CASE("JSONL BEIR records use _id, title and text", "[ingest][jsonl]") {
    const auto result = read_jsonl(
        R"({"_id": "4983", "title": "Microstructural development", "text": "Alterations of the architecture.", "metadata": {}})",
        "corpus.jsonl");
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].id == "4983");
    CHECK(result.articles[0].title == "Microstructural development");
    CHECK(result.articles[0].body == "Alterations of the architecture.");
    CHECK_FALSE(result.articles[0].date);
}

TEST_CASE("JSONL reports bad lines by number and reads the rest", "[ingest][jsonl]") {
    const std::string text =
        "\xEF\xBB\xBF{\"id\": \"first\", \"title\": \"BOM line\", \"body\": \"b\"}\r\n"  // 1
        "\r\n"                                                                           // 2: blank
        "{\"id\": \"x\", \"title\": \"broken\"\r\n"                                      // 3: malformed
        "[1, 2, 3]\r\n"                                                                  // 4: array
        "\"just a string\"\n"                                                            // 5: string
        "{\"id\": \"empty\", \"title\": \"  \", \"body\": \"\", \"text\": \" \"}\n"      // 6: no text
        "   \t \n"                                                                       // 7: blank
        "{\"id\": \"nothing\"}\n"                                                        // 8: no text
        "null\n"                                                                         // 9: null
        "{\"id\": \"last\", \"title\": \"Title only\"}\r\n"                              // 10
        "{\"id\": \"latin1\", \"title\": \"caf\xE9\", \"body\": \"ok\"}";                // 11: bad UTF-8
    const auto result = read_jsonl(text, "mixed.jsonl");
    REQUIRE(result.articles.size() == 3);
    CHECK(result.articles[0].id == "first");
    CHECK(result.articles[0].title == "BOM line");
    CHECK(result.articles[0].source == "mixed.jsonl:1");
    CHECK(result.articles[1].id == "last");
    CHECK(result.articles[1].body.empty());
    CHECK(result.articles[1].source == "mixed.jsonl:10");
    CHECK(result.articles[2].title == "caf\xEF\xBF\xBD");
    CHECK(result.articles[2].source == "mixed.jsonl:11");

    struct Expected {
        std::size_t line;
        const char* reason;
    };
    const Expected expected[] = {
        {3, "line is not valid JSON"},
        {4, "line is an array in JSON, not an object"},
        {5, "line is a string in JSON, not an object"},
        {6, "record has no title and no text (body or text)"},
        {8, "record has no title and no text (body or text)"},
        {9, "line is null in JSON, not an object"},
    };
    REQUIRE(result.skipped.size() == std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        INFO("skipped entry " << i);
        CHECK(result.skipped[i].source == "mixed.jsonl");
        CHECK(result.skipped[i].line == expected[i].line);
        CHECK(result.skipped[i].reason == expected[i].reason);
    }
}

TEST_CASE("JSONL edge inputs give no articles and no errors", "[ingest][jsonl]") {
    for (const char* text : {"", "\n\n", "\xEF\xBB\xBF", "\r\n  \r\n"}) {
        const auto result = read_jsonl(text, "empty.jsonl");
        CHECK(result.articles.empty());
        CHECK(result.skipped.empty());
    }
    const auto deep = read_jsonl(std::string(100000, '[') + "\n{\"title\": \"after\"}", "deep.jsonl");
    REQUIRE(deep.articles.size() == 1);
    CHECK(deep.articles[0].source == "deep.jsonl:2");
    REQUIRE(deep.skipped.size() == 1);
    CHECK(deep.skipped[0].line == 1);
}

TEST_CASE("JSONL reads the SciFact BEIR corpus", "[ingest][jsonl]") {
    const auto dir = testsupport::shared_path("data/scifact");
    if (!dir) return;
    const auto corpus = read_jsonl(read_all(*dir / "corpus.jsonl"), "corpus.jsonl");
    CHECK(corpus.skipped.empty());
    REQUIRE(corpus.articles.size() == 5183);
    std::set<std::string> ids;
    for (const auto& a : corpus.articles) {
        ids.insert(a.id);
        CHECK_FALSE(a.title.empty());
    }
    CHECK(ids.size() == 5183);
    CHECK(corpus.articles[0].id == "4983");
    CHECK(corpus.articles[0].title ==
          "Microstructural development of human newborn cerebral white matter assessed in vivo by diffusion "
          "tensor magnetic resonance imaging.");
    CHECK(corpus.articles[99].id == "502591");
    CHECK(corpus.articles[99].source == "corpus.jsonl:100");

    // queries.jsonl has CRLF line ends and records of text only.
    const auto queries = read_jsonl(read_all(*dir / "queries.jsonl"), "queries.jsonl");
    CHECK(queries.skipped.empty());
    CHECK(queries.articles.size() == 1109);
    for (const auto& q : queries.articles) {
        if (q.body.find('\r') != std::string::npos) FAIL("CR left in " << q.source);
    }
}
