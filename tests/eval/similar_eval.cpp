// similar_eval: how often Searcher::similar() finds articles on the same
// topic, on an index of Reuters-21578 (whose TOPICS are the categories).
//
//   similar_eval --index DIR [--sources N] [--k K] [--seed S]
//
// For N articles drawn at random among those with at least one topic, it asks
// for the K most similar articles and counts the share of them that have a
// topic in common with the source; against it, the same share for K articles
// drawn at random from the whole archive (the chance level), and for K drawn
// among articles with a topic. See RESULTS.md ("Similar articles").
//
// Exit codes: 0 done; 2 usage or index error.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "libsearch/errors.hpp"
#include "libsearch/searcher.hpp"

namespace {

struct Options {
    std::string index;
    std::size_t sources = 1000;
    std::size_t k = 5;
    unsigned seed = 1;
};

[[noreturn]] void usage(const std::string& problem) {
    std::cerr << "similar_eval: " << problem << "\n"
              << "usage: similar_eval --index DIR [--sources N] [--k K] [--seed S]\n";
    std::exit(2);
}

Options parse_arguments(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i + 1 >= argc) usage(std::string(arg) + " needs a value");
        const std::string value = argv[++i];
        try {
            if (arg == "--index")
                options.index = value;
            else if (arg == "--sources")
                options.sources = std::stoul(value);
            else if (arg == "--k")
                options.k = std::stoul(value);
            else if (arg == "--seed")
                options.seed = static_cast<unsigned>(std::stoul(value));
            else
                usage("unknown option " + std::string(arg));
        } catch (const std::logic_error&) {
            usage(std::string(arg) + " needs a number, not '" + value + "'");
        }
    }
    if (options.index.empty()) usage("--index is required");
    if (options.k < 1 || options.k > libsearch::kMaxSimilar) usage("--k must be between 1 and 50");
    return options;
}

struct Entry {
    std::string id;
    std::set<std::string> topics;
};

// Every article of the index, through the public search API (newest first,
// ties in index order: the same list every run).
std::vector<Entry> all_articles(libsearch::Searcher& searcher) {
    std::vector<Entry> out;
    for (std::size_t offset = 0;; offset += 100) {
        const auto page = searcher.search({.offset = offset, .limit = 100, .snippets = false, .facets = false});
        for (const auto& hit : page.hits) out.push_back({hit.id, {hit.categories.begin(), hit.categories.end()}});
        if (page.hits.size() < 100) break;
    }
    return out;
}

bool share_topic(const std::set<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(b.begin(), b.end(), [&](const std::string& t) { return a.count(t) > 0; });
}

}  // namespace

int main(int argc, char** argv) try {
    const Options options = parse_arguments(argc, argv);
    libsearch::Searcher searcher(options.index);
    const std::vector<Entry> articles = all_articles(searcher);
    std::vector<std::size_t> with_topics;
    for (std::size_t i = 0; i < articles.size(); ++i)
        if (!articles[i].topics.empty()) with_topics.push_back(i);
    if (with_topics.empty()) usage("no article of the index has a category");

    std::mt19937 random(options.seed);
    std::vector<std::size_t> sources = with_topics;
    std::shuffle(sources.begin(), sources.end(), random);
    sources.resize(std::min(sources.size(), options.sources));

    std::size_t similar_shared = 0, similar_total = 0, sources_with_any = 0, empty_answers = 0;
    std::size_t random_shared = 0, random_topic_shared = 0, random_total = 0;
    double seconds = 0;
    std::uniform_int_distribution<std::size_t> any(0, articles.size() - 1);
    std::uniform_int_distribution<std::size_t> any_with_topic(0, with_topics.size() - 1);
    for (const std::size_t s : sources) {
        const Entry& source = articles[s];
        const auto start = std::chrono::steady_clock::now();
        const auto found = searcher.similar({.id = source.id, .limit = options.k});
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!found || found->empty()) ++empty_answers;
        bool any_shared = false;
        // A missing answer counts as K misses, so the share is over K per source.
        if (found)
            for (const auto& similar : *found) {
                const bool shared = share_topic(source.topics, similar.categories);
                similar_shared += shared;
                any_shared = any_shared || shared;
            }
        similar_total += options.k;
        sources_with_any += any_shared;
        for (std::size_t i = 0; i < options.k; ++i) {
            std::size_t r = any(random);
            while (r == s) r = any(random);
            const auto& topics = articles[r].topics;
            random_shared += share_topic(source.topics, {topics.begin(), topics.end()});
            std::size_t t = with_topics[any_with_topic(random)];
            while (t == s) t = with_topics[any_with_topic(random)];
            const auto& t_topics = articles[t].topics;
            random_topic_shared += share_topic(source.topics, {t_topics.begin(), t_topics.end()});
            ++random_total;
        }
    }
    const auto share = [](std::size_t part, std::size_t whole) { return whole ? double(part) / double(whole) : 0.0; };
    std::cout << "articles " << articles.size() << ", with a topic " << with_topics.size() << ", sources "
              << sources.size() << ", k " << options.k << ", seed " << options.seed << "\n"
              << "similar: share of the top " << options.k << " sharing a topic with the source  "
              << share(similar_shared, similar_total) << "\n"
              << "similar: sources with at least one of the top " << options.k << " sharing a topic  "
              << share(sources_with_any, sources.size()) << "\n"
              << "similar: sources with no similar article  " << empty_answers << "\n"
              << "random article: share sharing a topic  " << share(random_shared, random_total) << "\n"
              << "random article with a topic: share sharing a topic  " << share(random_topic_shared, random_total)
              << "\n"
              << "mean time of similar()  " << 1000 * seconds / double(sources.size()) << " ms\n";
    return 0;
} catch (const libsearch::Error& e) {
    std::cerr << "similar_eval: " << e.what() << "\n";
    return 2;
}
