#include <catch2/catch.hpp>
#include <libsearch/citation.hpp>

#include "test_index.hpp"

using namespace testsupport;

TEST_CASE("a citation names title, site, date and URL, and never invents a date", "[citation]") {
    struct Row {
        libsearch::Article article;
        std::string site, date, text;
    };
    auto with_url = [](libsearch::Article a, std::string url) {
        a.url = std::move(url);
        return a;
    };
    const std::vector<Row> table{
        {with_url(article("a", "Rockets hit Camp Liberty", "", {}, day(2013, 2, 9)),
                  "https://www.ncr-iran.org/en/news/rockets?x=1"),
         "ncr-iran.org", "2013-02-09",
         "Rockets hit Camp Liberty. ncr-iran.org, 2013-02-09. https://www.ncr-iran.org/en/news/rockets?x=1."},
        {with_url(article("b", "An essay on exile", ""), "http://News.Example.COM:8080/essay"), "news.example.com",
         "n.d.", "An essay on exile. news.example.com, n.d. http://News.Example.COM:8080/essay."},
        // A Reuters story: no URL, so no site.
        {article("c", "COCOA EXPORTS FALL", "", {"cocoa"}, day(1987, 2, 26)), "", "1987-02-26",
         "COCOA EXPORTS FALL. 1987-02-26."},
        // A title that ends a sentence keeps its own mark.
        {with_url(article("d", "Will oil prices rise?", ""), "https://markets.example.com/q"), "markets.example.com",
         "n.d.", "Will oil prices rise? markets.example.com, n.d. https://markets.example.com/q."},
        {article("e", "", ""), "", "n.d.", "n.d."},
        // A URL without a host names no site (and is only ever text).
        {with_url(article("f", "Markup", ""), "javascript:alert(2)"), "", "n.d.", "Markup. n.d. javascript:alert(2)."},
    };
    for (const auto& row : table) {
        INFO(row.article.id);
        const auto c = libsearch::cite(row.article);
        CHECK(c.title == row.article.title);
        CHECK(c.url == row.article.url);
        CHECK(c.site == row.site);
        CHECK(c.date == row.date);
        CHECK(c.text == row.text);
    }
}

TEST_CASE("the reader's access date ends a citation", "[citation]") {
    const auto c = libsearch::cite(article("a", "Oil prices fall", "", {}, day(2014, 1, 1)));
    CHECK(libsearch::citation_with_access(c, "2026-11-28") == "Oil prices fall. 2014-01-01. Accessed 2026-11-28.");
}
