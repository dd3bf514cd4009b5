#include <catch2/catch.hpp>
#include <libsearch/language.hpp>

using libsearch::StemmerSource;

TEST_CASE("languages are found by ISO code or English name", "[analysis][language]") {
    struct Row {
        const char* input;
        const char* code;
        StemmerSource stemmer;
    };
    const Row rows[] = {
        {"en", "en", StemmerSource::xapian},         {"English", "en", StemmerSource::xapian},
        {"eng", "en", StemmerSource::xapian},        {"en-GB", "en", StemmerSource::xapian},
        {"pt_BR", "pt", StemmerSource::xapian},      {"FR", "fr", StemmerSource::xapian},
        {"ger", "de", StemmerSource::xapian},        {"el", "el", StemmerSource::libstemmer},
        {"greek", "el", StemmerSource::libstemmer},  {"hi", "hi", StemmerSource::libstemmer},
        {"sr", "sr", StemmerSource::libstemmer},     {"yiddish", "yi", StemmerSource::libstemmer},
        {"fa", "fa", StemmerSource::none},           {"Persian", "fa", StemmerSource::none},
        {"nb", "no", StemmerSource::xapian},
    };
    for (const auto& row : rows) {
        INFO(row.input);
        auto language = libsearch::find_language(row.input);
        REQUIRE(language);
        CHECK(language->code == row.code);
        CHECK(language->stemmer == row.stemmer);
    }
}

TEST_CASE("unknown languages resolve to no stemming", "[analysis][language]") {
    CHECK_FALSE(libsearch::find_language("klingon"));
    CHECK_FALSE(libsearch::find_language(""));
    auto unknown = libsearch::resolve_language("Klingon");
    CHECK(unknown.code == "klingon");
    CHECK(unknown.stemmer == StemmerSource::none);
    CHECK(libsearch::resolve_language("").code == "und");
}

TEST_CASE("every stemmed language has a working stemmer", "[analysis][language]") {
    const auto& languages = libsearch::stemmed_languages();
    CHECK(languages.size() >= 28);
    for (const auto& language : languages) {
        INFO(language.name);
        CHECK(libsearch::find_language(language.code) == language);
    }
}
