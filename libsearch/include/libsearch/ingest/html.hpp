#pragma once
/// @file ingest/html.hpp
/// News articles from HTML pages.

#include <string>
#include <string_view>

#include "libsearch/ingest.hpp"

namespace libsearch {

/// What was taken from one HTML page, and from where.
struct HtmlExtraction {
    /// title, body (paragraphs separated by blank lines), date + date_source,
    /// categories, author, url (canonical or og:url when the caller gave
    /// none), language (from <html lang> or meta). id stays empty.
    Article article;
    std::string site_name;     ///< og:site_name or the site suffix cut from <title>
    std::string charset;       ///< the source encoding the bytes were read in
    std::string title_origin;  ///< "og:title", "h1", "title", ... ("" when none)
    std::string date_origin;   ///< "article:published_time", "json-ld", "time", "url", "dateline", ...
};

/// Extract the article of an HTML page. `bytes` in any encoding (BOM, meta
/// charset, else detection; converted to UTF-8). `url` is where the page was
/// found, when known: it helps with dates and categories in the path.
/// Never throws on bad input: an unusable page gives an empty body.
HtmlExtraction extract_html(std::string_view bytes, std::string_view url = {});

/// extract_html() as a reader: one article, or a Skipped entry
/// ("HTML page has no article text") when the body is empty.
ReadResult read_html(std::string_view bytes, std::string_view source, std::string_view url = {});

}  // namespace libsearch
