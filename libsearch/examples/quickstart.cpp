// libsearch in five minutes: index three articles, then search them.
//
//   quickstart [INDEX_DIR]
//
// Build it against an installed libsearch with
//   find_package(libsearch REQUIRED)
//   target_link_libraries(app PRIVATE libsearch::libsearch)
// or: g++ -std=c++20 quickstart.cpp $(pkg-config --cflags --libs libsearch)

#include <libsearch/libsearch.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "libsearch-quickstart";

    try {
        // 1. Write. Adding an article with an id that exists replaces it.
        {
            libsearch::IndexWriter writer({.path = dir.string()});
            writer.add({.id = "liberty-1",
                        .url = "https://example.org/news/2013/camp-liberty",
                        .title = "UN urged to protect Camp Liberty residents",
                        .body = "Refugee groups asked the United Nations to declare Camp Liberty a refugee camp.",
                        .categories = {"Iranian opposition"},
                        .date = libsearch::Date::make(2013, 2, 15),
                        .author = "David Kilgour"});
            writer.add({.id = "blockade-2",
                        .title = "Medical blockade of the camp intensifies",
                        .body = "Patients in the camp are kept from hospitals, residents say.",
                        .categories = {"Iranian opposition", "Human rights"},
                        .date = libsearch::Date::make(2013, 3, 2)});
            writer.add({.id = "markets-3",
                        .title = "Oil prices rise",
                        .body = "Crude oil rose on Tuesday.",
                        .categories = {"Economy"}});  // no date: stays undated
            writer.commit();
        }

        // 2. Search: words are stemmed ("camps" finds "camp"), facets count every match.
        libsearch::Searcher searcher(dir.string());
        const auto response = searcher.search({.query = "camps", .sort = libsearch::SortOrder::newest});
        std::cout << response.total.estimated << " matches\n";
        for (const auto& hit : response.hits)
            std::cout << "  " << hit.id << "  " << (hit.date ? hit.date->iso() : "undated") << "  " << hit.title_html
                      << "\n    " << hit.snippet << "\n";
        for (const auto& facet : response.facets.category) std::cout << "  category " << facet.value << ": " << facet.count << "\n";
    } catch (const libsearch::Error& e) {
        std::cerr << "quickstart: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
