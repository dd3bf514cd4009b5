// versions_eval: how well the index groups versions of one story, measured on
// pairs made from Reuters-21578.
//
//   versions_eval --reuters DIR [--sources N] [--seed S] [--min-recall R] [--min-precision P] [--missing-ok]
//
// Takes N stories of at least 80 words and makes one version of each, in
// turn: an edited reprint (new headline, 5% of the longer words replaced, a
// credit line added), a teaser (the headline and the first 30-60 words), and
// a shortened reprint (the first 60-80% of the words, 2% replaced). Indexes the
// whole collection with the versions through IndexWriter, groups them
// (IndexWriter::group_versions) and reports
//   - recall: versions found in their story's group, per kind;
//   - precision: of all pairs of articles put in one group, the share that an
//     exact judge calls one story (every word 4-shingle compared, not a
//     sample: resemblance >= 0.3 or containment >= 0.5). Pairs of Reuters's
//     own reprints count here too.
// Exit status: 0; 1 under a floor or on error; 77 data missing with --missing-ok (CI not "true").

#include <libsearch/ingest.hpp>
#include <libsearch/libsearch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path reuters;
    std::size_t sources = 1000;
    unsigned seed = 1;
    double min_recall = 0;
    double min_precision = 0;
    bool missing_ok = false;
};

[[noreturn]] void usage(const std::string& problem) {
    std::cerr << "versions_eval: " << problem << "\nusage: versions_eval --reuters DIR [--sources N] [--seed S] "
                 "[--min-recall R] [--min-precision P] [--missing-ok]\n";
    std::exit(1);
}

Options parse_arguments(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--reuters") o.reuters = value();
        else if (arg == "--sources") o.sources = std::stoul(value());
        else if (arg == "--seed") o.seed = static_cast<unsigned>(std::stoul(value()));
        else if (arg == "--min-recall") o.min_recall = std::stod(value());
        else if (arg == "--min-precision") o.min_precision = std::stod(value());
        else if (arg == "--missing-ok") o.missing_ok = true;
        else usage("unknown argument " + arg);
    }
    if (o.reuters.empty()) usage("--reuters is required");
    return o;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::string join(const std::vector<std::string>& words, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n && i < words.size(); ++i) out += (i ? " " : "") + words[i];
    return out;
}

// The judge's own tokens: lower-case runs of letters and digits.
std::unordered_set<std::string> shingles(const std::string& text) {
    std::vector<std::string> tokens;
    std::string current;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c >= 0x80) current += static_cast<char>(std::tolower(c));
        else if (!current.empty()) tokens.push_back(std::move(current)), current.clear();
    }
    if (!current.empty()) tokens.push_back(current);
    std::unordered_set<std::string> out;
    for (std::size_t i = 0; i + 4 <= tokens.size(); ++i)
        out.insert(tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2] + ' ' + tokens[i + 3]);
    if (tokens.size() < 4 && !tokens.empty()) out.insert(join(tokens, tokens.size()));
    return out;
}

bool judged_one_story(const std::unordered_set<std::string>& a, const std::unordered_set<std::string>& b) {
    if (a.empty() || b.empty()) return false;
    std::size_t shared = 0;
    for (const auto& s : a.size() < b.size() ? a : b) shared += (a.size() < b.size() ? b : a).count(s);
    const double resemblance = double(shared) / double(a.size() + b.size() - shared);
    const double containment = double(shared) / double(std::min(a.size(), b.size()));
    return resemblance >= 0.3 || containment >= 0.5;
}

class Versions {
  public:
    Versions(std::vector<std::string> vocabulary, unsigned seed) : vocabulary_(std::move(vocabulary)), rng_(seed) {}

    std::string edited(const std::vector<std::string>& words, double share) {
        std::vector<std::string> out = words;
        std::uniform_real_distribution<double> roll(0, 1);
        std::uniform_int_distribution<std::size_t> pick(0, vocabulary_.size() - 1);
        for (auto& w : out)
            if (w.size() >= 4 && roll(rng_) < share) w = vocabulary_[pick(rng_)];
        return join(out, out.size());
    }
    std::size_t between(std::size_t lo, std::size_t hi) { return std::uniform_int_distribution<std::size_t>(lo, hi)(rng_); }

  private:
    std::vector<std::string> vocabulary_;
    std::mt19937 rng_;
};

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_arguments(argc, argv);
    if (!fs::is_directory(o.reuters)) {
        std::cerr << "versions_eval: Reuters-21578 not found at " << o.reuters << "\n";
        const char* ci = std::getenv("CI");
        return o.missing_ok && !(ci && std::string(ci) == "true") ? 77 : 1;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(o.reuters))
        if (entry.path().extension() == ".sgm") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<libsearch::Article> articles;
    for (const auto& file : files)
        for (auto& a : libsearch::read_file(file).articles) articles.push_back(std::move(a));
    if (articles.empty()) {
        std::cerr << "versions_eval: no articles in " << o.reuters << "\n";
        return 1;
    }

    std::vector<std::string> vocabulary;
    for (std::size_t i = 0; i < articles.size(); i += 97)
        for (auto& w : split_words(articles[i].body))
            if (w.size() >= 4) vocabulary.push_back(w);
    Versions versions(vocabulary, o.seed);
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < articles.size(); ++i)
        if (split_words(articles[i].body).size() >= 80) candidates.push_back(i);
    std::shuffle(candidates.begin(), candidates.end(), std::mt19937(o.seed));
    candidates.resize(std::min(candidates.size(), o.sources));

    const char* kinds[] = {"edited reprint", "teaser", "shortened reprint"};
    struct Made {
        std::string source_id, version_id;
        int kind;
    };
    std::vector<Made> made;
    std::vector<libsearch::Article> extra;
    for (std::size_t n = 0; n < candidates.size(); ++n) {
        const auto& source = articles[candidates[n]];
        const auto words = split_words(source.body);
        libsearch::Article v = source;
        v.id = "version-of-" + source.id;
        v.url.clear();
        const int kind = static_cast<int>(n % 3);
        if (kind == 0) {
            v.title = "UPDATE 1-" + source.title;
            v.body = versions.edited(words, 0.05) + "\n\n(Reporting by staff; editing by the desk)";
        } else if (kind == 1) {
            v.body = join(words, versions.between(30, 60)) + " ...";
        } else {
            std::vector<std::string> head(words.begin(), words.begin() + static_cast<long>(words.size() * versions.between(60, 80) / 100));
            v.body = versions.edited(head, 0.02);
        }
        made.push_back({source.id, v.id, kind});
        extra.push_back(std::move(v));
    }

    const fs::path dir = fs::temp_directory_path() / ("versions_eval." + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    libsearch::VersionGrouping grouping;
    double index_seconds = 0;
    try {
        const auto start = std::chrono::steady_clock::now();
        libsearch::IndexWriter writer({.path = (dir / "index").string()});
        for (const auto& a : articles) writer.add(a);
        for (const auto& a : extra) writer.add(a);
        writer.commit();
        index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        grouping = writer.group_versions();
    } catch (const std::exception& e) {
        std::cerr << "versions_eval: " << e.what() << "\n";
        fs::remove_all(dir);
        return 1;
    }

    // Every article's group, and its text for the judge.
    std::unordered_map<std::string, std::string> group_of;
    std::map<std::string, std::vector<std::string>> members;
    {
        libsearch::Searcher searcher((dir / "index").string());
        for (std::size_t offset = 0;; offset += 100) {
            const auto page = searcher.search({.query = "", .offset = offset, .limit = 100, .snippets = false, .facets = false});
            for (const auto& hit : page.hits) {
                group_of[hit.id] = hit.version_group;
                if (!hit.version_group.empty()) members[hit.version_group].push_back(hit.id);
            }
            if (page.hits.size() < 100) break;
        }
    }
    fs::remove_all(dir);
    std::unordered_map<std::string, const libsearch::Article*> by_id;
    for (const auto& a : articles) by_id[a.id] = &a;
    for (const auto& a : extra) by_id[a.id] = &a;

    std::size_t found[3] = {0, 0, 0}, total[3] = {0, 0, 0};
    for (const auto& m : made) {
        ++total[m.kind];
        const auto& g = group_of[m.version_id];
        if (!g.empty() && g == group_of[m.source_id]) ++found[m.kind];
    }
    std::size_t pairs = 0, true_pairs = 0, largest = 0, original_pairs = 0, original_true = 0;
    std::vector<std::pair<std::string, std::string>> wrong;
    for (const auto& [group, ids] : members) {
        largest = std::max(largest, ids.size());
        std::vector<std::unordered_set<std::string>> sets;
        for (const auto& id : ids) sets.push_back(shingles(by_id.at(id)->body));
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                const bool ok = judged_one_story(sets[i], sets[j]);
                ++pairs;
                true_pairs += ok;
                if (ids[i].rfind("version-of-", 0) && ids[j].rfind("version-of-", 0)) {
                    ++original_pairs;
                    original_true += ok;
                }
                if (!ok && wrong.size() < 5) wrong.emplace_back(ids[i], ids[j]);
            }
    }
    std::size_t all_found = found[0] + found[1] + found[2];
    const double recall = made.empty() ? 0 : double(all_found) / double(made.size());
    const double precision = pairs ? double(true_pairs) / double(pairs) : 1.0;
    std::printf("articles %zu (+%zu versions made), indexed in %.1f s, grouped in %.2f s (%llu pairs compared)\n",
                articles.size(), made.size(), index_seconds, grouping.seconds,
                static_cast<unsigned long long>(grouping.compared));
    std::printf("groups %llu of %llu articles, largest %zu\n", static_cast<unsigned long long>(grouping.groups),
                static_cast<unsigned long long>(grouping.articles), largest);
    for (int k = 0; k < 3; ++k)
        std::printf("recall %-18s %.3f (%zu of %zu)\n", kinds[k], total[k] ? double(found[k]) / double(total[k]) : 0.0,
                    found[k], total[k]);
    std::printf("recall all                %.3f\n", recall);
    std::printf("precision (pairs in one group judged one story) %.4f (%zu of %zu; of them between Reuters's own "
                "articles: %zu of %zu)\n",
                precision, true_pairs, pairs, original_true, original_pairs);
    for (const auto& [a, b] : wrong) std::printf("  judged apart: %s / %s\n", a.c_str(), b.c_str());
    bool ok = true;
    if (recall < o.min_recall) {
        std::fprintf(stderr, "versions_eval: recall %.3f is under the floor %.3f\n", recall, o.min_recall);
        ok = false;
    }
    if (precision < o.min_precision) {
        std::fprintf(stderr, "versions_eval: precision %.4f is under the floor %.4f\n", precision, o.min_precision);
        ok = false;
    }
    return ok ? 0 : 1;
}
