#pragma once
// The markdown report of a benchmark run, from its results (JSON lines).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bench {

struct Report {
    std::string markdown;
    /// Sections with no data, and failed or missing programs: a run with any is incomplete.
    std::vector<std::string> problems;
};

/// Renders every section (header, corpus, indexing, queries, HTTP, ratios, problems).
Report render_report(const std::vector<nlohmann::json>& results);

}  // namespace bench
