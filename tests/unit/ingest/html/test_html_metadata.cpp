#include <catch2/catch.hpp>
#include <libsearch/ingest/html.hpp>
#include <string>

using libsearch::DateSource;
using libsearch::extract_html;

namespace {

const std::string kArticle =
    "<p>The council approved the budget on Tuesday after a long debate, with seven votes in favour and two "
    "against, ending months of argument.</p>"
    "<p>Opponents said the plan cuts too deep into library services, while supporters pointed to the deficit "
    "and the need for new roads.</p>";

// A page with `head` in <head> and `body` before the article paragraphs.
std::string page(const std::string& head, const std::string& body = {}, const std::string& after = {}) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "<article>" + kArticle + "</article>" +
           after + "</body></html>";
}

}  // namespace

TEST_CASE("og:title wins over <title> with a site suffix", "[ingest][html]") {
    const auto extraction =
        extract_html(page("<title>Council passes budget | The Daily Bugle</title>"
                          "<meta property=\"og:title\" content=\"Council passes budget\">"
                          "<meta property=\"og:site_name\" content=\"The Daily Bugle\">",
                          "<h1>Council passes budget</h1>"));
    CHECK(extraction.article.title == "Council passes budget");
    CHECK(extraction.title_origin == "og:title");
    CHECK(extraction.site_name == "The Daily Bugle");
}

TEST_CASE("the site suffix is cut from <title>", "[ingest][html]") {
    struct Row {
        const char* title;
        const char* expected;
        const char* site;
    };
    const Row rows[] = {
        {"Council passes budget | The Daily Bugle", "Council passes budget", "The Daily Bugle"},
        {"Council passes budget - Bugle", "Council passes budget", "Bugle"},
        {"Council passes budget — The Bugle", "Council passes budget", "The Bugle"},
        {"Council passes budget :: Bugle", "Council passes budget", "Bugle"},
        {"Council passes budget", "Council passes budget", ""},
    };
    for (const auto& row : rows) {
        INFO(row.title);
        const auto extraction = extract_html(page(std::string("<title>") + row.title + "</title>"));
        CHECK(extraction.article.title == row.expected);
        CHECK(extraction.title_origin == "title");
        CHECK(extraction.site_name == row.site);
    }
}

TEST_CASE("a title candidate that agrees with the h1 is preferred", "[ingest][html]") {
    // twitter:title agrees with the headline on the page; og:title is a social-media variant.
    const auto extraction =
        extract_html(page("<title>Council passes budget after long debate - Bugle</title>"
                          "<meta property=\"og:title\" content=\"You won't believe what the council did\">"
                          "<meta name=\"twitter:title\" content=\"Council passes budget after long debate\">",
                          "<h1>Council passes budget after long debate</h1>"));
    CHECK(extraction.article.title == "Council passes budget after long debate");
    CHECK(extraction.title_origin == "twitter:title");
}

TEST_CASE("the h1 is the title when nothing else agrees", "[ingest][html]") {
    const auto extraction =
        extract_html(page("<title>Bugle</title>", "<h1>Council passes budget after long debate</h1>"));
    CHECK(extraction.article.title == "Council passes budget after long debate");
    CHECK(extraction.title_origin == "h1");
    CHECK_THAT(extraction.article.body, !Catch::Contains("Council passes budget after"));
}

TEST_CASE("markup in <title> stays literal text", "[ingest][html]") {
    const auto extraction = extract_html(page("<title><img src=x onerror=alert(1)> Budget news</title>"));
    CHECK(extraction.article.title == "<img src=x onerror=alert(1)> Budget news");
}

TEST_CASE("JSON-LD headline, date, author and section, also inside @graph", "[ingest][html]") {
    const std::string json_ld = R"(<script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "datePublished": "2001-01-01"},
          {"@type": ["NewsArticle"], "headline": "Council passes budget",
           "datePublished": "2013-02-15T10:00:00+03:30", "articleSection": "Local politics",
           "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}]},
          {"@type": "BreadcrumbList", "itemListElement": [
             {"@type": "ListItem", "position": 2, "name": "City"},
             {"@type": "ListItem", "position": 1, "name": "Home"},
             {"@type": "ListItem", "position": 3, "item": {"@id": "https://x/c", "name": "Council"}}]}
        ]}</script>)";
    const auto extraction = extract_html(page("<title>Something else entirely</title>" + json_ld));
    CHECK(extraction.article.title == "Council passes budget");
    CHECK(extraction.title_origin == "json-ld");
    REQUIRE(extraction.article.date);
    CHECK(extraction.article.date->iso() == "2013-02-15");
    CHECK(extraction.article.date_source == DateSource::article);
    CHECK(extraction.date_origin == "json-ld");
    CHECK(extraction.article.author == "Jane Roe, John Doe");
    CHECK(extraction.article.categories == std::vector<std::string>{"Local politics", "Council", "City"});
}

TEST_CASE("invalid JSON-LD is skipped", "[ingest][html]") {
    const auto extraction = extract_html(
        page("<title>Council passes budget</title><script type=\"application/ld+json\">{\"headline\": </script>"));
    CHECK(extraction.article.title == "Council passes budget");
    CHECK_FALSE(extraction.article.date);
}

TEST_CASE("article:published_time and other date meta tags", "[ingest][html]") {
    struct Row {
        const char* meta;
        const char* date;
        const char* origin;
    };
    const Row rows[] = {
        {R"(<meta property="article:published_time" content="2019-11-18T23:04:00-05:00">)", "2019-11-18",
         "article:published_time"},
        {R"(<meta name="pubdate" content="20191118">)", "2019-11-18", "pubdate"},
        {R"(<meta name="DC.date" content="2019-11-18">)", "2019-11-18", "dc.date"},
        {R"(<meta name="sailthru.date" content="Mon, 18 Nov 2019 10:00:00 +0000">)", "2019-11-18", "sailthru.date"},
        {R"(<meta name="parsely-pub-date" content="2019-11-18T10:00:00Z">)", "2019-11-18", "parsely-pub-date"},
        {R"(<meta itemprop="datePublished" content="2019-11-18">)", "2019-11-18", "datepublished"},
    };
    for (const auto& row : rows) {
        INFO(row.meta);
        const auto extraction = extract_html(page(std::string("<title>T</title>") + row.meta));
        REQUIRE(extraction.article.date);
        CHECK(extraction.article.date->iso() == row.date);
        CHECK(extraction.date_origin == row.origin);
    }
}

TEST_CASE("a <time datetime> of the article is the date, not one in the sidebar", "[ingest][html]") {
    const auto extraction =
        extract_html(page("<title>T</title>", "<aside><time datetime=\"2001-01-01\">old story</time></aside>",
                          "<footer><time datetime=\"2002-02-02\">x</time></footer>"
                          "<div><time class=\"published\" datetime=\"2019-11-18T10:00\">Nov 18</time></div>"));
    REQUIRE(extraction.article.date);
    CHECK(extraction.article.date->iso() == "2019-11-18");
    CHECK(extraction.date_origin == "time");
}

TEST_CASE("a date only in the URL", "[ingest][html]") {
    const auto extraction =
        extract_html(page("<title>T</title>"), "https://news.example.com/2013/02/15/council-passes-budget/");
    REQUIRE(extraction.article.date);
    CHECK(extraction.article.date->iso() == "2013-02-15");
    CHECK(extraction.date_origin == "url");
    CHECK(extraction.article.url == "https://news.example.com/2013/02/15/council-passes-budget/");
}

TEST_CASE("a dateline at the start of the text", "[ingest][html]") {
    const std::string html =
        "<html><head><title>T</title></head><body><article><p>LONDON, May 5, 2013 - The council approved the "
        "budget on Tuesday after a long debate, with seven votes in favour and two against.</p><p>" +
        kArticle + "</p></article></body></html>";
    const auto extraction = extract_html(html);
    REQUIRE(extraction.article.date);
    CHECK(extraction.article.date->iso() == "2013-05-05");
    CHECK(extraction.date_origin == "dateline");
}

TEST_CASE("an undated page stays undated", "[ingest][html]") {
    const auto extraction = extract_html(page("<title>T</title>"), "https://example.com/local/council-budget");
    CHECK_FALSE(extraction.article.date);
    CHECK(extraction.article.date_source == DateSource::none);
    CHECK(extraction.date_origin.empty());
}

TEST_CASE("categories: section, breadcrumbs, or the URL path", "[ingest][html]") {
    SECTION("article:section first, then the breadcrumb trail most specific first") {
        const auto extraction = extract_html(
            page("<title>Council passes budget</title><meta property=\"article:section\" content=\"Politics\">",
                 "<nav class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/news\">News</a> › "
                 "<a href=\"/news/local\">Local</a></nav>"));
        CHECK(extraction.article.categories == std::vector<std::string>{"Politics", "Local", "News"});
    }
    SECTION("the first meaningful path segment, never a date, a language or the slug") {
        struct Row {
            const char* url;
            const char* category;
        };
        const Row rows[] = {
            {"https://example.com/en/news/2019/11/18/sport/council-passes-budget-after-debate.html", "sport"},
            {"https://example.com/business-news/article/council-budget-14848164.php", "business news"},
            {"https://example.com/council-passes-budget-after-long-debate/", ""},
        };
        for (const auto& row : rows) {
            INFO(row.url);
            const auto extraction = extract_html(page("<title>T</title>"), row.url);
            if (*row.category) {
                CHECK(extraction.article.categories == std::vector<std::string>{row.category});
            } else {
                CHECK(extraction.article.categories.empty());
            }
        }
    }
}

TEST_CASE("author: a name, never a URL", "[ingest][html]") {
    CHECK(extract_html(page("<meta property=\"article:author\" content=\"https://facebook.com/jane\">"
                            "<meta name=\"author\" content=\"Jane Roe\">"))
              .article.author == "Jane Roe");
    CHECK(extract_html(page("", "<a rel=\"author\" href=\"/jane\">Jane Roe</a>")).article.author == "Jane Roe");
    CHECK(extract_html(page("", "<div class=\"byline\">By Jane Roe</div>")).article.author == "Jane Roe");
}

TEST_CASE("language from <html lang> or content-language", "[ingest][html]") {
    CHECK(extract_html("<html lang=\"en-GB\"><body>" + kArticle + "</body></html>").article.language == "en");
    CHECK(extract_html("<html><head><meta http-equiv=\"content-language\" content=\"pt-BR\"></head><body>" + kArticle +
                       "</body></html>")
              .article.language == "pt");
}

TEST_CASE("the canonical URL when the caller gives none", "[ingest][html]") {
    const auto extraction = extract_html(page("<link rel=\"canonical\" href=\"https://example.com/a/1\">"));
    CHECK(extraction.article.url == "https://example.com/a/1");
    CHECK(extraction.article.id.empty());
}

TEST_CASE("character references in JSON-LD values are decoded", "[ingest][html]") {
    const auto extraction = extract_html(page(
        R"(<script type="application/ld+json">{"@type": "BlogPosting",
           "headline": "&#8216;The Medium is the Message&#8217; &amp; more", "datePublished": "2018-09-15"}</script>)"));
    CHECK(extraction.article.title == "‘The Medium is the Message’ & more");
}

TEST_CASE("placeholder dates are skipped for the next source", "[ingest][html]") {
    const auto extraction = extract_html(
        page(R"(<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00"}
             </script><meta property="article:published_time" content="1970-01-01T00:00:00Z">)"),
        "https://example.com/news/2019/11/19/council-budget/");
    REQUIRE(extraction.article.date);
    CHECK(extraction.article.date->iso() == "2019-11-19");
    CHECK(extraction.date_origin == "url");
}

TEST_CASE("a date in a meta tag of another name or in an element marked as the date", "[ingest][html]") {
    SECTION("meta") {
        const auto extraction = extract_html(page(R"(<meta name="sn-post-date" content="2019/11/19">
                                                     <meta name="last-modified-date" content="2020/01/01">)"));
        REQUIRE(extraction.article.date);
        CHECK(extraction.article.date->iso() == "2019-11-19");
        CHECK(extraction.date_origin == "sn-post-date");
    }
    SECTION("element") {
        const auto extraction =
            extract_html(page("", R"(<span class="article-updated-date">Updated January 2, 2020</span>
                                     <span class="article-publish-date">Published Monday, November 18, 2019 8:22AM</span>)"));
        REQUIRE(extraction.article.date);
        CHECK(extraction.article.date->iso() == "2019-11-18");
        CHECK(extraction.date_origin == "date-element");
    }
}

TEST_CASE("a byline gives the name without its date, handle or label", "[ingest][html]") {
    struct Row {
        const char* byline;
        const char* author;
    };
    const Row rows[] = {
        {"By Jane Roe May 20, 2019 11:00 PM PST", "Jane Roe"},
        {"Jane Roe — ", "Jane Roe"},
        {"por Jane Roe", "Jane Roe"},
        {"Jane Roe @janeroe Nov 18, 2019 at 9:24 pm ET", "Jane Roe"},
        {"BY JANE ROE | Staff writer", "JANE ROE"},
        {"Last Updated: January 7, 2025", ""},
    };
    for (const auto& row : rows) {
        INFO(row.byline);
        CHECK(extract_html(page("", std::string("<p class=\"byline\">") + row.byline + "</p>")).article.author ==
              row.author);
    }
}

TEST_CASE("a byline in the comments is not the author", "[ingest][html]") {
    const auto extraction = extract_html(
        page("", "", "<div id=\"comments\"><div class=\"comment-author\">Troll 2000</div><p>First!</p></div>"));
    CHECK(extraction.article.author.empty());
}
