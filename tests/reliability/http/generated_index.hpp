#pragma once
// An index with a large vocabulary, built in the test: generated articles
// whose words all start with "a" or "b", so `a*` and `b*` reach tens of
// thousands of terms; with categories, places, languages, sites, authors and
// dates over three decades, so every field of the query language has values.

#include <libsearch/libsearch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace reliability {

/// Word number `i` of a generated vocabulary: "a" or "b" and syllables.
inline std::string generated_word(std::uint32_t i) {
    static const char* const syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo",
                                            "zu", "ba", "de", "fi", "go", "hu", "ja", "pe"};
    std::string word(1, i % 2 ? 'b' : 'a');
    i /= 2;
    do {
        word += syllables[i % 16];
        i /= 16;
    } while (i);
    return word;
}

struct GeneratedIndex {
    std::size_t articles = 1500;
    std::uint32_t vocabulary = 40000;
    std::size_t words_per_article = 120;
};

/// Writes the articles (ids "gen-0", "gen-1", ...) into `path` and commits.
inline void write_generated_index(const std::string& path, const GeneratedIndex& shape = {}) {
    static const char* const categories[] = {"Economy", "Iranian opposition", "Human rights", "Culture",
                                             "Nuclear", "Sport & Games", "<b>Markup</b>", "Ünïcödé"};
    static const char* const places[] = {"usa", "uk", "iran", "iraq", "france", "japan"};
    static const char* const languages[] = {"en", "en", "en", "fr", "de"};
    std::uint64_t state = 42;
    auto next = [&state] {  // splitmix64: the same index every run
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    libsearch::IndexWriter writer({.path = path, .batch_size = 0});
    for (std::size_t n = 0; n < shape.articles; ++n) {
        libsearch::Article a;
        a.id = "gen-" + std::to_string(n);
        std::string body;
        for (std::size_t w = 0; w < shape.words_per_article; ++w) {
            // Half the words from a few hundred common ones, half from the whole vocabulary.
            const auto i = static_cast<std::uint32_t>(w % 2 ? next() % shape.vocabulary : next() % 300);
            body += generated_word(i);
            body += (w % 12 == 11) ? ".\n\n" : " ";
        }
        a.body = body;
        a.title = generated_word(static_cast<std::uint32_t>(next() % 300)) + " " +
                  generated_word(static_cast<std::uint32_t>(next() % shape.vocabulary)) + " report " +
                  std::to_string(n);
        a.categories = {categories[n % 8]};
        a.places = {places[n % 6]};
        a.language = languages[n % 5];
        a.author = n % 3 ? "Author Number" + std::to_string(n % 40) : "";
        a.url = "https://" + std::string(n % 2 ? "news" : "www") + ".site" + std::to_string(n % 7) + ".example/" +
                std::to_string(n);
        if (n % 10) a.date = libsearch::Date::make(1990 + static_cast<int>(n % 30), 1 + static_cast<int>(n % 12),
                                                   1 + static_cast<int>(n % 28));
        writer.add(a);
    }
    writer.commit();
}

}  // namespace reliability
