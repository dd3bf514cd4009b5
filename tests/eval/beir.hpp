#pragma once
/// @file beir.hpp
/// Reading a BEIR-format test collection (the layout of beir, pyserini and
/// ir_datasets): `queries.jsonl` ({"_id", "text", ...} per line) and
/// `qrels/<split>.tsv` (header `query-id corpus-id score`, tab-separated).
/// Both readers accept CRLF line ends and skip blank lines. The corpus itself
/// is read by libsearch's own JSON Lines reader.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metrics.hpp"

namespace libsearch::eval {

/// A query: id and natural-language text.
struct Query {
    std::string id;
    std::string text;
};

/// query id -> its judgments.
using Qrels = std::map<std::string, Judgments>;

/// Parse queries.jsonl content. @throws std::runtime_error naming the line.
std::vector<Query> parse_queries(std::string_view content, std::string_view source);
/// Parse a qrels TSV (header optional). @throws std::runtime_error naming the line.
Qrels parse_qrels(std::string_view content, std::string_view source);

/// The two above on files. @throws std::runtime_error (also for an unreadable file).
std::vector<Query> load_queries(const std::filesystem::path& path);
Qrels load_qrels(const std::filesystem::path& path);

}  // namespace libsearch::eval
