#include "report.hpp"

#include <nlohmann/json.hpp>

namespace indexer {

std::string article_json(const libsearch::Article& a) {
    nlohmann::ordered_json j;
    j["id"] = a.id;
    j["url"] = a.url;
    j["title"] = a.title;
    j["body"] = a.body;
    j["categories"] = a.categories;
    j["date"] = a.date ? nlohmann::ordered_json(a.date->iso()) : nlohmann::ordered_json(nullptr);
    if (a.date) j["date_source"] = libsearch::date_source_name(a.date_source);
    j["author"] = a.author;
    j["language"] = a.language;
    j["source"] = a.source;
    if (!a.places.empty()) j["places"] = a.places;
    if (!a.other_urls.empty()) j["other_urls"] = a.other_urls;
    // Text repaired by the readers is valid UTF-8; replace rather than throw if not.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string report_json(const libsearch::IngestReport& r, bool dry_run) {
    nlohmann::ordered_json j;
    j["dry_run"] = dry_run;
    j["complete"] = r.complete();
    j["interrupted"] = r.interrupted;
    j["files"] = {{"seen", r.files_seen},       {"read", r.files_read},       {"unchanged", r.files_unchanged},
                  {"skipped", r.files_skipped}, {"pruned", r.files_pruned}};
    j["articles"] = {{"read", r.articles_read},           {"added", r.articles_added},
                     {"updated", r.articles_updated},     {"unchanged", r.articles_unchanged},
                     {"duplicates_merged", r.duplicates_merged}, {"removed", r.articles_removed}};
    j["versions"] = {{"groups", r.versions.groups},
                     {"articles", r.versions.articles},
                     {"written", r.versions.written},
                     {"seconds", r.versions.seconds}};
    j["bytes_read"] = r.bytes_read;
    j["seconds"] = r.seconds;
    const auto problems = [](const std::vector<libsearch::InputProblem>& list) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& p : list) {
            nlohmann::ordered_json entry{{"source", p.source}};
            if (p.line) entry["line"] = p.line;
            entry["reason"] = p.reason;
            out.push_back(entry);
        }
        return out;
    };
    j["skipped"] = problems(r.skipped);
    j["warnings"] = problems(r.warnings);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string problem_line(const libsearch::InputProblem& problem) {
    return problem.source + (problem.line ? ":" + std::to_string(problem.line) : "") + ": " + problem.reason;
}

void print_report(std::FILE* out, const libsearch::IngestReport& r, bool dry_run) {
    auto n = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
    std::fprintf(out, "%s%llu files: %llu read, %llu unchanged, %llu skipped%s\n", dry_run ? "dry run: " : "",
                 n(r.files_seen), n(r.files_read), n(r.files_unchanged), n(r.files_skipped),
                 r.files_pruned ? (", " + std::to_string(r.files_pruned) + " gone (pruned)").c_str() : "");
    if (dry_run) {
        std::fprintf(out, "%llu articles would be indexed\n", n(r.articles_read));
    } else {
        std::fprintf(out, "%llu articles: %llu added, %llu updated, %llu unchanged, %llu duplicates merged, %llu removed\n",
                     n(r.articles_read), n(r.articles_added), n(r.articles_updated), n(r.articles_unchanged),
                     n(r.duplicates_merged), n(r.articles_removed));
    }
    if (r.versions.groups)
        std::fprintf(out, "versions of one story: %llu groups of %llu articles (%.2f s)\n", n(r.versions.groups),
                     n(r.versions.articles), r.versions.seconds);
    std::fprintf(out, "%.1f MB in %.2f s\n", double(r.bytes_read) / 1e6, r.seconds);
    if (r.interrupted) std::fprintf(out, "interrupted: what was read is committed; run again to finish\n");
    const auto list = [out](const char* heading, const std::vector<libsearch::InputProblem>& problems) {
        if (problems.empty()) return;
        std::fprintf(out, "%s %zu:\n", heading, problems.size());
        for (const auto& p : problems) std::fprintf(out, "  %s\n", problem_line(p).c_str());
    };
    list("skipped", r.skipped);
    list("warnings", r.warnings);
}

}  // namespace indexer
