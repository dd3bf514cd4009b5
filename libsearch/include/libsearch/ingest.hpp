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

/// A problem at a place in an input.
struct InputProblem {
    std::string source;   ///< file name (as given to the reader)
    std::size_t line = 0; ///< 1-based line or record number; 0 when the whole input is meant
    std::string reason;   ///< a sentence a user understands: "line is not a JSON object"
};

/// An input, or a record of one, that gave no article, and why.
using Skipped = InputProblem;

/// Something wrong in an article that went in all the same, e.g. a date that
/// cannot be read: the article is indexed without one.
using Warning = InputProblem;

/// What a reader made of one input.
struct ReadResult {
    std::vector<Article> articles;
    std::vector<Skipped> skipped;
    std::vector<Warning> warnings;
};

/// How read_input() and read_file() read.
struct ReadOptions {
    /// Read as this format; nullopt: detect it from the content (and name).
    std::optional<InputFormat> format;
    /// Language of articles that name none. Empty: detect it from the text,
    /// leaving it empty (the index's default) when detection is unsure.
    std::string language;
    /// Category of articles that have none. Empty: they stay without one.
    std::string category;
    /// Inputs larger than this, before or after decompression, are skipped.
    std::size_t max_bytes = std::size_t{256} << 20;
};

/// The format of an input, from its first bytes (decompressed) and, where
/// content does not decide, its file name. nullopt for binary data.
std::optional<InputFormat> detect_format(std::string_view content, std::string_view name);

/// Read one input of any format, gzip-compressed or not. Every article comes
/// out complete: an id (its own, or content_id() when the input has none),
/// a language (given, detected, or empty for the index default), `source`.
/// Problems are reported in `skipped` (the whole input with line 0 when it is
/// unusable: empty, binary, too large, truncated gzip, no articles), and in
/// `warnings` when the article went in all the same (an unreadable date, a
/// text cut to 8 MiB).
/// Never throws for bad input.
ReadResult read_input(std::string_view bytes, std::string_view source, const ReadOptions& options = {});

/// read_input() on a file's contents; an unreadable file is reported as skipped.
ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options = {});

/// The id of an article that has none of its own: derived from its title
/// and body with case and spacing folded ("c" + 16 hex digits), so the same
/// article found in several files or formats gets the same id.
std::string content_id(const Article& article);

/// ISO 639-1 code of the language of a text (CLD2), or "" when unsure.
std::string detect_language(std::string_view text);

}  // namespace libsearch
