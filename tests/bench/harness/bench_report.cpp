// bench_report: the runner's JSON-lines bookkeeping and its markdown report.
//
//   bench_report tag [--set KEY=VALUE]... FILE...   JSON object lines of FILEs with the keys added
//   bench_report corpus [--set KEY=VALUE]... FILE...  {"bench":"corpus","articles":N,"text_mb":M} of records
//   bench_report render --results FILE [--check]    the report (markdown) on stdout; with --check,
//                                                   exit 1 when a section is empty or a program failed
// A VALUE that parses as JSON (a number, true) is stored as such, else as a string.

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "records.hpp"
#include "report_render.hpp"

namespace {

nlohmann::json parse_sets(const std::vector<std::string>& sets) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& s : sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) throw std::runtime_error("--set wants KEY=VALUE, not '" + s + "'");
        const std::string value = s.substr(eq + 1);
        auto parsed = nlohmann::json::parse(value, nullptr, false);
        out[s.substr(0, eq)] = parsed.is_discarded() || parsed.is_object() || parsed.is_array() ? nlohmann::json(value)
                                                                                                : std::move(parsed);
    }
    return out;
}

int tag(const std::vector<std::string>& files, const nlohmann::json& sets) {
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in) throw std::runtime_error(file + ": cannot open");
        std::string line;
        while (std::getline(in, line)) {
            auto json = nlohmann::json::parse(line, nullptr, false);
            if (json.is_discarded() || !json.is_object()) continue;
            json.update(sets);
            std::cout << json.dump() << "\n";
        }
    }
    return 0;
}

int corpus(const std::vector<std::string>& files, nlohmann::json sets) {
    std::uint64_t articles = 0, bytes = 0;
    bench::for_each_record(files, [&](const bench::Record& r) {
        ++articles;
        bytes += r.title.size() + r.body.size();
    });
    sets["bench"] = "corpus";
    sets["articles"] = articles;
    sets["text_mb"] = static_cast<double>(bytes) / 1048576.0;
    sets["files"] = files.size();
    std::cout << sets.dump() << "\n";
    return 0;
}

int render(const std::string& results_file, bool check) {
    std::ifstream in(results_file);
    if (!in) throw std::runtime_error(results_file + ": cannot open");
    std::vector<nlohmann::json> results;
    std::string line;
    while (std::getline(in, line)) {
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (!json.is_discarded() && json.is_object()) results.push_back(std::move(json));
    }
    const auto report = bench::render_report(results);
    std::cout << report.markdown;
    if (check && !report.problems.empty()) {
        for (const auto& p : report.problems) std::cerr << "bench_report: " << p << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Tag benchmark result lines, count a corpus, render the report."};
    app.require_subcommand(1);
    std::vector<std::string> sets, files;
    auto* tag_cmd = app.add_subcommand("tag", "Print the JSON object lines of FILEs with KEY=VALUE added");
    tag_cmd->add_option("--set", sets, "KEY=VALUE to add (repeatable)")->allow_extra_args(false);
    tag_cmd->add_option("files", files, "Files of JSON lines")->required();
    auto* corpus_cmd = app.add_subcommand("corpus", "Count the articles and text of record files");
    corpus_cmd->add_option("--set", sets, "KEY=VALUE to add (repeatable)")->allow_extra_args(false);
    corpus_cmd->add_option("files", files, "JSON Lines record files")->required();
    std::string results;
    bool check = false;
    auto* render_cmd = app.add_subcommand("render", "Write the markdown report of a results file");
    render_cmd->add_option("--results", results, "results.jsonl")->required();
    render_cmd->add_flag("--check", check, "Exit 1 when a section is empty or a program failed");
    CLI11_PARSE(app, argc, argv);
    try {
        if (*tag_cmd) return tag(files, parse_sets(sets));
        if (*corpus_cmd) return corpus(files, parse_sets(sets));
        return render(results, check);
    } catch (const std::exception& e) {
        std::cerr << "bench_report: " << e.what() << "\n";
        return 1;
    } catch (...) {
        std::cerr << "bench_report: unknown error\n";
        return 1;
    }
}
