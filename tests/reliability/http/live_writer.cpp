// live_writer: changes an index that searchd is serving, as a live archive
// does: every --interval-ms it adds new articles, replaces existing ones (a
// new version of their text) and commits, for --seconds. It opens the index
// with libsearch::IndexWriter once the index exists (direct writes).
//
//   live_writer --db DIR --records articles.jsonl [--seconds 20] [--interval-ms 2500] [--batch 50]
//
// --records (`indexer extract` output) gives the ids to replace and the text
// of the new articles. One line per commit on stdout; a summary line at the end:
//   live_writer: N commits, A added, R replaced, longest commit M ms
// Exit status: 0 done; 1 the index could not be written; 2 usage error.

#include <libsearch/libsearch.hpp>

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Record {
    std::string id, title, body;
};

std::vector<Record> read_records(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Record> out;
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string()) continue;
        out.push_back({j["id"], j.value("title", ""), j.value("body", "")});
    }
    if (out.empty()) throw std::runtime_error("no records with an id in " + path);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Add and replace articles in a served index, committing every few seconds."};
    std::string db, records_path;
    double seconds = 20;
    int interval_ms = 2500;
    std::size_t batch = 50;
    app.add_option("--db", db, "Index directory (must exist)")->required();
    app.add_option("--records", records_path, "Articles as JSON Lines (indexer extract)")->required();
    app.add_option("--seconds", seconds, "How long to run");
    app.add_option("--interval-ms", interval_ms, "Time between commits")->check(CLI::Range(100, 60000));
    app.add_option("--batch", batch, "Articles added and replaced per commit");
    CLI11_PARSE(app, argc, argv);
    try {
        const auto records = read_records(records_path);
        libsearch::IndexWriter writer({.path = db, .create = false, .batch_size = 0});
        const auto start = std::chrono::steady_clock::now();
        const auto end = start + std::chrono::duration<double>(seconds);
        std::size_t next = 0, commits = 0, added = 0, replaced = 0;
        double longest_ms = 0;
        for (auto due = start + std::chrono::milliseconds(interval_ms); due < end;
             due += std::chrono::milliseconds(interval_ms)) {
            std::this_thread::sleep_until(due);
            for (std::size_t i = 0; i < batch; ++i, ++next) {
                const Record& r = records[next % records.size()];
                // A new version of an existing article...
                libsearch::Article changed;
                changed.id = r.id;
                changed.title = r.title + " (update " + std::to_string(commits) + ")";
                changed.body = r.body + "\n\nUpdated in commit " + std::to_string(commits) + ".";
                changed.categories = {"Live updates"};
                replaced += writer.add(changed) == libsearch::AddOutcome::replaced;
                // ...and a new article.
                libsearch::Article fresh;
                fresh.id = "live-" + std::to_string(commits) + "-" + std::to_string(i);
                fresh.title = "Live " + r.title;
                fresh.body = r.body;
                fresh.categories = {"Live updates"};
                fresh.date = libsearch::Date::make(1987, 12, 31);
                added += writer.add(fresh) == libsearch::AddOutcome::added;
            }
            const auto before = std::chrono::steady_clock::now();
            writer.commit();
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
            longest_ms = std::max(longest_ms, ms);
            ++commits;
            std::cout << "commit " << commits << ": " << writer.size() << " articles, " << ms << " ms" << std::endl;
        }
        std::cout << "live_writer: " << commits << " commits, " << added << " added, " << replaced
                  << " replaced, longest commit " << longest_ms << " ms" << std::endl;
        return 0;
    } catch (const libsearch::Error& e) {
        std::cerr << "live_writer: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "live_writer: " << e.what() << '\n';
        return 1;
    }
}
