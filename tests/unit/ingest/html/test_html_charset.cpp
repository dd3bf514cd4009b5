#include <catch2/catch.hpp>
#include <libsearch/ingest/html.hpp>
#include <string>

#include "ingest/html/charset.hpp"

using libsearch::extract_html;
using libsearch::ingest::canonical_charset;
using libsearch::ingest::sniff_meta_charset;
using libsearch::ingest::to_utf8;

namespace {

// A page whose article is one paragraph of `text` (bytes in any encoding).
std::string page(const std::string& head, const std::string& text) {
    return "<html><head>" + head + "<title>Caf\xC3\xA9</title></head><body><article><p>" + text + " " + text +
           " and more text to make a paragraph long enough.</p></article></body></html>";
}

}  // namespace

TEST_CASE("charset labels are read as browsers read them", "[ingest][html]") {
    struct Row {
        const char* label;
        const char* canonical;
    };
    const Row rows[] = {
        {"ISO-8859-1", "windows-1252"},
        {"latin1", "windows-1252"},
        {" \"US-ASCII\" ", "windows-1252"},
        {"UTF8", "utf-8"},
        {"utf-8", "utf-8"},
        {"GB2312", "gb18030"},
        {"Shift_JIS", "shift_jis"},
        {"windows-1251", "windows-1251"},
    };
    for (const auto& row : rows) {
        INFO(row.label);
        CHECK(canonical_charset(row.label) == row.canonical);
    }
}

TEST_CASE("a meta charset is found in either form", "[ingest][html]") {
    CHECK(sniff_meta_charset("<html><head><meta charset=\"windows-1252\">") == "windows-1252");
    CHECK(sniff_meta_charset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">") ==
          "iso-8859-1");
    CHECK(sniff_meta_charset("<meta charset='koi8-r' />") == "koi8-r");
    CHECK(sniff_meta_charset("<p>charset=utf-8 is not in a meta tag</p>").empty());
}

TEST_CASE("a windows-1252 page with a meta charset is decoded", "[ingest][html]") {
    // 0xE9 is é, 0x93/0x94 are curly quotes in windows-1252 (C1 controls in ISO-8859-1).
    const std::string bytes = page("<meta charset=\"iso-8859-1\">",
                                   "Le caf\xE9 est \x93"
                                   "chaud\x94 ce matin, dit-on \xE0 Paris");
    const auto extraction = extract_html(bytes);
    CHECK(extraction.charset == "windows-1252");
    CHECK_THAT(extraction.article.body, Catch::Contains("Le café est “chaud” ce matin, dit-on à Paris"));
}

TEST_CASE("a UTF-8 byte-order mark decides the encoding", "[ingest][html]") {
    const std::string bytes = "\xEF\xBB\xBF" + page("<meta charset=\"windows-1252\">",
                                                    "Stra\xC3\x9F"
                                                    "e und \xC3\x9C"
                                                    "bung am Morgen");
    std::string used;
    const std::string text = to_utf8(bytes, {}, &used);
    CHECK(used == "utf-8");
    CHECK(text.substr(0, 6) == "<html>");  // the mark itself is gone
    const auto extraction = extract_html(bytes);
    CHECK_THAT(extraction.article.body, Catch::Contains("Straße und Übung am Morgen"));
}

TEST_CASE("an undeclared Latin-1 page is detected", "[ingest][html]") {
    const std::string sentence =
        "Der B\xE4r \xFC"
        "berquert die Stra\xDF"
        "e, w\xE4hrend die V\xF6gel singen";
    const auto extraction = extract_html(page("", sentence));
    CHECK((extraction.charset == "windows-1252" || extraction.charset == "iso-8859-15" ||
           extraction.charset == "iso-8859-1"));
    CHECK_THAT(extraction.article.body, Catch::Contains("Der Bär überquert die Straße, während die Vögel singen"));
}

TEST_CASE("UTF-8 mislabelled as Latin-1 stays UTF-8", "[ingest][html]") {
    std::string used;
    CHECK(to_utf8("<meta charset=iso-8859-1><p>na\xC3\xAFve caf\xC3\xA9</p>", {}, &used) ==
          "<meta charset=iso-8859-1><p>naïve café</p>");
    CHECK(used == "utf-8");
}

TEST_CASE("a declared charset from outside the page wins over the meta tag", "[ingest][html]") {
    std::string used;
    CHECK(to_utf8("<meta charset=utf-8><p>\xEF\xF0\xE8\xE2\xE5\xF2</p>", "windows-1251", &used) ==
          "<meta charset=utf-8><p>привет</p>");
    CHECK(used == "windows-1251");
}

TEST_CASE("undecodable bytes become replacement characters", "[ingest][html]") {
    std::string used;
    const std::string text = to_utf8(std::string("abc\x82\xFFxyz\0end", 12), "shift_jis", &used);
    CHECK(used == "shift_jis");
    CHECK(text.starts_with("abc"));
    CHECK_THAT(text, Catch::Contains("\xEF\xBF\xBD"));
    CHECK_THAT(text, Catch::Contains("end"));
}

TEST_CASE("a UTF-16 page with a byte-order mark", "[ingest][html]") {
    const std::string utf16le("\xFF\xFE<\0p\0>\0\xE9\0t\0\xE9\0<\0/\0p\0>\0", 22);
    std::string used;
    CHECK(to_utf8(utf16le, {}, &used) == "<p>été</p>");
    CHECK(used == "utf-16le");
}
