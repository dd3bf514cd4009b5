#include "search/text_words.hpp"

#include <xapian.h>

#include <algorithm>

#include "analysis/normalize.hpp"

namespace libsearch::search {

namespace {

// ASCII answers without Xapian's Unicode tables: most news text is ASCII,
// and every hit's body is split into words for its snippet.
bool is_ascii(unsigned ch) { return ch < 0x80; }

bool is_wordchar(unsigned ch) {
    if (!is_ascii(ch)) return Xapian::Unicode::is_wordchar(ch);
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019 || ch == 0x201B; }

bool is_digit(unsigned ch) {
    if (is_ascii(ch)) return ch >= '0' && ch <= '9';
    return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_upper(unsigned ch) {
    if (is_ascii(ch)) return ch >= 'A' && ch <= 'Z';
    return Xapian::Unicode::get_category(ch) == Xapian::Unicode::UPPERCASE_LETTER;
}

void append_lower(std::string& key, unsigned ch) {
    if (is_ascii(ch)) key += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    else Xapian::Unicode::append_utf8(key, Xapian::Unicode::tolower(ch));
}

unsigned peek(Xapian::Utf8Iterator it, int ahead) {
    const Xapian::Utf8Iterator end;
    for (int i = 0; i < ahead && it != end; ++i) ++it;
    return it == end ? 0 : *it;
}

}  // namespace

std::vector<TextWord> text_words(std::string_view text) {
    std::vector<TextWord> words;
    const char* base = text.data();
    Xapian::Utf8Iterator it(base, text.size());
    const Xapian::Utf8Iterator end;
    auto offset = [&](const Xapian::Utf8Iterator& at) {
        return static_cast<std::uint32_t>(at == end ? text.size() : static_cast<std::size_t>(at.raw() - base));
    };
    while (it != end) {
        unsigned ch = *it;
        if (!is_wordchar(ch)) {
            ++it;
            continue;
        }
        TextWord word;
        word.begin = offset(it);
        // An acronym: single capitals each followed by a dot ("U.S.", "U.N.").
        if (is_upper(ch) && peek(it, 1) == '.' && is_upper(peek(it, 2))) {
            while (it != end && is_upper(*it) && peek(it, 1) == '.') {
                append_lower(word.key, *it);
                ++it;
                ++it;  // the dot
                word.end = offset(it);
            }
            words.push_back(std::move(word));
            continue;
        }
        unsigned last = 0;
        while (it != end) {
            ch = *it;
            if (is_wordchar(ch)) {
                append_lower(word.key, ch);
                last = ch;
                ++it;
                continue;
            }
            const unsigned next = peek(it, 1);
            if ((is_apostrophe(ch) || ch == '&') && is_wordchar(next)) {
                word.key += is_apostrophe(ch) ? '\'' : '&';
            } else if ((ch == '.' || ch == ',') && is_digit(last) && is_digit(next)) {
                word.key += static_cast<char>(ch);
            } else {
                break;
            }
            ++it;
        }
        // C++, C#: up to three trailing + or #, not followed by a word character.
        if (it != end && (*it == '+' || *it == '#')) {
            Xapian::Utf8Iterator probe = it;
            std::string suffix;
            while (probe != end && (*probe == '+' || *probe == '#') && suffix.size() < 3) {
                suffix += static_cast<char>(*probe);
                ++probe;
            }
            if (probe == end || !is_wordchar(*probe)) {
                word.key += suffix;
                it = probe;
            }
        }
        word.end = offset(it);
        words.push_back(std::move(word));
    }
    return words;
}

std::vector<TextWord> indexed_words(std::string_view text) {
    std::vector<TextWord> words = text_words(text);
    // Arabic-script spellings are normalised in the index; the text shown is not.
    for (auto& word : words) {
        if (std::any_of(word.key.begin(), word.key.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            word.key = analysis::normalize_spelling(word.key);
    }
    return words;
}

}  // namespace libsearch::search
