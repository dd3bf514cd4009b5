#include <catch2/catch.hpp>
#include <chrono>
#include <libsearch/ingest/html.hpp>
#include <string>

using libsearch::extract_html;
using libsearch::read_html;

namespace {

const char* const kParagraphs[] = {
    "The council approved the budget on Tuesday after a long debate, with seven votes in favour and two "
    "against, ending months of argument over spending.",
    "Opponents said the plan cuts too deep into library services, while supporters pointed to the deficit, "
    "the state of the roads and the cost of borrowing.",
    "The mayor, who proposed the plan in March, said the city would review the library budget again next "
    "year, once the new tax figures are known.",
};

std::string article_html() {
    std::string html;
    for (const char* paragraph : kParagraphs) html += std::string("<p>") + paragraph + "</p>\n";
    return html;
}

std::string expected_body() { return std::string(kParagraphs[0]) + "\n\n" + kParagraphs[1] + "\n\n" + kParagraphs[2]; }

}  // namespace

TEST_CASE("the article is kept, page furniture is not", "[ingest][html]") {
    const std::string html = R"(<!DOCTYPE html><html><head><title>Council passes budget | Bugle</title>
        <style>p { color: red }</style><script>var tracking = "Council script text";</script></head>
        <body>
        <header class="site-header"><a href="/">Bugle</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
        <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
        <div id="main"><article><h1>Council passes budget</h1>
          <div class="article-body">)" +
                             article_html() + R"(
          <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
          <form action="/subscribe"><label>Sign up for our newsletter, the best of the Bugle every morning</label>
          <input type="email"><button>Subscribe</button></form>
          <noscript>Please enable JavaScript to enjoy every feature of this site.</noscript>
          </div></article>
          <section id="comments" class="comments-area"><h2>12 comments</h2>
            <div class="comment"><p>This is a disgrace, the libraries are the heart of the city and the council
            knows it, I will vote against all of them at the next election.</p></div>
            <div class="comment"><p>Finally somebody is doing something about the roads in this town, which have
            been a scandal for years, well done to the council.</p></div></section>
        </div>
        <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Other story with a long headline here</a></li>
          <li><a href="/y">Yet another story with a long headline</a></li></ul></aside>
        <footer><p>Copyright 2019 The Bugle. All rights reserved. Contact us at the address below, any day.</p></footer>
        </body></html>)";
    const auto extraction = extract_html(html);
    CHECK(extraction.article.body == expected_body());
    CHECK(extraction.article.title == "Council passes budget");
}

TEST_CASE("headings and list items are paragraphs of their own, white space collapsed", "[ingest][html]") {
    const std::string html = "<html><body><article>" + article_html() +
                             "<h2>What   changes</h2><ul><li>Libraries close\n on Sundays</li>"
                             "<li>Road repairs <b>double</b></li></ul><p>Line one<br>line two</p></article>"
                             "</body></html>";
    const auto extraction = extract_html(html);
    CHECK(extraction.article.body == expected_body() +
                                         "\n\nWhat changes\n\nLibraries close on Sundays\n\nRoad repairs double\n\n"
                                         "Line one\nline two");
}

TEST_CASE("trailing boilerplate is left out", "[ingest][html]") {
    const std::string html = "<html><body><article>" + article_html() +
                             "<p>Related:</p><p><a href=\"/1\">Mayor proposes budget</a></p>"
                             "<p><a href=\"/2\">Libraries fear cuts</a></p><p>Share this article</p></article>"
                             "</body></html>";
    CHECK(extract_html(html).article.body == expected_body());
}

TEST_CASE("a page without article text is skipped", "[ingest][html]") {
    for (const std::string& html :
         {std::string(), std::string("<html><head><title>Home</title></head><body></body></html>"),
          std::string("<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
                      "<script>document.write('hello')</script></body></html>"),
          std::string("\x00\x01\x02\xFF\xFE garbage", 14)}) {
        INFO(html);
        const auto result = read_html(html, "page.html");
        CHECK(result.articles.empty());
        REQUIRE(result.skipped.size() == 1);
        CHECK(result.skipped[0].source == "page.html");
        CHECK(result.skipped[0].line == 0);
        CHECK(result.skipped[0].reason == "HTML page has no article text");
    }
}

TEST_CASE("read_html gives one article with its source", "[ingest][html]") {
    const auto result = read_html(
        "<html><head><title>Budget</title></head><body><article>" + article_html() + "</article></body></html>",
        "archive/budget.html", "https://example.com/2013/02/15/budget");
    REQUIRE(result.articles.size() == 1);
    CHECK(result.skipped.empty());
    const auto& article = result.articles[0];
    CHECK(article.source == "archive/budget.html");
    CHECK(article.url == "https://example.com/2013/02/15/budget");
    CHECK(article.body == expected_body());
    CHECK(article.id.empty());
}

TEST_CASE("deeply nested HTML is handled in bounded time", "[ingest][html]") {
    constexpr int kDepth = 100000;
    std::string html = "<html><head><title>Deep</title></head><body>";
    html.reserve(html.size() + kDepth * 11 + 1000);
    for (int i = 0; i < kDepth; ++i) html += "<div>";
    html += article_html();
    for (int i = 0; i < kDepth; ++i) html += "</div>";
    html += "</body></html>";
    const auto start = std::chrono::steady_clock::now();
    const auto extraction = extract_html(html);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 10);
    CHECK(extraction.article.title == "Deep");
    CHECK_THAT(extraction.article.body, Catch::Contains(kParagraphs[0]));
}

TEST_CASE("unclosed formatting elements and other malformed markup do not break extraction", "[ingest][html]") {
    std::string html = "<html><body><article>";
    for (int i = 0; i < 20000; ++i) html += "<b><i><font>";
    html += article_html() + "</td></tr></table><p><p><p></article><!-- unterminated comment";
    const auto extraction = extract_html(html);
    CHECK_THAT(extraction.article.body, Catch::Contains(kParagraphs[1]));
}

TEST_CASE("captions, galleries, ad labels and byline lines are not article text", "[ingest][html]") {
    const std::string html =
        R"(<html><body><article>
        <p class="byline">By Jane Roe</p><p>Updated: 18 Nov 2019, 19:11</p>
        <figure><img src="a.jpg"><figcaption>The council chamber on Tuesday. Photo: Bugle</figcaption></figure>)" +
        std::string("<p>") + kParagraphs[0] + "</p><p>ADVERTISEMENT</p>" +
        R"(<div class="gallery"><p>Image 1 of 8</p><p>The mayor speaks to reporters after the vote</p></div>)" + "<p>" +
        kParagraphs[1] + "</p><p>Related: <a href=\"/x\">Mayor proposes a budget</a></p>" + "<p>" + kParagraphs[2] +
        "</p></article></body></html>";
    CHECK(extract_html(html).article.body == expected_body());
}

TEST_CASE("a short article wins over long comments", "[ingest][html]") {
    std::string comments;
    for (int i = 0; i < 12; ++i)
        comments +=
            "<div class=\"comment\"><p>I disagree with every word of this, the council has wasted our "
            "money for years, and nobody should believe a single promise they make about the roads.</p></div>";
    const std::string html = "<html><body><article><div class=\"entry-content\"><p>" + std::string(kParagraphs[0]) +
                             "</p><p>" + kParagraphs[1] + "</p></div></article><section id=\"comments\">" + comments +
                             "</section></body></html>";
    CHECK(extract_html(html).article.body == std::string(kParagraphs[0]) + "\n\n" + kParagraphs[1]);
}

TEST_CASE("a form around the whole page keeps the article", "[ingest][html]") {
    const std::string html = "<html><body><form id=\"aspnetForm\" action=\"/page.aspx\"><div id=\"main\">" +
                             article_html() + "</div><input type=\"hidden\" name=\"__VIEWSTATE\"></form></body></html>";
    CHECK(extract_html(html).article.body == expected_body());
}

TEST_CASE("a tag with too many attributes is cut, not parsed for minutes", "[ingest][html]") {
    std::string html = "<html><head><title>Attributes</title></head><body><div";
    for (int i = 0; i < 200000; ++i) html += " a" + std::to_string(i) + "=x";
    html += ">" + article_html() + "</div></body></html>";
    const auto start = std::chrono::steady_clock::now();
    const auto extraction = extract_html(html);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 10);
    CHECK(extraction.article.body == expected_body());
}
