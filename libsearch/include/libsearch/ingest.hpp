#pragma once
/// @file ingest.hpp
/// Turning archive files into articles: the formats, format detection, and
/// the one entry point that reads any of them. Each format's reader is also
/// callable on its own (libsearch/ingest/*.hpp).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libsearch/article.hpp"

namespace libsearch {

/// The input formats.
enum class InputFormat {
    text_page,  ///< a plain-text archive page: "News : <category>", articles, site furniture
    html,       ///< an HTML page holding one article
    jsonl,      ///< JSON Lines: crawl, rich or BEIR records
    warc,       ///< WARC / WET web archive
    news_sgml,  ///< Reuters-21578 style SGML
};

/// The name used on command lines and in reports: "text", "html", "jsonl", "warc", "sgml".
std::string_view format_name(InputFormat format) noexcept;
/// The format for a name as format_name() gives it; nullopt for anything else.
std::optional<InputFormat> parse_format_name(std::string_view name) noexcept;

/// An input, or a record of one, that gave no article, and why.
struct Skipped {
    std::string source;   ///< file name (as given to the reader)
    std::size_t line = 0; ///< 1-based line or record number; 0 when the whole input is meant
    std::string reason;   ///< a sentence a user understands: "line is not a JSON object"
};

/// What a reader made of one input.
struct ReadResult {
    std::vector<Article> articles;
    std::vector<Skipped> skipped;
};

}  // namespace libsearch
