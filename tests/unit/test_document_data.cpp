// The stored forms of an article (index/document_data): the document data
// and the hit fields must come back field for field, and damaged bytes must
// be refused rather than misread.
#include <catch2/catch.hpp>

#include <string>

#include "index/document_data.hpp"
#include "libsearch/date.hpp"

using libsearch::Article;
using libsearch::DateSource;
using libsearch::index::decode_article;
using libsearch::index::decode_hit_fields;
using libsearch::index::encode_article;
using libsearch::index::encode_hit_fields;

namespace {

Article full_article() {
    Article a;
    a.id = "reuters-17192";
    a.url = "https://example.org/news/1987/03/31/cocoa";
    a.other_urls = {"https://mirror.example.org/cocoa", "https://example.org/a?id=17192"};
    a.title = "Cocoa buffer stock talks \xE2\x80\x94 \"no deal\" <yet>";
    for (int i = 0; i < 200; ++i)
        a.body += "The International Cocoa Organization council met again in London on paragraph " +
                  std::to_string(i) + ", and the buffer stock manager said prices were \xC3\xA9tonnants.\n\n";
    a.categories = {"cocoa", "commodities"};
    a.date = libsearch::parse_iso_date("1987-03-31");
    a.date_source = DateSource::crawl;
    a.author = "Jane Doe";
    a.places = {"uk", "ghana"};
    a.language = "en";
    a.source = "reut2-017.sgm";
    return a;
}

void require_hit_fields(const Article& got, const Article& want) {
    CHECK(got.id == want.id);
    CHECK(got.url == want.url);
    CHECK(got.title == want.title);
    CHECK(got.author == want.author);
    CHECK(got.language == want.language);
    CHECK(got.date == want.date);
    CHECK(got.categories == want.categories);
}

void require_every_field(const Article& got, const Article& want) {
    require_hit_fields(got, want);
    CHECK(got.body == want.body);
    CHECK(got.other_urls == want.other_urls);
    CHECK(got.date_source == want.date_source);
    CHECK(got.places == want.places);
    CHECK(got.source == want.source);
}

}  // namespace

TEST_CASE("an article's document data gives back every field", "[document_data]") {
    const Article a = full_article();
    const auto back = decode_article(encode_article(a));
    REQUIRE(back);
    require_every_field(*back, a);
}

TEST_CASE("an article's hit fields give back what a hit shows, and nothing of the body", "[document_data]") {
    const Article a = full_article();
    const std::string value = encode_hit_fields(a);
    CHECK(value.size() < 400);
    const auto back = decode_hit_fields(value);
    REQUIRE(back);
    require_hit_fields(*back, a);
    CHECK(back->body.empty());
    CHECK(back->places.empty());
    CHECK(back->other_urls.empty());
}

TEST_CASE("an undated article with no categories comes back the same both ways", "[document_data]") {
    Article a;
    a.id = "x";
    a.title = "Only a title";
    for (const auto& back : {decode_article(encode_article(a)), decode_hit_fields(encode_hit_fields(a))}) {
        REQUIRE(back);
        CHECK(back->id == "x");
        CHECK(back->title == "Only a title");
        CHECK(back->body.empty());
        CHECK_FALSE(back->date);
        CHECK(back->categories.empty());
    }
}

TEST_CASE("damaged or foreign stored fields are refused, not misread", "[document_data]") {
    const Article a = full_article();
    const std::string data = encode_article(a), value = encode_hit_fields(a);
    for (const auto& decode : {decode_article, decode_hit_fields}) {
        CHECK_FALSE(decode(""));
        CHECK_FALSE(decode("plain text some other program stored"));
        // A field whose length runs past the end.
        CHECK_FALSE(decode(std::string("\x01\x7F" "abc", 5)));
    }
    // Cut short, or with bytes after the last field.
    CHECK_FALSE(decode_article(data.substr(0, data.size() - 3)));
    CHECK_FALSE(decode_article(data + "x"));
    CHECK_FALSE(decode_hit_fields(value.substr(0, value.size() - 3)));
    CHECK_FALSE(decode_hit_fields(value + "x"));
    // Version 1, five empty fields, then a date: a real day is read, a 32nd is not.
    const std::string fields = "\x01" + std::string(5, '\0');
    const auto dated = decode_hit_fields(fields + "\x08" "19870331" + std::string(1, '\0'));
    REQUIRE(dated);
    CHECK(dated->date == libsearch::parse_iso_date("1987-03-31"));
    CHECK_FALSE(decode_hit_fields(fields + "\x08" "19870332" + std::string(1, '\0')));
    CHECK_FALSE(decode_hit_fields(fields + "\x06" "198703" + std::string(1, '\0')));
}
