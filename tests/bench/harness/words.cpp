#include "words.hpp"

#include <algorithm>
#include <array>

namespace bench {

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3 && word.size() <= 20) out.push_back(word);
        word.clear();
    };
    for (const char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            word.push_back(static_cast<char>(c | 0x20));
        else
            flush();
    }
    flush();
    return out;
}

bool is_stopword(std::string_view word) {
    // Sorted, for binary search.
    static constexpr std::array<std::string_view, 96> kStop = {
        "about",   "after", "again",   "against", "all",   "also",    "and",   "any",    "are",    "because", "been",
        "before",  "being", "between", "both",    "but",   "can",     "could", "did",    "does",   "doing",   "down",
        "during",  "each",  "few",     "for",     "from",  "further", "had",   "has",    "have",   "having",  "her",
        "here",    "hers",  "him",     "his",     "how",   "into",    "its",   "itself", "just",   "last",    "may",
        "more",    "most",  "much",    "not",     "now",   "off",     "once",  "one",    "only",   "other",   "our",
        "out",     "over",  "own",     "reuter",  "said",  "same",    "says",  "she",    "should", "some",    "such",
        "than",    "that",  "the",     "their",   "them",  "then",    "there", "these",  "they",   "this",    "those",
        "through", "too",   "two",     "under",   "until", "very",    "was",   "were",   "what",   "when",    "where",
        "which",   "while", "who",     "why",     "will",  "with",    "would", "you"};
    return std::binary_search(kStop.begin(), kStop.end(), word);
}

}  // namespace bench
