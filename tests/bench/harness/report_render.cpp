#include "report_render.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace bench {

namespace {

using json = nlohmann::json;

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    return it->is_string() ? it->get<std::string>() : it->dump();
}

/// A table cell: the field as text, or "–" when it is missing.
std::string cell(const json& j, const char* key) {
    const std::string s = str(j, key);
    return s.empty() ? "–" : s;
}

std::optional<double> num(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string fixed(std::optional<double> v, int digits = 2) {
    if (!v) return "–";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, *v);
    return buffer;
}

std::string ratio(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b == 0) return "–";
    return fixed(*a / *b, 2) + "×";
}

/// A latency field of a query result: p50_ms of its "latency", or of one class.
std::optional<double> latency(const json* q, const char* field, const char* cls = nullptr) {
    if (!q) return std::nullopt;
    const json* l = nullptr;
    if (cls) {
        const auto pc = q->find("per_class");
        if (pc == q->end() || !pc->contains(cls)) return std::nullopt;
        l = &(*pc)[cls];
    } else {
        const auto it = q->find("latency");
        if (it == q->end()) return std::nullopt;
        l = &*it;
    }
    return num(*l, field);
}

class Results {
  public:
    explicit Results(const std::vector<json>& lines) {
        for (const auto& l : lines) {
            const std::string bench = str(l, "bench");
            by_bench_[bench].push_back(&l);
            const std::string size = str(l, "size");
            if (!size.empty() && std::find(sizes_.begin(), sizes_.end(), size) == sizes_.end() && bench != "header")
                sizes_.push_back(size);
        }
    }
    const std::vector<std::string>& sizes() const { return sizes_; }
    std::vector<const json*> all(const std::string& bench, const std::string& size = "") const {
        std::vector<const json*> out;
        const auto it = by_bench_.find(bench);
        if (it == by_bench_.end()) return out;
        for (const json* l : it->second)
            if (size.empty() || str(*l, "size") == size) out.push_back(l);
        return out;
    }
    const json* find(const std::string& bench, const std::string& size, const std::string& system,
                     const std::string& connections = "") const {
        for (const json* l : all(bench, size))
            if (str(*l, "system") == system && (connections.empty() || str(*l, "connections") == connections)) return l;
        return nullptr;
    }

  private:
    std::map<std::string, std::vector<const json*>> by_bench_;
    std::vector<std::string> sizes_;
};

void header(std::ostringstream& md, const Results& r) {
    md << "# Benchmark: libsearch beside raw Xapian, scriptindex and SQLite FTS5\n\n";
    const auto h = r.all("header");
    if (h.empty()) return;
    const json& j = *h.front();
    md << "- Date: " << str(j, "date") << "\n"
       << "- Command: `" << str(j, "command") << "`\n"
       << "- Machine: " << str(j, "cpu") << ", " << str(j, "nproc") << " CPUs, " << str(j, "ram_gb") << " GB RAM\n"
       << "- Versions: Xapian " << str(j, "xapian") << ", SQLite " << str(j, "sqlite") << ", cpp-httplib "
       << str(j, "httplib") << ", " << str(j, "gxx") << ", " << str(j, "wrk") << "\n"
       << "- Build: `" << str(j, "build") << "` (" << str(j, "build_type") << ")"
       << (str(j, "mode") == "smoke"
               ? ", **smoke run** (small size, short HTTP runs: numbers only show that everything works)"
               : "")
       << "\n\n";
}

bool corpus(std::ostringstream& md, const Results& r) {
    md << "## Corpus\n\n| size | articles | text MB (title+body) | source | query mix |\n|---|---:|---:|---|---|\n";
    bool any = false;
    for (const json* c : r.all("corpus")) {
        md << "| " << str(*c, "size") << " | " << str(*c, "articles") << " | " << fixed(num(*c, "text_mb"), 1) << " | "
           << str(*c, "source") << " | " << cell(*c, "mix") << " |\n";
        any = true;
    }
    md << "\n";
    return any;
}

bool indexing(std::ostringstream& md, const Results& r) {
    md << "## Indexing\n\nWall time and peak RSS of each command (`bench_measure`: fork/exec, wait4). Articles/s "
          "and MB/s count every article of the corpus and its title+body bytes.\n\n"
          "| size | system | seconds | articles/s | MB/s | peak RSS MB | index MB | index MB per MB text | exit |\n"
          "|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    bool any = false;
    for (const auto& size : r.sizes()) {
        const auto corpora = r.all("corpus", size);
        const auto articles = corpora.empty() ? std::nullopt : num(*corpora.front(), "articles");
        const auto text_mb = corpora.empty() ? std::nullopt : num(*corpora.front(), "text_mb");
        for (const json* run : r.all("index_run", size)) {
            const auto s = num(*run, "seconds");
            const auto index_mb = num(*run, "index_mb");
            // A conversion or a rerun over unchanged inputs indexes no article: no rate.
            const std::string system = str(*run, "system");
            const bool counts =
                system.find("convert") == std::string::npos && system.find("rerun") == std::string::npos;
            auto per_s = [&](std::optional<double> n) -> std::optional<double> {
                if (!n || !s || *s <= 0 || !counts) return std::nullopt;
                return *n / *s;
            };
            md << "| " << size << " | " << str(*run, "system") << " | " << fixed(s, 2) << " | "
               << fixed(per_s(articles), 0) << " | " << fixed(per_s(text_mb), 2) << " | "
               << fixed(num(*run, "peak_rss_mb"), 0) << " | " << fixed(index_mb, 1) << " | "
               << (index_mb && text_mb && *text_mb > 0 ? fixed(*index_mb / *text_mb, 2) : "–") << " | "
               << str(*run, "exit") << " |\n";
            any = true;
        }
    }
    md << "\n`indexer` at 21k reads the `.sgm` files (the full pipeline); every other run, and `indexer` at "
          "scaled sizes, reads the JSON Lines records. `scriptindex` excludes the conversion to its input "
          "format (`scriptindex-convert`). `indexer-rerun` is a second run over unchanged inputs.\n\n";
    return any;
}

bool queries(std::ostringstream& md, const Results& r) {
    static const std::vector<std::string> kClasses = {"word",   "and2",     "and3",      "or2",    "or3",
                                                      "phrase", "category", "daterange", "facets", "deep"};
    md << "## Queries (in process)\n\nThe same mix through each system's own API, after one untimed pass, timed over 5 passes (1 in a smoke run); "
          "times in ms.\n\n";
    bool any = false;
    for (const auto& size : r.sizes()) {
        const auto lines = r.all("query", size);
        if (lines.empty()) continue;
        any = true;
        md << "### " << size
           << "\n\n| system | queries | p50 | p95 | p99 | mean | queries/s | zero-hit | peak RSS MB |\n"
           << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        for (const json* q : lines)
            md << "| " << str(*q, "system") << " | " << fixed(latency(q, "count"), 0) << " | "
               << fixed(latency(q, "p50_ms"), 3) << " | " << fixed(latency(q, "p95_ms"), 3) << " | "
               << fixed(latency(q, "p99_ms"), 3) << " | " << fixed(latency(q, "mean_ms"), 3) << " | "
               << fixed(latency(q, "queries_per_s"), 0) << " | " << cell(*q, "zero_hit_queries") << " | "
               << fixed(num(*q, "peak_rss_mb"), 0) << " |\n";
        md << "\np50 (ms) per class:\n\n| system |";
        for (const auto& c : kClasses) md << " " << c << " |";
        md << "\n|---|";
        for (std::size_t i = 0; i < kClasses.size(); ++i) md << "---:|";
        md << "\n";
        for (const json* q : lines) {
            md << "| " << str(*q, "system") << " |";
            for (const auto& c : kClasses) md << " " << fixed(latency(q, "p50_ms", c.c_str()), 3) << " |";
            md << "\n";
        }
        md << "\n";
    }
    return any;
}

bool http(std::ostringstream& md, const Results& r) {
    md << "## HTTP (wrk on 127.0.0.1)\n\nEach server answers the mix as request paths, cycled by "
          "`harness/wrk_paths.lua`. Both Xapian servers count facets for the facets class only "
          "(`facets=1`). `fixed` answers a constant body: the HTTP stack alone.\n\n";
    bool any = false;
    for (const auto& size : r.sizes()) {
        const auto lines = r.all("http", size);
        if (lines.empty()) continue;
        any = true;
        md << "### " << size
           << "\n\n| server | connections | requests/s | p50 ms | p99 ms | non-2xx | socket errors |\n"
           << "|---|---:|---:|---:|---:|---:|---:|\n";
        for (const json* h : lines)
            md << "| " << str(*h, "system") << " | " << str(*h, "connections") << " | "
               << fixed(num(*h, "requests_per_s"), 0) << " | " << fixed(num(*h, "p50_ms"), 3) << " | "
               << fixed(num(*h, "p99_ms"), 3) << " | " << cell(*h, "non2xx") << " | " << cell(*h, "socket_errors")
               << " |\n";
        md << "\nServer memory after its runs:\n\n| server | VmRSS MB | VmHWM MB |\n|---|---:|---:|\n";
        for (const json* s : r.all("server", size))
            md << "| " << str(*s, "system") << " | " << fixed(num(*s, "vmrss_mb"), 1) << " | "
               << fixed(num(*s, "vmhwm_mb"), 1) << " |\n";
        md << "\n";
    }
    return any;
}

/// searchd ÷ raw server requests/s at 32 connections, or at the most both ran with.
std::string http_ratio(const Results& r, const std::string& size) {
    std::set<long> both;
    for (const json* h : r.all("http", size))
        if (str(*h, "system") == "searchd" && r.find("http", size, "raw-xapian-server", str(*h, "connections")))
            both.insert(std::stol(str(*h, "connections")));
    if (both.empty()) return "";
    const long c = both.count(32) ? 32 : *both.rbegin();
    const auto s = num(*r.find("http", size, "searchd", std::to_string(c)), "requests_per_s");
    const auto x = num(*r.find("http", size, "raw-xapian-server", std::to_string(c)), "requests_per_s");
    return "- searchd requests/s ÷ raw Xapian server requests/s at " + std::to_string(c) +
           " connections: " + fixed(s, 0) + " / " + fixed(x, 0) + " = **" + ratio(s, x) + "**\n";
}

bool ratios(std::ostringstream& md, const Results& r) {
    md << "## Ratios\n\n";
    bool any = false;
    for (const auto& size : r.sizes()) {
        std::ostringstream s;
        // A system indexed several times counts with its median run.
        auto runs = [&](const char* system) {
            std::vector<double> all;
            for (const json* run : r.all("index_run", size))
                if (str(*run, "system") == system)
                    if (auto v = num(*run, "seconds")) all.push_back(*v);
            std::sort(all.begin(), all.end());
            return all;
        };
        auto seconds = [&](const char* system) -> std::optional<double> {
            const auto all = runs(system);
            if (all.empty()) return std::nullopt;
            return all[all.size() / 2];
        };
        if (seconds("indexer") && seconds("raw-xapian"))
            s << "- indexer articles/s ÷ raw Xapian articles/s: **" << ratio(seconds("raw-xapian"), seconds("indexer"))
              << "**" << (runs("indexer").size() > 1 ? " (medians of " + std::to_string(runs("indexer").size()) + " runs each)" : "")
              << "\n";
        if (seconds("indexer") && seconds("indexer-rerun"))
            s << "- rerun over unchanged inputs: " << fixed(seconds("indexer"), 2) << " s → "
              << fixed(seconds("indexer-rerun"), 2) << " s, speed-up **"
              << ratio(seconds("indexer"), seconds("indexer-rerun")) << "**\n";
        const json* lib = r.find("query", size, "libsearch/snippets");
        const json* raw = r.find("query", size, "raw-xapian/default");
        const json* fts = r.find("query", size, "sqlite-fts5");
        if (lib && (raw || fts)) {
            s << "- libsearch with snippets p50 / p99: " << fixed(latency(lib, "p50_ms"), 3) << " / "
              << fixed(latency(lib, "p99_ms"), 3) << " ms";
            if (raw)
                s << "; raw Xapian default snippets " << fixed(latency(raw, "p50_ms"), 3) << " / "
                  << fixed(latency(raw, "p99_ms"), 3) << " ms (**"
                  << ratio(latency(lib, "p50_ms"), latency(raw, "p50_ms")) << "** / **"
                  << ratio(latency(lib, "p99_ms"), latency(raw, "p99_ms")) << "**)";
            if (fts)
                s << "; FTS5 " << fixed(latency(fts, "p50_ms"), 3) << " / " << fixed(latency(fts, "p99_ms"), 3)
                  << " ms (**" << ratio(latency(lib, "p50_ms"), latency(fts, "p50_ms")) << "** / **"
                  << ratio(latency(lib, "p99_ms"), latency(fts, "p99_ms")) << "**)";
            s << "\n";
        }
        const json* lib_none = r.find("query", size, "libsearch/no-snippets");
        const json* raw_none = r.find("query", size, "raw-xapian/none");
        if (lib_none && raw_none)
            s << "- libsearch without snippets p50 ÷ raw Xapian without snippets p50: "
              << fixed(latency(lib_none, "p50_ms"), 3) << " / " << fixed(latency(raw_none, "p50_ms"), 3) << " ms = **"
              << ratio(latency(lib_none, "p50_ms"), latency(raw_none, "p50_ms")) << "**\n";
        else if (raw_none)
            s << "- libsearch without snippets: not measured (see Problems)\n";
        const json* exact = r.find("query", size, "libsearch/exact-facets");
        if (exact && lib)
            s << "- exact ÷ estimated facets, mean of the facets class: "
              << fixed(latency(exact, "mean_ms", "facets"), 3) << " / " << fixed(latency(lib, "mean_ms", "facets"), 3)
              << " ms = **" << ratio(latency(exact, "mean_ms", "facets"), latency(lib, "mean_ms", "facets")) << "**\n";
        s << http_ratio(r, size);
        if (!s.str().empty()) {
            md << "### " << size << "\n\n" << s.str() << "\n";
            any = true;
        }
    }
    return any;
}

void problems(std::ostringstream& md, const Results& r, std::vector<std::string>& out) {
    for (const json* m : r.all("missing")) out.push_back("program missing: " + str(*m, "program"));
    for (const json* f : r.all("failure"))
        out.push_back("size " + str(*f, "size") + ": " + str(*f, "step") + " failed (exit " + str(*f, "exit") + ")");
    std::vector<std::string> notes;
    for (const json* s : r.all("skipped"))
        notes.push_back("size " + str(*s, "size") + ": " + str(*s, "step") + " skipped: " + str(*s, "reason"));
    md << "## Problems\n\n";
    if (out.empty() && notes.empty()) md << "None.\n";
    for (const auto& p : out) md << "- " << p << "\n";
    for (const auto& n : notes) md << "- " << n << "\n";
}

}  // namespace

Report render_report(const std::vector<json>& lines) {
    const Results r(lines);
    Report report;
    std::ostringstream md;
    header(md, r);
    const std::vector<std::pair<const char*, bool>> sections = {{"Corpus", corpus(md, r)},
                                                                {"Indexing", indexing(md, r)},
                                                                {"Queries", queries(md, r)},
                                                                {"HTTP", http(md, r)},
                                                                {"Ratios", ratios(md, r)}};
    for (const auto& [name, present] : sections)
        if (!present) report.problems.push_back(std::string("section ") + name + " has no results");
    problems(md, r, report.problems);
    report.markdown = md.str();
    return report;
}

}  // namespace bench
