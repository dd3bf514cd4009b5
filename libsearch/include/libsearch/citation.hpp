#pragma once
/// @file citation.hpp
/// How an article is cited: the one rule, so the API, the page and any
/// embedder cite alike.

#include <string>

#include "libsearch/article.hpp"

namespace libsearch {

/// A citation of an article, in parts and as one line.
///
/// The line is `Title. site, date. URL.` with the date as YYYY-MM-DD, or
/// "n.d." when the article is undated (a date is never invented). A part the
/// article lacks is left out with its punctuation (a Reuters story has no URL
/// and so no site). The date the reader accessed the article is the reader's,
/// not the index's: whoever shows the line to a reader appends
/// ` Accessed YYYY-MM-DD.` with the reader's today (see citation_with_access()).
struct Citation {
    std::string title;
    /// The host of the article's URL without a leading "www."; empty without a
    /// URL, or for one without a host ("javascript:…", "urn:…").
    std::string site;
    /// YYYY-MM-DD, or "n.d." when undated.
    std::string date;
    std::string url;
    /// The whole line, without the access date.
    std::string text;
};

/// The citation of `article`. Text is plain, not escaped: escape it for HTML.
Citation cite(const Article& article);

/// `citation.text` followed by " Accessed <accessed>." (`accessed` as
/// YYYY-MM-DD, the day the reader read it).
std::string citation_with_access(const Citation& citation, const std::string& accessed);

}  // namespace libsearch
