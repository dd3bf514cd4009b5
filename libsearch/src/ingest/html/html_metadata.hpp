#pragma once
// Deciding an article's title, date, categories, author and language from
// what a page says about itself, and naming where each came from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html/dom.hpp"
#include "ingest/html/page_metadata.hpp"
#include "libsearch/date.hpp"

namespace libsearch::ingest::html {

struct TitleChoice {
    std::string title;
    std::string origin;     ///< "og:title", "twitter:title", "json-ld", "h1", "title", ... ("" when none)
    std::string site_name;  ///< og:site_name, else the site suffix cut from <title>
};

/// The title: og:title, twitter:title, JSON-LD headline, Dublin Core, the
/// h1, or <title> without its site suffix ("Headline | Site"). A candidate
/// that agrees with the h1 or <title> is preferred.
TitleChoice choose_title(const Document& document, const PageMetadata& metadata);

/// `title` without a site name before or after a separator (" | Site",
/// " - Site", " — Site", " :: Site"). With `guess`, a suffix that is not
/// `site_name` is cut too when it is short and the rest is not. `cut`
/// receives what was cut.
std::string strip_site_affix(std::string_view title, std::string_view site_name, std::string* cut = nullptr,
                             bool guess = true);

struct DateChoice {
    std::optional<Date> date;
    std::string origin;  ///< "article:published_time", "json-ld", "time", "url", "dateline", ...
};

/// The publication day, from the first source that has a plausible one:
/// JSON-LD datePublished of an article, article:published_time, other date
/// meta tags (pubdate, dc.date, sailthru.date, parsely-pub-date, itemprop
/// datePublished, ...), a <time> of the article, a date in the URL, an
/// element marked as the date ("publish-date"), or a dateline at the start of
/// the article text `lead`. Placeholders (0001-01-01, 1970-01-01) are skipped.
DateChoice choose_date(const Document& document, const PageMetadata& metadata, std::string_view url,
                       std::string_view lead);

/// Categories, most specific first: article:section, JSON-LD articleSection,
/// breadcrumbs (JSON-LD or a breadcrumb list), else the first meaningful
/// segment of the URL path.
std::vector<std::string> choose_categories(const Document& document, const PageMetadata& metadata, std::string_view url,
                                           std::string_view title);

/// The author's name(s): JSON-LD, author meta tags (Dublin Core first, as
/// Readability), rel=author links, a byline outside the page furniture;
/// without "By", the date or a handle that follow it. Never a URL.
std::string choose_author(const Document& document, const PageMetadata& metadata);

/// The primary language subtag of <html lang>, content-language, og:locale
/// or JSON-LD inLanguage, lower case ("en"); "" when none.
std::string choose_language(const PageMetadata& metadata);

}  // namespace libsearch::ingest::html
