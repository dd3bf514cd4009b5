#include "ingest/text_page/line_shape.hpp"

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "ingest/text_util.hpp"

namespace libsearch::ingest::text_page {

namespace {

// The code point at text[i] and its length in bytes (the text is valid UTF-8).
char32_t code_point_at(std::string_view text, std::size_t i, std::size_t& length) noexcept {
    const auto c = static_cast<unsigned char>(text[i]);
    length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + length > text.size()) length = text.size() - i;
    if (length == 1) return c;
    char32_t cp = c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return cp;
}

// Letters and digits of any script; punctuation, symbols and spaces are not.
bool is_word_char(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 punctuation and signs
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, arrows, symbols, dingbats
    if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
    return cp != 0xFEFF && cp != 0xFFFD;
}

// Without trailing closing quotes and brackets (ASCII and typographic).
std::string_view without_closers(std::string_view line) noexcept {
    static constexpr std::array<std::string_view, 7> closers{"\"",           "'",       ")", "]", "\xE2\x80\x9D",
                                                             "\xE2\x80\x99", "\xC2\xBB"};
    for (bool again = true; again && !line.empty();) {
        again = false;
        for (auto closer : closers)
            if (line.ends_with(closer)) {
                line.remove_suffix(closer.size());
                again = true;
            }
    }
    return line;
}

// Without leading opening quotes and brackets.
std::string_view without_openers(std::string_view word) noexcept {
    static constexpr std::array<std::string_view, 5> openers{"\"", "'", "(", "\xE2\x80\x9C", "\xE2\x80\x98"};
    for (bool again = true; again && !word.empty();) {
        again = false;
        for (auto opener : openers)
            if (word.starts_with(opener)) {
                word.remove_prefix(opener.size());
                again = true;
            }
    }
    return word;
}

// The words of a line, ASCII-lowercased, without surrounding punctuation.
std::vector<std::string> plain_words(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && !std::isalnum(static_cast<unsigned char>(word.back())) &&
               static_cast<unsigned char>(word.back()) < 0x80)
            word.pop_back();
        std::size_t start = 0;
        while (start < word.size() && !std::isalnum(static_cast<unsigned char>(word[start])) &&
               static_cast<unsigned char>(word[start]) < 0x80)
            ++start;
        if (start < word.size()) words.push_back(ascii_lower(std::string_view(word).substr(start)));
        word.clear();
    };
    for (char c : line) {
        if (c == ' ')
            flush();
        else
            word += c;
    }
    flush();
    return words;
}

// Widget words and phrases (lowercase, space-separated).
// clang-format off
constexpr std::array<std::string_view, 45> kWidgetPhrases{
    "latest", "trending", "popular", "newsletter", "newsletters", "subscribe", "share", "tweet", "tweets",
    "facebook", "twitter", "youtube", "instagram", "telegram", "whatsapp", "linkedin", "rss", "advertisement",
    "sponsored", "tags", "comments", "related", "recommended", "follow", "menu", "copyright", "most read",
    "most viewed", "read more", "more news", "top stories", "editor's picks", "editors' picks", "see also",
    "also read", "sign up", "next article", "previous article", "you may also like", "all rights reserved",
    "email", "e-mail", "print", "pinterest", "reddit"};
// clang-format on

// Networks whose widgets show posts ("Latest tweet").
constexpr std::array<std::string_view, 7> kNetworkWords{"tweet",    "tweets",    "twitter", "facebook",
                                                        "telegram", "instagram", "youtube"};

// `phrase` is one of the lists above: lowercase words split by single spaces,
// compared in place because this runs for every phrase on many lines.
bool contains_phrase(const std::vector<std::string>& words, std::string_view phrase) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::size_t k = i;
        std::string_view rest = phrase;
        while (!rest.empty() && k < words.size()) {
            const auto space = rest.find(' ');
            if (words[k] != rest.substr(0, space)) break;
            ++k;
            rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
        }
        if (rest.empty()) return true;
    }
    return false;
}

bool is_connector(std::string_view word) {
    static constexpr std::array<std::string_view, 23> connectors{"of",  "and", "de",  "du", "des", "la",  "le", "van",
                                                                 "von", "der", "al",  "el", "bin", "ibn", "y",  "da",
                                                                 "di",  "the", "for", "on", "in",  "at",  "to"};
    for (auto c : connectors)
        if (word == c) return true;
    return false;
}

// Lowercase, single-spaced, without end punctuation: for comparisons.
std::string comparable(std::string_view text) {
    std::string out = ascii_lower(collapse_whitespace(text));
    while (!out.empty() && std::string_view(".:;!?,").find(out.back()) != std::string_view::npos) out.pop_back();
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::size_t char_count(std::string_view line) noexcept {
    std::size_t count = 0;
    for (char c : line)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

std::size_t word_count(std::string_view line) noexcept {
    std::size_t count = 0;
    bool in_word = false, counted = false;
    for (std::size_t i = 0, length = 1; i < line.size(); i += length) {
        const char32_t cp = code_point_at(line, i, length);
        if (cp == ' ') {
            in_word = counted = false;
            continue;
        }
        in_word = true;
        if (in_word && !counted && is_word_char(cp)) {
            ++count;
            counted = true;
        }
    }
    return count;
}

bool has_text(std::string_view line) noexcept {
    for (std::size_t i = 0, length = 1; i < line.size(); i += length)
        if (is_word_char(code_point_at(line, i, length))) return true;
    return false;
}

bool ends_with_ellipsis(std::string_view line) noexcept {
    line = without_closers(line);
    return line.ends_with("...") || line.ends_with("\xE2\x80\xA6");
}

char sentence_end(std::string_view line) noexcept {
    if (ends_with_ellipsis(line)) return 0;
    line = without_closers(line);
    if (line.empty()) return 0;
    const char last = line.back();
    return std::string_view(".!?:;").find(last) != std::string_view::npos ? last : 0;
}

bool is_paragraph_length(std::string_view line) noexcept { return word_count(line) >= 18 || char_count(line) >= 110; }

bool is_list_item(std::string_view line) noexcept {
    std::size_t digits = 0;
    while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
    const auto rest = line.substr(digits);
    const bool numbered = digits > 0 && (rest.starts_with(". ") || rest.starts_with(") "));
    bool bulleted = false;
    for (std::string_view bullet : {"- ", "* ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xE2\x96\xAA "})
        bulleted = bulleted || line.starts_with(bullet);
    return (numbered || bulleted) && word_count(line) >= 3;
}

bool looks_like_social_post(std::string_view line) noexcept {
    for (std::string_view mark : {"http://", "https://", "www.", "pic.twitter.com", "t.co/"})
        if (line.find(mark) != std::string_view::npos) return true;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const bool word_start = i == 0 || line[i - 1] == ' ';
        const auto next = static_cast<unsigned char>(line[i + 1]);
        if (word_start && (line[i] == '#' || line[i] == '@') && (std::isalpha(next) || next >= 0x80)) return true;
    }
    return false;
}

bool is_name_like(std::string_view line) {
    bool capitalised = false;
    std::size_t start = 0;
    for (std::size_t end = 0; end <= line.size(); ++end) {
        if (end < line.size() && line[end] != ' ') continue;
        std::string_view word = line.substr(start, end - start);
        start = end + 1;
        word = without_openers(word);
        if (word.empty()) continue;
        const auto first = static_cast<unsigned char>(word.front());
        if (first >= 'A' && first <= 'Z') {
            capitalised = true;
        } else if (first >= 0x80) {
            capitalised = true;  // another script or an accented capital: no case rule to apply
        } else if (!is_connector(ascii_lower(word))) {
            return false;  // a lowercase word, a digit or a symbol
        }
    }
    return capitalised;
}

bool has_widget_word(std::string_view line) {
    const auto words = plain_words(line);
    for (auto phrase : kWidgetPhrases)
        if (contains_phrase(words, phrase)) return true;
    return false;
}

bool names_social_network(std::string_view line) {
    const auto words = plain_words(line);
    for (auto word : kNetworkWords)
        if (contains_phrase(words, word)) return true;
    return false;
}

bool is_widget_heading(std::string_view line) {
    const char end = sentence_end(line);
    return word_count(line) <= 4 && (end == 0 || end == ':') && !ends_with_ellipsis(line) && has_widget_word(line);
}

std::string_view byline_text(std::string_view line) noexcept {
    for (std::string_view marker : {"by ", "written by ", "reported by ", "posted by ", "story by ", "author:"})
        if (istarts_with(line, marker)) return trim(line.substr(marker.size()));
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "-"})
        if (line.starts_with(dash)) return trim(line.substr(dash.size()));
    return line;
}

bool is_byline_like(std::string_view line, bool strong) {
    const std::size_t words = word_count(line);
    if (words == 0 || words > 8 || char_count(line) > 80 || ends_with_ellipsis(line) || has_widget_word(line))
        return false;
    const std::string_view name = byline_text(line);
    if (name.size() != line.size()) return is_name_like(name);
    if (line.find('@') != std::string_view::npos && words <= 4) return true;
    const auto comma = line.find(',');
    if (comma != std::string_view::npos) {
        const auto who = line.substr(0, comma);
        return word_count(who) <= 5 && is_name_like(who);
    }
    return !strong && words <= 3 && sentence_end(line) != ':' && is_name_like(line);
}

bool repeats_title(std::string_view title, std::string_view line) {
    const std::string t = comparable(title), l = comparable(line);
    if (t.empty()) return false;
    if (l == t) return true;
    return word_count(title) >= 3 && l.size() > t.size() && l.starts_with(t) && l[t.size()] == ' ';
}

bool same_text(std::string_view a, std::string_view b) { return comparable(a) == comparable(b); }

}  // namespace libsearch::ingest::text_page
