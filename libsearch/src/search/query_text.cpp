#include "search/query_text.hpp"

#include <array>

#include "analysis/utf8.hpp"

namespace libsearch::search {

namespace {

// Not XOR: on XOR of negated groups ("a XOR NOT b XOR NOT c OR NOT d")
// Xapian 1.4.22's matcher reads freed memory and can crash (found by
// fuzz_query; valgrind shows it in a plain build too). So XOR is a word.
constexpr std::array<std::string_view, 5> kOperators{"AND", "OR", "NOT", "NEAR", "ADJ"};

bool is_ascii_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Calls emit(word, is_operator) for each maximal run of non-space,
// non-bracket, non-quote bytes and emit(separator, false) for the rest.
template <typename Emit>
void scan_words(std::string_view text, Emit emit) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && (is_ascii_word_char(text[j]) || static_cast<unsigned char>(text[j]) >= 0x80 ||
                                   text[j] == '\'' || text[j] == '.' || text[j] == '-' || text[j] == ':' ||
                                   text[j] == '*' || text[j] == '/' || text[j] == '@' || text[j] == '&'))
            ++j;
        if (j == i) {
            emit(text.substr(i, 1), i, false);
            ++i;
            continue;
        }
        const auto word = text.substr(i, j - i);
        // NEAR/3 and ADJ/2 are operators too.
        const auto slash = word.find('/');
        emit(word, i, is_operator(word.substr(0, slash)));
        i = j;
    }
}

// Typographic double quotes as a user may paste them.
bool is_curly_double_quote(std::string_view text, std::size_t i) {
    return text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0;
}

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// "U.S." and "U.N" as the indexer's TermGenerator reads them: one word,
// "us", "un". Lower-cased, Xapian would see the phrase "u s".
std::string collapse_acronyms(std::string_view word) {
    std::string out;
    std::size_t i = 0;
    while (i < word.size()) {
        const bool at_start = i == 0 || !(is_ascii_word_char(word[i - 1]) || word[i - 1] == '.');
        std::size_t j = i;
        std::string letters;
        while (at_start && j + 1 < word.size() && is_capital(word[j]) && word[j + 1] == '.') {
            letters += static_cast<char>(word[j] - 'A' + 'a');
            j += 2;
        }
        if (letters.size() >= 1 && j < word.size() && is_capital(word[j]) &&
            (j + 1 == word.size() || !is_ascii_word_char(word[j + 1]))) {
            letters += static_cast<char>(word[j] - 'A' + 'a');  // "U.N" without the last dot
            ++j;
        }
        if (letters.size() >= 2 && (j == word.size() || !is_ascii_word_char(word[j]))) {
            out += letters;
            i = j;
        } else {
            out += word[i];
            ++i;
        }
    }
    return out;
}

}  // namespace

bool is_operator(std::string_view word) {
    for (auto op : kOperators)
        if (word == op) return true;
    return false;
}

std::vector<std::string> xor_warnings(std::string_view query) {
    std::vector<std::string> warnings;
    bool in_phrase = false;
    scan_words(query, [&](std::string_view word, std::size_t at, bool) {
        if (word == "\"") in_phrase = !in_phrase;
        else if (!in_phrase && word == "XOR")
            warnings.push_back("XOR at position " + std::to_string(at) +
                               " is not an operator: it is searched as a word");
    });
    return warnings;
}

std::string fold_case(std::string_view query) {
    std::string out;
    out.reserve(query.size());
    scan_words(query, [&](std::string_view word, std::size_t, bool op) {
        if (op) out.append(word);
        else if (word.find('.') != std::string_view::npos) out += utf8::lower(collapse_acronyms(word));
        else out += utf8::lower(word);
    });
    return out;
}

std::vector<std::string> unbalanced_warnings(std::string_view query) {
    std::vector<std::string> warnings;
    std::size_t quotes = 0, last_quote = 0;
    std::vector<std::size_t> open_brackets;
    bool in_phrase = false;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const bool quote = query[i] == '"' || is_curly_double_quote(query, i);
        if (quote) {
            ++quotes;
            last_quote = i;
            in_phrase = !in_phrase;
            if (query[i] != '"') i += 2;
        } else if (!in_phrase && query[i] == '(') {
            open_brackets.push_back(i);
        } else if (!in_phrase && query[i] == ')') {
            if (open_brackets.empty())
                warnings.push_back("unmatched ')' at position " + std::to_string(i) + " ignored");
            else
                open_brackets.pop_back();
        }
    }
    if (quotes % 2)
        warnings.push_back("unbalanced quote at position " + std::to_string(last_quote) +
                           ": the phrase runs to the end of the query");
    for (auto pos : open_brackets)
        warnings.push_back("unclosed '(' at position " + std::to_string(pos) + " closed at the end");
    return warnings;
}

std::string strip_syntax(std::string_view query) {
    std::string out;
    out.reserve(query.size());
    scan_words(query, [&](std::string_view word, std::size_t, bool op) {
        if (op) {
            out += utf8::lower(word.substr(0, word.find('/')));
        } else if (word.size() == 1 && (word[0] == '"' || word[0] == '(' || word[0] == ')' || word[0] == '+')) {
            out += ' ';
        } else {
            out.append(word);
        }
    });
    // Typographic quotes are multi-byte and arrive inside words.
    for (std::string_view curly : {"\xE2\x80\x9C", "\xE2\x80\x9D"})
        for (auto pos = out.find(curly); pos != std::string::npos; pos = out.find(curly, pos)) out.replace(pos, 3, " ");
    return out;
}

std::optional<std::string> excluded_words_only(std::string_view query) {
    std::string words;
    bool any = false;
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
        if (i == query.size()) break;
        const std::size_t end = std::min(query.find_first_of(" \t", i), query.size());
        const auto token = query.substr(i, end - i);
        if (token.size() < 2 || token[0] != '-') return std::nullopt;
        words.append(token.substr(1));
        words += ' ';
        any = true;
        i = end;
    }
    if (!any) return std::nullopt;
    return words;
}

}  // namespace libsearch::search
