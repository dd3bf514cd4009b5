#include "search/query_text.hpp"

#include <xapian.h>

#include <array>
#include <optional>
#include <utility>

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

// Typographic double quotes as a user may paste them.
bool is_curly_double_quote(std::string_view text, std::size_t i) {
    return text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

struct Token {
    std::string_view text;
    std::size_t at;
    bool op = false;
    bool word = false;    // else one separator byte
    bool opens = false;   // first word of a NEAR/ADJ chain: "(" goes before it
    bool closes = false;  // last word of one: ")" goes after it
    bool in_phrase = false;  // inside double quotes (the closing one is not)
};

std::string_view before_slash(std::string_view word) { return word.substr(0, word.find('/')); }

// "NEAR", or "NEAR/n" with n a positive number (else Xapian reads a word).
bool is_proximity_form(std::string_view word) {
    const auto slash = word.find('/');
    if (slash == std::string_view::npos) return true;
    const auto width = word.substr(slash + 1);
    return !width.empty() && width.find_first_not_of("0123456789") == std::string_view::npos &&
           width.find_first_not_of('0') != std::string_view::npos;
}

// One term to Xapian's QueryParser: Unicode word characters only, so no
// field prefix, wildcard, phrase punctuation, quote or (no-break) space.
bool is_plain_word(std::string_view word) {
    if (word.empty() || !utf8::is_valid(word)) return false;
    for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
        if (!Xapian::Unicode::is_wordchar(*it)) return false;
    return true;
}

bool is_space_token(const Token& t) { return !t.word && is_space(t.text[0]); }

// The words on either side of the proximity operator tokens[k] when both
// are plain words (each Xapian TERM), else nothing.
std::optional<std::pair<std::size_t, std::size_t>> plain_words_around(const std::vector<Token>& tokens,
                                                                      std::size_t k) {
    if (!is_proximity_form(tokens[k].text)) return std::nullopt;
    if (k == 0 || !is_space_token(tokens[k - 1])) return std::nullopt;
    std::size_t p = k - 1;
    while (p > 0 && is_space_token(tokens[p])) --p;
    const Token& before = tokens[p];
    // A leading '-' excludes the word: "-a NEAR b" is -(a NEAR b).
    const auto before_word = before.text.substr(!before.text.empty() && before.text[0] == '-' ? 1 : 0);
    if (!before.word || before.op || !is_plain_word(before_word)) return std::nullopt;
    // What comes before the "(" to be put there must leave it a bracket.
    if (p > 0) {
        const Token& opener = tokens[p - 1];
        if (opener.word || !(is_space(opener.text[0]) || opener.text[0] == '(' || opener.text[0] == '+'))
            return std::nullopt;
    }
    std::size_t n = k + 1;
    if (n == tokens.size() || !is_space_token(tokens[n])) return std::nullopt;
    while (n < tokens.size() && is_space_token(tokens[n])) ++n;
    if (n == tokens.size()) return std::nullopt;
    const Token& after = tokens[n];
    if (!after.word || is_operator(before_slash(after.text)) || !is_plain_word(after.text)) return std::nullopt;
    // "C++" and "C#" are words with their suffix.
    if (n + 1 < tokens.size() && (tokens[n + 1].text[0] == '+' || tokens[n + 1].text[0] == '#')) return std::nullopt;
    return std::pair{p, n};
}

std::size_t curly_quotes_in(std::string_view word) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 2 < word.size(); ++i)
        if (is_curly_double_quote(word, i)) ++n;
    return n;
}

// The query as words (maximal runs of non-space, non-bracket, non-quote
// bytes) and single separator bytes, operators marked.
//
// NEAR and ADJ (and NEAR/n, ADJ/n) are operators only outside phrases and
// between two plain words, and each chain of them ("a NEAR b NEAR c") is
// bracketed by fold_case. Why: Xapian 1.4.22's QueryParser takes NEAR only
// after a word that does not follow another word ("iran nuclear NEAR talks"
// fails and is silently searched as plain words), and when its parse fails
// next to a NEAR or ADJ it leaks the terms it held ("a OR NEAR/3 b",
// "AND x,s a NEAR/3 n"; found by fuzz_query, reproduced with Xapian alone):
// every such request would grow a long-running searchd.
std::vector<Token> scan_words(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && (is_ascii_word_char(text[j]) || static_cast<unsigned char>(text[j]) >= 0x80 ||
                                   text[j] == '\'' || text[j] == '.' || text[j] == '-' || text[j] == ':' ||
                                   text[j] == '*' || text[j] == '/' || text[j] == '@' || text[j] == '&'))
            ++j;
        if (j == i) {
            tokens.push_back({.text = text.substr(i, 1), .at = i});
            ++i;
            continue;
        }
        const auto word = text.substr(i, j - i);
        tokens.push_back({.text = word, .at = i, .op = is_operator(before_slash(word)), .word = true});
        i = j;
    }
    std::vector<int> left_of(tokens.size()), right_of(tokens.size());
    bool in_phrase = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        Token& t = tokens[k];
        if (!t.word && t.text[0] == '"') in_phrase = !in_phrase;
        if (t.word && curly_quotes_in(t.text) % 2) in_phrase = !in_phrase;
        t.in_phrase = in_phrase;
        if (!t.op || !is_proximity(t.text)) continue;
        const auto around = in_phrase ? std::nullopt : plain_words_around(tokens, k);
        if (!around) {
            t.op = false;
            continue;
        }
        ++left_of[around->first];
        ++right_of[around->second];
    }
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        tokens[k].opens = left_of[k] && !right_of[k];
        tokens[k].closes = right_of[k] && !left_of[k];
    }
    return tokens;
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

bool is_proximity(std::string_view word) {
    const auto base = before_slash(word);
    return base == "NEAR" || base == "ADJ";
}

bool is_operator(std::string_view word) {
    for (auto op : kOperators)
        if (word == op) return true;
    return false;
}

std::vector<std::string> operator_warnings(std::string_view query) {
    std::vector<std::string> warnings;
    for (const Token& t : scan_words(query)) {
        if (t.in_phrase) continue;
        if (t.text == "XOR")
            warnings.push_back("XOR at position " + std::to_string(t.at) +
                               " is not an operator: it is searched as a word");
        else if (t.word && !t.op && is_proximity(t.text))
            warnings.push_back(std::string(t.text) + " at position " + std::to_string(t.at) +
                               " is not an operator here (NEAR and ADJ go between two words; NEAR/n needs n >= 1): "
                               "it is searched as a word");
    }
    return warnings;
}

std::string fold_case(std::string_view query) {
    std::string out;
    out.reserve(query.size() + 8);
    for (const Token& t : scan_words(query)) {
        std::string_view word = t.text;
        if (t.opens) {
            if (word[0] == '-') {
                out += '-';
                word.remove_prefix(1);
            }
            out += '(';
        }
        if (t.op) out.append(word);
        else if (word.find('.') != std::string_view::npos) out += utf8::lower(collapse_acronyms(word));
        else out += utf8::lower(word);
        if (t.closes) out += ')';
    }
    return out;
}

namespace {

bool joins_word_parts(std::string_view word, std::size_t i) {
    auto part = [](char c) { return is_ascii_word_char(c) || static_cast<unsigned char>(c) >= 0x80; };
    return word[i] == '-' && i > 0 && i + 1 < word.size() && part(word[i - 1]) && part(word[i + 1]);
}

// Hyphenated words whose hyphens keep their meaning: in a phrase, an
// exclusion ("-e-mail" excludes the phrase), a requirement, a field or
// wildcard, a word in typographic quotes.
bool keeps_hyphens(const Token& t, const Token* before) {
    return t.in_phrase || t.text[0] == '-' || (before && before->text[0] == '+') ||
           t.text.find_first_of(":*") != std::string_view::npos || curly_quotes_in(t.text) > 0;
}

}  // namespace

std::string split_hyphenated(std::string_view query) {
    const auto tokens = scan_words(query);
    std::string out;
    out.reserve(query.size() + 8);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        bool split = false;
        for (std::size_t i = 0; i < t.text.size() && !split; ++i) split = joins_word_parts(t.text, i);
        if (!split || keeps_hyphens(t, k ? &tokens[k - 1] : nullptr)) {
            out.append(t.text);
            continue;
        }
        out += '(';
        for (std::size_t i = 0; i < t.text.size(); ++i) out += joins_word_parts(t.text, i) ? ' ' : t.text[i];
        out += ')';
    }
    return out;
}

std::string unbracket_chains(std::string_view folded) {
    const auto tokens = scan_words(folded);
    std::vector<bool> drop(tokens.size());
    std::size_t open = 0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].opens) open = k;
        if (tokens[k].closes && open > 0 && tokens[open - 1].text == "(" && k + 1 < tokens.size() &&
            tokens[k + 1].text == ")") {
            drop[open - 1] = true;
            drop[k + 1] = true;
        }
    }
    std::string out;
    out.reserve(folded.size());
    for (std::size_t k = 0; k < tokens.size(); ++k)
        if (!drop[k]) out.append(tokens[k].text);
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
    for (const Token& t : scan_words(query)) {
        if (t.op) {
            out += utf8::lower(before_slash(t.text));
        } else if (t.text.size() == 1 && (t.text[0] == '"' || t.text[0] == '(' || t.text[0] == ')' || t.text[0] == '+')) {
            out += ' ';
        } else {
            out.append(t.text);
        }
    }
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
