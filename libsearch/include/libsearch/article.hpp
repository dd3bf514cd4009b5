#pragma once
/// @file article.hpp
/// The unit of the archive: one article, as every reader produces it and
/// IndexWriter stores it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libsearch/date.hpp"

namespace libsearch {

/// Where an article's date came from.
enum class DateSource {
    none,     ///< undated
    article,  ///< the article or its record says so (metadata, dateline, DATE field)
    crawl,    ///< the day the page was crawled (WARC-Date), used when the page has none
    file,     ///< the input file's modification time, only when asked for (--date-from-mtime)
};

/// The name used in APIs and reports: "article", "crawl", "file"; "" for none.
std::string_view date_source_name(DateSource source) noexcept;

/// One news article. Only `id` is required; every other field may be empty.
struct Article {
    /// Stable external identity (1..200 bytes). Adding an article whose id is
    /// already indexed replaces it, so re-indexing is idempotent. Records that
    /// carry their own id (`id`, `_id`, NEWID) keep it.
    std::string id;
    /// Where the article was published, when known.
    std::string url;
    /// Other places the same article was found (reprints merged into this one).
    std::vector<std::string> other_urls;
    std::string title;
    /// The article text; paragraphs separated by blank lines.
    std::string body;
    /// Categories, most specific section first: categories[0] is the primary one.
    std::vector<std::string> categories;
    /// Publication day. A missing date stays missing: never today's, never a guess.
    std::optional<Date> date;
    /// What `date` is; DateSource::none exactly when it is empty.
    DateSource date_source = DateSource::none;
    std::string author;
    /// Places the article is about, as the source tags them (Reuters PLACES).
    std::vector<std::string> places;
    /// ISO 639-1 code or language name ("en", "english"). Empty: the index's
    /// default language. Decides stemming and stopwords.
    std::string language;
    /// The file or record it came from, e.g. "archive/page.txt" or "feed.jsonl:12".
    std::string source;
};

}  // namespace libsearch
