#include "libsearch/synonyms.hpp"

#include <xapian.h>

#include <fstream>
#include <sstream>

#include "analysis/utf8.hpp"
#include "search/query_text.hpp"
#include "libsearch/errors.hpp"

namespace libsearch {

namespace {

// A word of query or file text: Unicode word characters and apostrophes
// (typographic ones read as ASCII).
struct Word {
    std::size_t begin, end;  // byte range in the text
    std::string folded;      // lower case, ’ as '
};

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    Xapian::Utf8Iterator it(text.data(), text.size()), end;
    std::size_t begin = 0;
    std::string current;
    auto finish = [&](std::size_t at) {
        if (!current.empty()) words.push_back({begin, at, utf8::lower(current)});
        current.clear();
    };
    for (; it != end; ++it) {
        const std::size_t at = static_cast<std::size_t>(it.raw() - text.data());
        unsigned ch = *it;
        if (ch == 0x2019) ch = '\'';
        if (Xapian::Unicode::is_wordchar(ch) || (ch == '\'' && !current.empty())) {
            if (current.empty()) begin = at;
            Xapian::Unicode::append_utf8(current, ch);
        } else {
            finish(at);
        }
    }
    finish(text.size());
    return words;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// NEAR, ADJ, NEAR/3...: the whitespace-separated token on either side of
// [begin, end) in text.
// Only across whitespace: a word inside a long token ("a-b-c-...") must not
// scan it, or a long query would cost quadratic time.
bool next_to_proximity(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t a = end;
    while (a < text.size() && is_blank(text[a])) ++a;
    if (a > end) {
        std::size_t b = a;
        while (b < text.size() && !is_blank(text[b])) ++b;
        if (search::is_proximity(text.substr(a, b - a))) return true;
    }
    std::size_t d = begin;
    while (d > 0 && is_blank(text[d - 1])) --d;
    if (d == begin) return false;
    std::size_t c = d;
    while (c > 0 && !is_blank(text[c - 1])) --c;
    return search::is_proximity(text.substr(c, d - c));
}

std::string join(const std::vector<Word>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w.folded;
    return out;
}

// Byte ranges inside double quotes (ASCII or typographic).
std::vector<std::pair<std::size_t, std::size_t>> quoted_ranges(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool quote = text[i] == '"' || text.compare(i, 3, "\xE2\x80\x9C") == 0 ||
                           text.compare(i, 3, "\xE2\x80\x9D") == 0;
        if (!quote) continue;
        if (open == std::string_view::npos) open = i;
        else {
            ranges.emplace_back(open, i);
            open = std::string_view::npos;
        }
    }
    if (open != std::string_view::npos) ranges.emplace_back(open, text.size());
    return ranges;
}

}  // namespace

Synonyms Synonyms::parse(std::string_view text, const std::string& source) {
    Synonyms synonyms;
    std::size_t line_number = 0;
    std::istringstream lines{std::string(text)};
    std::string line;
    while (std::getline(lines, line)) {
        ++line_number;
        auto fail = [&](const std::string& why) {
            throw InvalidArgument("synonyms", source + ":" + std::to_string(line_number) + ": " + why);
        };
        // '#' outside quotes starts a comment.
        bool in_quote = false;
        std::vector<std::string> raw_members{""};
        for (char c : line) {
            if (c == '"') in_quote = !in_quote;
            else if (c == '#' && !in_quote) break;
            else if (c == '|' && !in_quote) raw_members.emplace_back();
            else raw_members.back() += c;
        }
        if (in_quote) fail("unclosed quote");
        std::vector<std::string> members;
        for (const auto& raw : raw_members) {
            const std::string member = join(words_of(raw));
            if (!member.empty()) members.push_back(member);
        }
        if (members.empty()) continue;
        if (members.size() < 2) fail("a group needs at least two members separated by '|'");
        for (const auto& member : members) {
            if (synonyms.group_of_.count(member)) fail("'" + member + "' is already in another group");
            synonyms.group_of_[member] = synonyms.groups_.size();
            synonyms.longest_ = std::max(synonyms.longest_, words_of(member).size());
        }
        synonyms.groups_.push_back(std::move(members));
    }
    return synonyms;
}

Synonyms Synonyms::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InvalidArgument("synonyms", "cannot read synonyms file '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

std::string Synonyms::expand(std::string_view query) const {
    if (groups_.empty()) return std::string(query);
    const auto words = words_of(query);
    const auto quoted = quoted_ranges(query);
    auto expandable = [&](const Word& w) {
        for (const auto& [open, close] : quoted)
            if (w.begin > open && w.begin < close) return false;
        const char before = w.begin ? query[w.begin - 1] : ' ';
        const char after = w.end < query.size() ? query[w.end] : ' ';
        // Next to NEAR or ADJ, a group would leave the operator without its
        // word (Xapian's NEAR takes single words).
        return before != ':' && before != '-' && before != '+' && after != ':' && after != '*' &&
               !search::is_operator(query.substr(w.begin, w.end - w.begin)) &&
               !next_to_proximity(query, w.begin, w.end);
    };
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < words.size();) {
        std::size_t matched = 0;
        std::size_t group = 0;
        for (std::size_t n = std::min(longest_, words.size() - i); n >= 1 && !matched; --n) {
            bool ok = true;
            std::string key;
            for (std::size_t k = i; k < i + n && ok; ++k) {
                ok = expandable(words[k]) &&
                     (k == i || query.substr(words[k - 1].end, words[k].begin - words[k - 1].end)
                                        .find_first_not_of(" \t") == std::string_view::npos);
                key += (k == i ? "" : " ") + words[k].folded;
            }
            if (!ok) continue;
            if (auto found = group_of_.find(key); found != group_of_.end()) {
                matched = n;
                group = found->second;
            }
        }
        if (!matched) {
            ++i;
            continue;
        }
        out.append(query.substr(copied, words[i].begin - copied));
        out += '(';
        for (std::size_t m = 0; m < groups_[group].size(); ++m) {
            const std::string& member = groups_[group][m];
            if (m) out += " OR ";
            out += member.find(' ') == std::string::npos ? member : "\"" + member + "\"";
        }
        out += ')';
        copied = words[i + matched - 1].end;
        i += matched;
    }
    out.append(query.substr(copied));
    return out;
}

}  // namespace libsearch
