// Extraction quality on public data sets, with floors just under what the
// extractor reaches, so that it cannot slip back unnoticed.
//
// - article-extraction-benchmark (Scrapinghub): body text F1 over 4-gram
//   shingles, scored as the benchmark's evaluate.py does (shingle_metric.hpp).
// - readability-test-pages (Mozilla): title exact match (white space
//   normalised) and publication day, on the pages that give them.

#include <catch2/catch.hpp>
#include <iomanip>
#include <libsearch/ingest/html.hpp>
#include <sstream>

#include "ingest/text_util.hpp"
#include "shared_data.hpp"
#include "shingle_metric.hpp"
#include "test_data.hpp"

using namespace html_quality;

TEST_CASE("the shingle metric follows the benchmark's evaluate.py", "[html][quality]") {
    CHECK(tokenize("Don't stop_me now: 3.5 x") ==
          std::vector<std::string>{"Don", "t", "stop_me", "now", "3", "5", "x"});
    CHECK(tokenize("naïve café Привет 東京") == std::vector<std::string>{"naïve", "café", "Привет", "東京"});
    CHECK(tokenize("e\xCC\x81t\xC3\xA9") ==
          std::vector<std::string>{"e", "té"});  // a combining mark splits, as in Python
    CHECK(shingles("a b c").size() == 1);
    CHECK(shingles("a b c d e").size() == 2);

    const Counts same = match("one two three four five", "one two three four five");
    CHECK(same.tp == Approx(1.0));
    const Counts half = match("one two three four five six", "one two three four");
    CHECK(half.tp == Approx(1.0 / 3));
    CHECK(half.fn == Approx(2.0 / 3));
    CHECK(half.fp == 0);
    const Counts nothing = match("one two three four", "");
    CHECK(precision_of(nothing) == 0);
    const Scores scores = aggregate({same, half, nothing});
    CHECK(scores.precision == Approx(1.0));  // the empty prediction counts in recall only
    CHECK(scores.recall == Approx((1.0 + 1.0 / 3 + 0) / 3));
}

TEST_CASE("article body extraction on the article-extraction-benchmark", "[html][quality]") {
    const auto dir = testsupport::shared_path("data/article-extraction-benchmark");
    if (!dir) return;
    const auto pages = load_benchmark(*dir);
    REQUIRE(pages.size() == 181);
    std::vector<Counts> counts;
    for (const auto& page : pages) {
        const auto extraction = libsearch::extract_html(read_gzip(page.html), page.url);
        counts.push_back(match(page.truth, extraction.article.body));
    }
    const Scores scores = aggregate(counts);
    std::ostringstream report;
    report << std::fixed << std::setprecision(4) << "article-extraction-benchmark (" << pages.size() << " pages): F1 "
           << scores.f1 << ", precision " << scores.precision << ", recall " << scores.recall;
    WARN(report.str());
    CHECK(scores.f1 >= 0.970);
    CHECK(scores.precision >= 0.955);
    CHECK(scores.recall >= 0.985);
}

TEST_CASE("title and date on the readability test pages", "[html][quality]") {
    const auto dir = testsupport::shared_path("data/readability-test-pages");
    if (!dir) return;
    const auto pages = load_readability_pages(*dir);
    int titles = 0, titles_right = 0, dates = 0, dates_right = 0;
    for (const auto& page : pages) {
        const auto extraction = libsearch::extract_html(read_file(page.html), "http://fakehost/test/page.html");
        const auto& expected = page.expected;
        if (expected.contains("title") && expected["title"].is_string() &&
            !expected["title"].get<std::string>().empty()) {
            ++titles;
            using libsearch::ingest::collapse_whitespace;
            titles_right += collapse_whitespace(expected["title"].get<std::string>()) ==
                            collapse_whitespace(extraction.article.title);
        }
        if (expected.contains("publishedTime") && expected["publishedTime"].is_string()) {
            ++dates;
            // The day as written, before any time zone: "2015-07-24T05:36:09+01:00" is 2015-07-24.
            const std::string day = expected["publishedTime"].get<std::string>().substr(0, 10);
            dates_right += extraction.article.date && extraction.article.date->iso() == day;
        }
    }
    REQUIRE(titles > 100);
    REQUIRE(dates > 30);
    const double title_accuracy = static_cast<double>(titles_right) / titles;
    const double date_accuracy = static_cast<double>(dates_right) / dates;
    std::ostringstream report;
    report << std::fixed << std::setprecision(3) << "readability-test-pages: title " << titles_right << "/" << titles
           << " = " << title_accuracy << ", date " << dates_right << "/" << dates << " = " << date_accuracy;
    WARN(report.str());
    CHECK(title_accuracy >= 0.88);
    CHECK(date_accuracy >= 1.0);
}
