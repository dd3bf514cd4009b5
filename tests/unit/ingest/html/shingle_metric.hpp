#pragma once
// The article-extraction-benchmark's body-text score (its evaluate.py,
// re-implemented): texts are tokenised as Python's Unicode regex \w+ does,
// token 4-grams ("shingles") are counted, and each page's TP/FP/FN is
// normalised to sum to 1 so that long pages do not dominate. Precision is
// averaged over pages that predicted something, recall over pages that have
// a truth, and F1 is computed from the two averages.

#include <xapian.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace html_quality {

/// Python's str.isalnum() or '_': letters (L*) and numbers (N*), no marks.
inline bool is_word_char(unsigned ch) {
    if (ch == '_') return true;
    using Xapian::Unicode::get_category;
    switch (get_category(ch)) {
        case Xapian::Unicode::UPPERCASE_LETTER:
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
        case Xapian::Unicode::DECIMAL_DIGIT_NUMBER:
        case Xapian::Unicode::LETTER_NUMBER:
        case Xapian::Unicode::OTHER_NUMBER:
            return true;
        default:
            return false;
    }
}

/// The tokens of re.findall(r'\w+', text).
inline std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> tokens;
    std::string token;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (is_word_char(*it)) {
            Xapian::Unicode::append_utf8(token, *it);
        } else if (!token.empty()) {
            tokens.push_back(std::move(token));
            token.clear();
        }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
    return tokens;
}

/// Shingle counts; fewer than n tokens make one shorter shingle.
inline std::unordered_map<std::string, int> shingles(std::string_view text, std::size_t n = 4) {
    const auto tokens = tokenize(text);
    std::unordered_map<std::string, int> counts;
    const std::size_t last = tokens.size() > n ? tokens.size() - n + 1 : 1;
    for (std::size_t i = 0; i < last && i < tokens.size(); ++i) {
        std::string key;
        for (std::size_t k = i; k < i + n && k < tokens.size(); ++k) {
            key += tokens[k];
            key += '\x1f';
        }
        ++counts[key];
    }
    return counts;
}

struct Counts {
    double tp = 0, fp = 0, fn = 0;
};

/// One page's TP/FP/FN, normalised to sum to 1 (all 0 when both are empty).
inline Counts match(std::string_view truth, std::string_view predicted) {
    const auto t = shingles(truth), p = shingles(predicted);
    Counts c;
    for (const auto& [key, count] : t) {
        const auto it = p.find(key);
        const int other = it == p.end() ? 0 : it->second;
        c.tp += std::min(count, other);
        c.fn += std::max(0, count - other);
    }
    for (const auto& [key, count] : p) {
        const auto it = t.find(key);
        c.fp += std::max(0, count - (it == t.end() ? 0 : it->second));
    }
    const double sum = c.tp + c.fp + c.fn;
    if (sum > 0) c = {c.tp / sum, c.fp / sum, c.fn / sum};
    return c;
}

struct Scores {
    double precision = 0, recall = 0, f1 = 0;
};

inline double precision_of(const Counts& c) {
    if (c.fp == 0 && c.fn == 0) return 1;
    if (c.tp == 0 && c.fp == 0) return 0;
    return c.tp / (c.tp + c.fp);
}

inline double recall_of(const Counts& c) {
    if (c.fp == 0 && c.fn == 0) return 1;
    if (c.tp == 0 && c.fn == 0) return 0;
    return c.tp / (c.tp + c.fn);
}

inline Scores aggregate(const std::vector<Counts>& pages) {
    double precision = 0, recall = 0;
    std::size_t predicted = 0, true_pages = 0;
    for (const auto& c : pages) {
        if (c.tp + c.fp > 0) {
            precision += precision_of(c);
            ++predicted;
        }
        if (c.tp + c.fn > 0) {
            recall += recall_of(c);
            ++true_pages;
        }
    }
    Scores s;
    s.precision = predicted ? precision / static_cast<double>(predicted) : 0;
    s.recall = true_pages ? recall / static_cast<double>(true_pages) : 0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    return s;
}

}  // namespace html_quality
