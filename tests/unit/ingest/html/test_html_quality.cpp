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
    CHECK(scores.f1 >= 0.975);
    CHECK(scores.precision >= 0.963);
    CHECK(scores.recall >= 0.986);
}

namespace {

std::string normalized(const std::string& text) { return libsearch::ingest::collapse_whitespace(text); }

// "By Jane Roe" and "jane roe" are the same byline.
std::string normalized_name(const std::string& text) {
    std::string name = libsearch::ingest::ascii_lower(normalized(text));
    return name.starts_with("by ") ? name.substr(3) : name;
}

struct MetadataScore {
    int total = 0, right = 0;
    void add(bool is_right) {
        ++total;
        right += is_right;
    }
    double accuracy() const { return total ? static_cast<double>(right) / total : 0; }
};

}  // namespace

TEST_CASE("title, date and author on the readability test pages", "[html][quality]") {
    const auto dir = testsupport::shared_path("data/readability-test-pages");
    if (!dir) return;
    MetadataScore titles, dates, authors;
    for (const auto& page : load_readability_pages(*dir)) {
        const auto extraction = libsearch::extract_html(read_file(page.html), "http://fakehost/test/page.html");
        const auto& expected = page.expected;
        const auto text = [&](const char* key) {
            return expected.contains(key) && expected[key].is_string() ? expected[key].get<std::string>() : "";
        };
        if (const std::string title = normalized(text("title")); !title.empty()) {
            titles.add(title == normalized(extraction.article.title));
        }
        // The day as written, before any time zone: "2015-07-24T05:36:09+01:00" is 2015-07-24.
        if (const std::string published = text("publishedTime"); !published.empty())
            dates.add(extraction.article.date && extraction.article.date->iso() == published.substr(0, 10));
        if (const std::string byline = text("byline"); !byline.empty())
            authors.add(normalized_name(byline) == normalized_name(extraction.article.author));
    }
    REQUIRE(titles.total > 100);
    REQUIRE(dates.total > 30);
    std::ostringstream report;
    report << std::fixed << std::setprecision(3) << "readability-test-pages: title " << titles.right << "/"
           << titles.total << " = " << titles.accuracy() << ", date " << dates.right << "/" << dates.total
           << " = " << dates.accuracy() << ", author " << authors.right << "/" << authors.total << " = "
           << authors.accuracy();
    WARN(report.str());
    CHECK(titles.accuracy() >= 0.92);
    CHECK(dates.accuracy() >= 1.0);
    CHECK(authors.accuracy() >= 0.82);
}
