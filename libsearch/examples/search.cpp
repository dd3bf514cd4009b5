// Search an index from the command line: the Searcher API end to end.
//
//   libsearch_search --db DIR [--category C]... [--from D] [--to D]
//                    [--sort relevance|newest|oldest] [--or] [--limit N] QUERY...
//
// Prints the total, the hits with their snippets (HTML marks shown as
// [brackets]) and the category and year facets.

#include <libsearch/libsearch.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

std::string marks_as_brackets(std::string html) {
    for (const auto& [from, to] : {std::pair{"<mark>", "["}, {"</mark>", "]"}, {"&lt;", "<"}, {"&gt;", ">"},
                                   {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
        for (auto pos = html.find(from); pos != std::string::npos; pos = html.find(from, pos + std::string(to).size()))
            html.replace(pos, std::string(from).size(), to);
    }
    return html;
}

int usage() {
    std::cerr << "usage: libsearch_search --db DIR [--category C]... [--from D] [--to D]\n"
                 "                        [--sort relevance|newest|oldest] [--or] [--limit N] QUERY...\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db;
    libsearch::SearchRequest request;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (arg == "--db") db = value();
        else if (arg == "--category") request.categories.push_back(value());
        else if (arg == "--from") request.from = value();
        else if (arg == "--to") request.to = value();
        else if (arg == "--or") request.default_operator = libsearch::DefaultOperator::op_or;
        else if (arg == "--limit") request.limit = std::strtoul(value().c_str(), nullptr, 10);
        else if (arg == "--sort") {
            const std::string sort = value();
            if (sort == "newest") request.sort = libsearch::SortOrder::newest;
            else if (sort == "oldest") request.sort = libsearch::SortOrder::oldest;
            else if (sort != "relevance") return usage();
        } else if (arg.starts_with("--")) return usage();
        else request.query += (request.query.empty() ? "" : " ") + arg;
    }
    if (db.empty()) return usage();

    try {
        libsearch::Searcher searcher(db);
        const auto response = searcher.search(request);
        for (const auto& warning : response.warnings) std::cout << "note: " << warning << "\n";
        std::cout << (response.total.exact() ? "" : "about ") << response.total.estimated << " articles match '"
                  << request.query << "' (" << response.elapsed_ms << " ms)\n";
        if (!response.suggestion.empty()) std::cout << "did you mean: " << response.suggestion << "\n";
        for (const auto& hit : response.hits) {
            std::cout << "\n" << marks_as_brackets(hit.title_html) << "\n  " << (hit.date ? hit.date->iso() : "undated");
            for (const auto& category : hit.categories) std::cout << " · " << category;
            std::cout << "  [" << hit.id << "]\n  " << marks_as_brackets(hit.snippet) << "\n";
        }
        std::cout << "\ncategories:";
        for (const auto& f : response.facets.category) std::cout << " " << f.value << " (" << f.count << ")";
        std::cout << "\nyears:";
        for (const auto& f : response.facets.year) std::cout << " " << f.value << " (" << f.count << ")";
        std::cout << "\n";
    } catch (const libsearch::Error& e) {
        std::cerr << "libsearch_search: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
