#include <catch2/catch.hpp>
#include <libsearch/ingest.hpp>

#include "gzip.hpp"
#include "ingest/decompress.hpp"

using libsearch::InputFormat;
using testsupport::gzip;

namespace {

}  // namespace

TEST_CASE("formats are detected from content first, then from the name", "[ingest]") {
    struct Row {
        std::string content;
        const char* name;
        std::optional<InputFormat> expected;
    };
    const Row rows[] = {
        {"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.bin", InputFormat::warc},
        {"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">", "reut2-000.sgm", InputFormat::news_sgml},
        {"{\"id\": 1, \"title\": \"t\"}\n", "feed.txt", InputFormat::jsonl},
        {"\xEF\xBB\xBF{\"id\": 1}\n", "feed", InputFormat::jsonl},
        {"<!doctype html><html><body>x</body></html>", "page.txt", InputFormat::html},
        {"  <html lang=en><p>x</p>", "page", InputFormat::html},
        {"News : Economy\n\nTitle\n\nBody text.\n", "page.txt", InputFormat::text_page},
        {"Some plain text that mentions <b> tags.", "notes.html", InputFormat::html},
        {"Just text.", "noext", InputFormat::text_page},
        {std::string("\0\1\2\3binary", 10), "x.txt", std::nullopt},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        CHECK(libsearch::detect_format(row.content, row.name) == row.expected);
    }
    CHECK(libsearch::parse_format_name("HTML") == InputFormat::html);
    CHECK(libsearch::parse_format_name("sgml") == InputFormat::news_sgml);
    CHECK_FALSE(libsearch::parse_format_name("pdf"));
    CHECK(libsearch::format_name(InputFormat::text_page) == "text");
}

TEST_CASE("compressed inputs are decompressed with a size limit", "[ingest]") {
    using libsearch::ingest::decompress;
    const std::string text(100000, 'a');
    const std::string packed = gzip(text);
    CHECK(libsearch::ingest::is_compressed(packed));
    CHECK_FALSE(libsearch::ingest::is_compressed(text));
    auto ok = decompress(packed, 1 << 20);
    CHECK(ok.error.empty());
    CHECK(ok.data == text);
    CHECK(libsearch::ingest::decompressed_head(packed, 10) == "aaaaaaaaaa");
    // Two members back to back, as in per-record gzipped WARC files.
    auto two = decompress(packed + gzip("bbb"), 1 << 20);
    CHECK(two.data == text + "bbb");
    CHECK_THAT(decompress(packed, 1000).error, Catch::Contains("size limit"));
    CHECK_THAT(decompress(packed.substr(0, packed.size() / 2), 1 << 20).error, Catch::Contains("truncated"));
    CHECK_FALSE(decompress(packed.substr(0, 10) + "garbage garbage", 1 << 20).error.empty());
}

TEST_CASE("read_input completes every article: id, language, category, source", "[ingest]") {
    const std::string page =
        "News : Economy\n\nOil prices rise on supply fears\n\nCrude oil prices rose sharply on Tuesday as traders "
        "feared supply disruptions in the Gulf, analysts said.\n\nThe rise was the largest in a month.\n";
    auto result = libsearch::read_input(gzip(page), "pages/oil.txt.gz");
    REQUIRE(result.articles.size() == 1);
    const auto& a = result.articles[0];
    CHECK(a.id == libsearch::content_id(a));
    CHECK(a.id.size() == 17);
    CHECK(a.language == "en");
    CHECK(a.source == "pages/oil.txt.gz");
    CHECK(a.categories == std::vector<std::string>{"Economy"});

    libsearch::ReadOptions options;
    options.language = "de";
    options.category = "Wirtschaft";
    auto forced = libsearch::read_input(
        "Neue Gespräche in Genf\n\nDie Unterhändler trafen sich am Sonntag in Genf, um über das Programm zu "
        "sprechen, sagten Beamte.\n\nSie wollen sich im nächsten Monat wieder treffen.\n",
        "x.txt", options);
    REQUIRE(forced.articles.size() == 1);
    CHECK(forced.articles[0].language == "de");
    CHECK(forced.articles[0].categories == std::vector<std::string>{"Wirtschaft"});
}

TEST_CASE("content ids are the same for the same text, whatever the spacing and case", "[ingest]") {
    libsearch::Article a, b, c;
    a.title = "Talks in Geneva";
    a.body = "Negotiators met.\n\nThey agreed.";
    b.title = "talks  in GENEVA";
    b.body = "Negotiators met. They agreed.";
    c.title = "Talks in Geneva";
    c.body = "Negotiators did not meet.";
    CHECK(libsearch::content_id(a) == libsearch::content_id(b));
    CHECK(libsearch::content_id(a) != libsearch::content_id(c));
}

TEST_CASE("unusable inputs are reported as a whole", "[ingest]") {
    auto reason = [](const std::string& bytes, libsearch::ReadOptions options = {}) {
        auto r = libsearch::read_input(bytes, "in", options);
        REQUIRE(r.articles.empty());
        REQUIRE(r.skipped.size() == 1);
        CHECK(r.skipped[0].line == 0);
        return r.skipped[0].reason;
    };
    CHECK_THAT(reason(""), Catch::Contains("empty"));
    CHECK_THAT(reason(" \n\t\n"), Catch::Contains("empty"));
    CHECK_THAT(reason(std::string("\0\0\0\0", 4)), Catch::Contains("binary"));
    CHECK_THAT(reason(gzip("hello").substr(0, 12)), Catch::Contains("truncated"));
    libsearch::ReadOptions small;
    small.max_bytes = 1 << 20;
    CHECK_THAT(reason(std::string(2 << 20, 'x'), small), Catch::Contains("1 MiB limit"));
    CHECK_THAT(reason(gzip(std::string(3 << 20, 'x')), small), Catch::Contains("size limit"));
}

TEST_CASE("languages are detected when reliable", "[ingest][analysis]") {
    CHECK(libsearch::detect_language("The residents of the camp asked the United Nations for protection, "
                                     "saying they feared for their lives.") == "en");
    CHECK(libsearch::detect_language("Les électeurs iraniens votent pour élire un nouveau président de la "
                                     "République.") == "fr");
    CHECK(libsearch::detect_language("ساکنان کمپ لیبرتی از سازمان ملل متحد خواستند که از آنان حمایت کند") == "fa");
    CHECK(libsearch::detect_language("ok").empty());
    CHECK(libsearch::detect_language("").empty());
}
