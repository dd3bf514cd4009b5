#pragma once
// The article text of an HTML page.

#include <string>
#include <string_view>

#include "ingest/html/dom.hpp"

namespace libsearch::ingest::html {

struct MainText {
    /// Paragraphs separated by blank lines, headings and list items as
    /// paragraphs of their own, white space collapsed. The page title repeated
    /// at the top, byline and date lines, and trailing boilerplate ("Share
    /// this article", "Related:") are left out. "" when the page has no text
    /// (or less than a sentence of it).
    std::string body;
    /// The start of the text before byline and date lines were left out: where a dateline is.
    std::string lead;
};

/// The main text of a page.
MainText extract_main_text(const Document& document, std::string_view title);

}  // namespace libsearch::ingest::html
