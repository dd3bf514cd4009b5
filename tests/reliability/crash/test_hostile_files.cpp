// Hostile input files (hostile_files.hpp), made at test time: the indexer
// reports each one by name with a reason, or reads it sanely; it never
// crashes or hangs, its memory stays bounded, and good files next to them
// still go in. Each file is also run on its own, for its figures.
#include <catch2/catch.hpp>
#include <libsearch/ingester.hpp>
#include <libsearch/libsearch.hpp>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "child_process.hpp"
#include "hostile_files.hpp"
#include "temp_dir.hpp"

using namespace crashtest;
using testsupport::TempDir;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

#ifdef LIBSEARCH_SANITIZED
constexpr long kMaxRssKb = 2560L * 1024;  // ASan: all files together took 1.6 GiB where the plain build takes 1.2
#else
constexpr long kMaxRssKb = 1536L * 1024;  // 1.5 GiB
#endif
constexpr double kHangGuardSeconds = 180;

// The indexer's verdict on one file of a run.
struct Verdict {
    std::vector<std::string> reasons;  // skipped entries naming it
};

std::map<std::string, Verdict> verdicts(const json& report, const std::vector<HostileFile>& files) {
    std::map<std::string, Verdict> out;
    // Warnings count as reports too: the article went in, and the user was told why it differs.
    json problems = report["skipped"];
    for (const auto& w : report["warnings"]) problems.push_back(w);
    for (const auto& s : problems) {
        const std::string source = s["source"];
        for (const auto& f : files) {
            const std::string& key = f.match.empty() ? f.name : f.match;
            if (source.find(key) != std::string::npos) {
                std::string reason = s["reason"];
                if (s.contains("line")) reason = "line " + std::to_string(s["line"].get<int>()) + ": " + reason;
                out[f.name].reasons.push_back(reason);
            }
        }
    }
    return out;
}

json parse_report(const Ended& ended) {
    auto report = json::parse(ended.out, nullptr, false);
    INFO(ended.said());
    REQUIRE_FALSE(report.is_discarded());
    return report;
}

// What is made (files a tool cannot make here are left out). They are made
// in a child process, so that this one stays small: a child's peak RSS
// (ru_maxrss) counts the memory of the process it was forked from.
std::vector<HostileFile> make_all(const fs::path& folder) {
    const fs::path made_list = folder.parent_path() / "made";
    std::cout.flush();
    std::fflush(stdout);  // or the child prints it again
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::ofstream made(made_list);
        for (auto& f : hostile_files()) {
            const auto start = std::chrono::steady_clock::now();
            if (f.make(folder / f.name)) made << f.name << '\0';
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (s > 2) std::printf("  (making %s took %.1f s)\n", f.name.c_str(), s);
        }
        made.close();
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    std::ifstream in(made_list);
    std::set<std::string> names;
    for (std::string name; std::getline(in, name, '\0');) names.insert(name);
    std::vector<HostileFile> made;
    for (auto& f : hostile_files()) {
        if (names.count(f.name)) made.push_back(std::move(f));
        else WARN("not made here (a tool is missing): " << f.name);
    }
    return made;
}

std::string shown(std::string name) {
    for (auto& c : name)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    return name;
}

}  // namespace

TEST_CASE("hostile files are reported or read sanely in bounded time and memory", "[reliability][hostile]") {
    TempDir dir;
    const fs::path folder = dir.path() / "in";
    fs::create_directories(folder);
    const auto files = make_all(folder);
    REQUIRE(files.size() >= 30);

    {  // each on its own
        std::cout << "Hostile files, one indexer run each (peak RSS of the indexer, time, what it said):" << std::endl;
        std::map<std::string, long> peak_by_kind;
        for (const auto& f : files) {
            const std::string db = dir / ("db-" + std::to_string(&f - files.data()));
            ChildProcess child({INDEXER_PATH, "--db", db, "--json", (folder / f.name).string()});
            const Ended ended = child.wait(kHangGuardSeconds);
            INFO(shown(f.name) << ": exit " << ended.status << "\n" << ended.said());
            CHECK_FALSE(ended.hung);
            CHECK((ended.status == 0 || ended.status == 1));  // not 3, not a signal
            CHECK(ended.peak_rss_kb < kMaxRssKb);
            peak_by_kind[f.kind] = std::max(peak_by_kind[f.kind], ended.peak_rss_kb);
            if (ended.hung) {  // failed above; the other files still run
                std::printf("  %-32s %-17s HUNG, killed after %.0f s\n", shown(f.name).c_str(), f.kind.c_str(),
                            ended.seconds);
                continue;
            }
            const json report = parse_report(ended);
            const auto said = verdicts(report, files);
            const auto it = said.find(f.name);
            const std::uint64_t added = report["articles"]["added"];
            std::string what = it != said.end() ? "skipped: " + it->second.reasons.front()
                                                : std::to_string(added) + " articles";
            if (it != said.end() && it->second.reasons.size() > 1)
                what += " (+" + std::to_string(it->second.reasons.size() - 1) + " more)";
            std::printf("  %-32s %-17s %6.0f MB %6.2f s  %s\n", shown(f.name).c_str(), f.kind.c_str(),
                        ended.peak_rss_kb / 1024.0, ended.seconds, what.substr(0, 110).c_str());
            std::fflush(stdout);
            switch (f.expect) {
                case Expect::skipped:
                    CHECK(it != said.end());
                    break;
                case Expect::either:
                    CHECK((it != said.end() || added > 0));
                    break;
                case Expect::nothing:
                    CHECK(report["skipped"].empty());
                    break;
            }
            if (it != said.end())
                for (const auto& reason : it->second.reasons) CHECK(reason.size() > 5);
        }
        std::cout << "Peak RSS by class:" << std::endl;
        for (const auto& [kind, kb] : peak_by_kind) std::printf("  %-17s %6.0f MB\n", kind.c_str(), kb / 1024.0);
    }

    {  // all together, with good files
        fs::create_directories(folder / "good");
        write_file(folder / "good/feed.jsonl", jsonl_record("good-1", "Good one", "The first good article.") +
                                                   jsonl_record("good-2", "Good two", "The second good article."));
        write_file(folder / "good/quokka.html", kGoodHtml);
        write_file(folder / "good/court.txt", kTextPage);
        const std::string db = dir / "db";
        ChildProcess child({INDEXER_PATH, "--db", db, "--json", folder.string()});
        const Ended ended = child.wait(300);
        INFO(ended.said());
        CHECK_FALSE(ended.hung);
        CHECK(ended.status == 1);
        CHECK(ended.peak_rss_kb < kMaxRssKb);
        const json report = parse_report(ended);
        std::printf("All %zu hostile files and 3 good ones in one run: exit %d, %.1f s, peak RSS %.0f MB, "
                    "%zu skipped entries, %llu articles added\n",
                    files.size(), ended.status, ended.seconds, ended.peak_rss_kb / 1024.0, report["skipped"].size(),
                    static_cast<unsigned long long>(report["articles"]["added"].get<std::uint64_t>()));
        const auto said = verdicts(report, files);
        for (const auto& f : files) {
            INFO(shown(f.name));
            if (f.expect == Expect::skipped) CHECK(said.count(f.name));
        }
        libsearch::Searcher searcher(db);
        CHECK(searcher.article("good-1").has_value());
        CHECK(searcher.article("good-2").has_value());
        CHECK(searcher.search({.query = "quokka festival"}).total.estimated >= 1);
        CHECK(searcher.search({.query = "activists sentences"}).total.estimated >= 1);
    }
}

namespace {

// Runs an Ingester over `folder` in a child process (a hang there is caught
// by the guard) that calls `meanwhile` after the first file it applies; the
// report's skipped entries come back as "source\treason" lines.
std::vector<std::pair<std::string, std::string>> ingest_in_child(const fs::path& folder, const fs::path& db,
                                                                 const std::function<void()>& meanwhile) {
    TempDir out;
    const std::string result_path = out / "skipped";
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 0;
        try {
            libsearch::IndexWriter writer({.path = db.string()});
            libsearch::Ingester ingester(&writer, {.jobs = 1});
            bool first = true;
            const auto report = ingester.run({folder.string()}, [&](const libsearch::IngestProgress&) {
                if (first) meanwhile();
                first = false;
            });
            std::ofstream f(result_path);
            for (const auto& s : report.skipped) f << s.source << '\t' << s.reason << '\n';
        } catch (...) {
            code = 1;
        }
        _exit(code);
    }
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            FAIL("the ingester hung");
        }
        usleep(5000);
    }
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::vector<std::pair<std::string, std::string>> skipped;
    std::ifstream f(result_path);
    for (std::string line; std::getline(f, line);) {
        const auto tab = line.find('\t');
        skipped.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return skipped;
}

}  // namespace

TEST_CASE("a file that vanishes or turns into a pipe after listing is reported without a hang",
          "[reliability][hostile]") {
    TempDir dir;
    const fs::path in = dir.path() / "in";
    fs::create_directories(in);
    // Files are read in name order, a few ahead of the writer (jobs 1: at
    // most three): the last ones are still unread after the first is applied.
    for (int i = 0; i < 6; ++i)
        write_file(in / ("a" + std::to_string(i) + ".jsonl"),
                   jsonl_record("v" + std::to_string(i), "Article " + std::to_string(i), "Text of the article."));
    write_file(in / "z-vanishing.jsonl", jsonl_record("gone", "Gone", "Never read."));
    write_file(in / "z-turns-into-a-pipe.jsonl", jsonl_record("pipe", "Pipe", "Never read."));
    const auto skipped = ingest_in_child(in, dir.path() / "db", [&] {
        fs::remove(in / "z-vanishing.jsonl");
        fs::remove(in / "z-turns-into-a-pipe.jsonl");
        mkfifo((in / "z-turns-into-a-pipe.jsonl").c_str(), 0600);
    });
    std::map<std::string, std::string> reasons;
    for (const auto& [source, reason] : skipped) reasons[fs::path(source).filename().string()] = reason;
    for (const auto& [name, reason] : reasons) std::cout << "  " << name << ": " << reason << std::endl;
    REQUIRE(reasons.count("z-vanishing.jsonl"));
    CHECK_THAT(reasons["z-vanishing.jsonl"], Catch::Contains("disappeared") || Catch::Contains("No such file"));
    REQUIRE(reasons.count("z-turns-into-a-pipe.jsonl"));
    CHECK_THAT(reasons["z-turns-into-a-pipe.jsonl"], Catch::Contains("not a regular file"));
    libsearch::Searcher searcher((dir.path() / "db").string());
    CHECK(searcher.size() == 6);
}
