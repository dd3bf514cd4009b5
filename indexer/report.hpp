#pragma once
// Printing what the indexer did, as text or JSON, and articles as JSON Lines.

#include <libsearch/article.hpp>
#include <libsearch/ingester.hpp>

#include <cstdio>
#include <string>

namespace indexer {

/// The final report for a person: counts, then every skipped input and why.
void print_report(std::FILE* out, const libsearch::IngestReport& report, bool dry_run);

/// "SOURCE:LINE: REASON", or "SOURCE: REASON" when the whole input is meant.
std::string problem_line(const libsearch::InputProblem& problem);

/// The same report as one JSON object on one line.
std::string report_json(const libsearch::IngestReport& report, bool dry_run);

/// An article as one JSON object: id, url, title, body, categories, date,
/// author, language, source (and date_source, places, other_urls when set).
std::string article_json(const libsearch::Article& article);

}  // namespace indexer
