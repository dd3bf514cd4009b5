#pragma once
// What a page says about itself: <meta> tags, <title>, <html lang>, links and
// JSON-LD, gathered once; html_metadata.hpp decides what they mean.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/html/dom.hpp"

namespace libsearch::ingest::html {

/// The schema.org objects of a page's JSON-LD blocks, reduced to what an article needs.
struct JsonLd {
    std::vector<std::string> headlines;        ///< of Article-like objects
    std::vector<std::string> dates_published;  ///< of Article-like objects
    std::vector<std::string> other_dates;      ///< datePublished of other objects (WebPage, ...)
    std::vector<std::string> authors;          ///< names of the first Article-like object's authors
    std::vector<std::string> sections;         ///< articleSection
    std::vector<std::string> breadcrumbs;      ///< BreadcrumbList names, from the site root down
    std::string publisher;                     ///< publisher name
    std::string language;                      ///< inLanguage
};

/// The JSON-LD of a document. Invalid blocks are skipped.
JsonLd read_json_ld(const Document& document);

struct PageMetadata {
    /// Every <meta> content by key: the lower-case property, name or
    /// itemprop (each of several space-separated ones), in document order.
    std::vector<std::pair<std::string, std::string>> meta;
    std::string title;                     ///< the <title> element's text
    std::string language;                  ///< <html lang>, else http-equiv content-language
    std::string canonical;                 ///< <link rel=canonical>
    std::vector<std::string> rel_authors;  ///< texts of rel=author links
    JsonLd json_ld;

    /// The first non-empty (trimmed) content for `key` ("" when none).
    std::string_view get(std::string_view key) const noexcept;
};

PageMetadata read_page_metadata(const Document& document);

}  // namespace libsearch::ingest::html
