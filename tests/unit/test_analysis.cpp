#include <catch2/catch.hpp>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "analysis/utf8.hpp"
#include "test_index.hpp"

using namespace testsupport;
using libsearch::SearchRequest;

namespace {

std::vector<std::string> search_ids(libsearch::Searcher& searcher, const std::string& query,
                                    const std::string& language = "") {
    SearchRequest request;
    request.query = query;
    request.language = language;
    return sorted_ids(searcher.search(request));
}

}  // namespace

TEST_CASE("every stemmed language's stemmer stems", "[analysis]") {
    for (const auto& language : libsearch::stemmed_languages()) {
        INFO(language.name);
        auto stem = libsearch::analysis::make_stemmer(language);
        CHECK_FALSE(stem.is_none());
        CHECK_FALSE(stem("words").empty());
    }
    CHECK(libsearch::analysis::make_stemmer(*libsearch::find_language("greek")).get_description() ==
          "Xapian::Stem(libstemmer:greek)");
    CHECK(libsearch::analysis::make_stemmer(libsearch::resolve_language("fa"))("words") == "words");
}

TEST_CASE("English words are stemmed; exact forms are kept with positions", "[analysis]") {
    libsearch::analysis::Analyzer english(*libsearch::find_language("en"));
    Xapian::TermGenerator generator;
    english.configure(generator);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text("The residents were running between the camps");
    std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    auto has = [&](const std::string& t) { return std::find(terms.begin(), terms.end(), t) != terms.end(); };
    CHECK(has("Zresid"));
    CHECK(has("Zrun"));
    CHECK(has("Zcamp"));
    CHECK(has("camps"));
    CHECK(has("running"));
    // Stopwords are kept unstemmed (for phrases) but get no stemmed term.
    CHECK(has("the"));
    CHECK_FALSE(has("Zthe"));
    CHECK_FALSE(has("Zbetween"));
}

TEST_CASE("search stems English queries and finds inflected forms", "[analysis][search]") {
    TestIndex index({article("a", "Camp residents", "The residents were running between the camps."),
                     article("b", "Markets", "Oil prices rose.")});
    auto searcher = index.searcher();
    CHECK(search_ids(searcher, "camp") == std::vector<std::string>{"a"});
    CHECK(search_ids(searcher, "Camp") == std::vector<std::string>{"a"});
    CHECK(search_ids(searcher, "runs") == std::vector<std::string>{"a"});
    CHECK(search_ids(searcher, "resident") == std::vector<std::string>{"a"});
    CHECK(search_ids(searcher, "price") == std::vector<std::string>{"b"});
}

TEST_CASE("a libstemmer-only language (Greek) is stemmed at index and query time", "[analysis][search]") {
    auto greek = article("gr", "Εφημερίδες", "Οι εφημερίδες γράφουν για τον πόλεμο.");
    greek.language = "el";
    auto english = article("en", "Newspapers", "Newspapers write about the war.");
    TestIndex index({greek, english});
    auto searcher = index.searcher();
    // Singular query, plural in the text: only a stemmer can join them.
    CHECK(search_ids(searcher, "εφημερίδα", "greek") == std::vector<std::string>{"gr"});
    CHECK(search_ids(searcher, "πολέμου", "el") == std::vector<std::string>{"gr"});
    // Without the Greek stemmer the singular does not match.
    CHECK(search_ids(searcher, "εφημερίδα", "en").empty());
    // lang: filters by the article's language.
    CHECK(search_ids(searcher, "lang:greek") == std::vector<std::string>{"gr"});
    CHECK(search_ids(searcher, "lang:en") == std::vector<std::string>{"en"});
}

TEST_CASE("an unknown language is indexed unstemmed and still searchable", "[analysis][search]") {
    auto a = article("x", "Qapla", "batlh Daqawlu'taH");
    a.language = "klingon";
    TestIndex index({a});
    auto searcher = index.searcher();
    CHECK(search_ids(searcher, "batlh") == std::vector<std::string>{"x"});
    CHECK(search_ids(searcher, "lang:klingon") == std::vector<std::string>{"x"});
    CHECK(searcher.article("x")->language == "klingon");
}

TEST_CASE("typographic apostrophes and quotes behave like ASCII ones", "[analysis][search]") {
    TestIndex index({article("curly", "Minister", "Iraq\u2019s Justice Minister called for \u201Cextradition\u201D."),
                     article("ascii", "Minister", "Iraq's neighbours disagreed."),
                     article("plain", "Iraq", "Iraq and Iran.")});
    auto searcher = index.searcher();
    const std::vector<std::string> both{"ascii", "curly"};
    const std::vector<std::string> all{"ascii", "curly", "plain"};
    // Unquoted, the possessive is stemmed away; quoted, it must be there.
    CHECK(search_ids(searcher, "Iraq's") == all);
    CHECK(search_ids(searcher, "Iraq\u2019s") == all);
    CHECK(search_ids(searcher, "\"Iraq's\"") == both);
    CHECK(search_ids(searcher, "\"Iraq\u2019s\"") == both);
    CHECK(search_ids(searcher, "\u201CIraq's\u201D") == both);
    CHECK(search_ids(searcher, "\u201CIraq\u2019s Justice\u201D") == std::vector<std::string>{"curly"});
    // The bare word also finds the possessive, through stemming.
    CHECK(search_ids(searcher, "iraq") == std::vector<std::string>{"ascii", "curly", "plain"});
}

TEST_CASE("Unicode text is case-folded and searchable in any script", "[analysis][search]") {
    auto ru = article("ru", "Москва", "Новости из Москвы.");
    ru.language = "ru";
    auto fa = article("fa", "خبر", "کمپ لیبرتی در عراق");
    fa.language = "fa";
    TestIndex index({article("de", "Zürich", "Grüße aus ZÜRICH, vis-à-vis dem See."), ru, fa});
    auto searcher = index.searcher();
    CHECK(search_ids(searcher, "zürich") == std::vector<std::string>{"de"});
    CHECK(search_ids(searcher, "ZÜRICH") == std::vector<std::string>{"de"});
    CHECK(search_ids(searcher, "\"vis-à-vis\"") == std::vector<std::string>{"de"});
    CHECK(search_ids(searcher, "МОСКВА", "ru") == std::vector<std::string>{"ru"});
    CHECK(search_ids(searcher, "москва", "ru") == std::vector<std::string>{"ru"});
    CHECK(search_ids(searcher, "لیبرتی") == std::vector<std::string>{"fa"});
}

TEST_CASE("invalid UTF-8 is repaired before indexing", "[analysis]") {
    CHECK(libsearch::utf8::sanitize("ok") == "ok");
    CHECK(libsearch::utf8::sanitize("a\xff" "b") == "a\uFFFD" "b");
    CHECK(libsearch::utf8::sanitize("a\r\nb\rc") == "a\nb\nc");
    CHECK(libsearch::utf8::sanitize(std::string("a\0b", 3)) == "a b");
    CHECK(libsearch::utf8::sanitize("\xed\xa0\x80") == "\uFFFD\uFFFD\uFFFD");  // a UTF-16 surrogate is not UTF-8
    CHECK(libsearch::utf8::is_valid(libsearch::utf8::sanitize("\xc3\x28 \xe2\x82 \xf0\x9f\x98\x80")));

    TestIndex index({article("bad", "Caf\xe9 news", "Broken \xff\xfe bytes but words remain")});
    auto searcher = index.searcher();
    CHECK(search_ids(searcher, "words") == std::vector<std::string>{"bad"});
    CHECK(libsearch::utf8::is_valid(searcher.article("bad")->title));
}

TEST_CASE("Persian and Arabic spellings of the same word find each other", "[analysis][search]") {
    // Arabic Yeh/Kaf vs Persian Yeh/Keheh, a ZWNJ, diacritics and tatweel.
    auto arabic_spelling = article("ar-spelling", "\u0643\u0645\u067E \u0644\u06CC\u0628\u0631\u062A\u064A",
                                   "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u0639\u0650\u0631\u0627\u0642");
    arabic_spelling.language = "fa";
    TestIndex index({arabic_spelling});
    auto searcher = index.searcher();
    // Persian Keheh + Persian Yeh in the query; Arabic Kaf + Arabic Yeh in the title.
    CHECK(search_ids(searcher, "\u06A9\u0645\u067E \u0644\u06CC\u0628\u0631\u062A\u06CC") ==
          std::vector<std::string>{"ar-spelling"});
    // Without the ZWNJ, and without the kasra diacritic.
    CHECK(search_ids(searcher, "\u0645\u06CC\u062E\u0648\u0627\u0647\u0645") == std::vector<std::string>{"ar-spelling"});
    CHECK(search_ids(searcher, "\u0639\u0631\u0627\u0642") == std::vector<std::string>{"ar-spelling"});
    CHECK(search_ids(searcher, "\u0639\u0640\u0631\u0627\u0642") == std::vector<std::string>{"ar-spelling"});
    // The snippet marks the match although the stored text has the other spelling.
    SearchRequest request;
    request.query = "\u0639\u0631\u0627\u0642";
    CHECK_THAT(searcher.search(request).hits.at(0).snippet, Catch::Contains("<mark>"));
}
