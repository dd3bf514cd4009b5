#include "search/highlighter.hpp"

#include <algorithm>
#include <set>


namespace libsearch::search {

namespace {

constexpr std::string_view kOpen = "<mark>";
constexpr std::string_view kClose = "</mark>";
constexpr std::string_view kEllipsis = "…";
// A repeated match adds this share of its term's weight: variety wins.
constexpr double kRepeatShare = 0.1;
// A later passage must score this much more than an earlier one to be
// chosen: news puts the gist first.
constexpr double kLaterPassageMargin = 1.1;
// Room kept for context before the first match, at most.
constexpr std::size_t kMaxLead = 40;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Escapes text[begin, end) onto `out`; with `fold_space` each whitespace run
// becomes one space.
void append_escaped(std::string& out, std::string_view text, std::size_t begin, std::size_t end, bool fold_space) {
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (fold_space && is_space(c)) {
                    if (out.empty() || out.back() != ' ') out += ' ';
                } else {
                    out += c;
                }
        }
    }
}

// text[begin, end) escaped, with the spans (of words[first, last)) marked.
std::string render(std::string_view text, const std::vector<TextWord>& words, const std::vector<MatchSpan>& spans,
                   std::size_t begin, std::size_t end, bool fold_space) {
    std::string out;
    out.reserve(end - begin + 32);
    std::size_t at = begin;
    for (const auto& span : spans) {
        const std::size_t from = words[span.first].begin, to = words[span.last - 1].end;
        if (from < begin || to > end) continue;
        append_escaped(out, text, at, from, fold_space);
        out += kOpen;
        append_escaped(out, text, from, to, fold_space);
        out += kClose;
        at = to;
    }
    append_escaped(out, text, at, end, fold_space);
    return out;
}

// text[begin, end) as it is, each whitespace run as one space.
std::string plain(std::string_view text, std::size_t begin, std::size_t end) {
    std::string out;
    out.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        if (!is_space(text[i])) out += text[i];
        else if (out.empty() || out.back() != ' ') out += ' ';
    }
    return out;
}

// A sentence begins at the first word, after . ! ? or after a line break.
bool starts_sentence(std::string_view text, const std::vector<TextWord>& words, std::size_t w) {
    if (w == 0) return true;
    for (std::size_t i = words[w].begin; i > words[w - 1].end; --i) {
        const char c = text[i - 1];
        if (c == '\n' || c == '.' || c == '!' || c == '?') return true;
    }
    return false;
}

}  // namespace

std::vector<TextWord> Highlighter::words_of(std::string_view text) const { return indexed_words(text); }

std::string Highlighter::whole(std::string_view text) const {
    if (matches_.empty()) {
        std::string out;
        append_escaped(out, text, 0, text.size(), false);
        return out;
    }
    const auto words = words_of(text);
    return render(text, words, matches_.find(words), 0, text.size(), false);
}

std::string Highlighter::passage(std::string_view text, std::size_t length) const {
    return best_passage(text, length, true);
}

std::string Highlighter::passage_text(std::string_view text, std::size_t length) const {
    return best_passage(text, length, false);
}

std::string Highlighter::best_passage(std::string_view text, std::size_t length, bool html) const {
    const auto words = words_of(text);
    if (words.empty()) return {};
    const auto spans = matches_.find(words);

    // The best window starts at a match and holds the most weight.
    std::size_t best = 0, best_last = 0;  // spans [best, best_last]
    double best_score = -1;
    const std::size_t reach = length - std::min(length / 5, kMaxLead);
    for (std::size_t a = 0; a < spans.size(); ++a) {
        const std::size_t start = words[spans[a].first].begin;
        std::set<std::uint32_t> seen;
        double score = 0;
        std::size_t last = a;
        for (std::size_t s = a; s < spans.size() && words[spans[s].last - 1].end <= start + reach; ++s) {
            const double weight = matches_.weight(spans[s].term);
            score += seen.insert(spans[s].term).second ? weight : weight * kRepeatShare;
            last = s;
        }
        if (score > best_score * kLaterPassageMargin) {
            best_score = score;
            best = a;
            best_last = last;
        }
    }

    // Context before the first match: up to half the room the matches leave,
    // from a sentence start when one is near.
    std::size_t first_word = 0;
    if (!spans.empty()) {
        const std::size_t anchor = spans[best].first;
        const std::size_t used = words[spans[best_last].last - 1].end - words[anchor].begin;
        const std::size_t lead = used < length ? std::min((length - used) / 2, length / 3) : 0;
        const std::size_t earliest = words[anchor].begin > lead ? words[anchor].begin - lead : 0;
        first_word = anchor;
        while (first_word > 0 && words[first_word - 1].begin >= earliest) --first_word;
        for (std::size_t w = first_word; w <= anchor; ++w) {
            if (starts_sentence(text, words, w)) {
                first_word = w;
                break;
            }
        }
    }
    const std::size_t begin = words[first_word].begin;
    std::size_t last_word = first_word;
    while (last_word + 1 < words.size() && words[last_word + 1].end <= begin + length) ++last_word;
    std::size_t end = words[last_word].end;
    // Keep the sentence's closing punctuation when it fits.
    while (end < text.size() && end < begin + length && !is_space(text[end]) && end - words[last_word].end < 3 &&
           (last_word + 1 >= words.size() || end < words[last_word + 1].begin))
        ++end;

    std::string out;
    if (first_word > 0) out += kEllipsis;
    if (html) out += render(text, words, spans, begin, end, true);
    else out += plain(text, begin, end);
    if (last_word + 1 < words.size()) out += kEllipsis;
    return out;
}

std::string Highlighter::paragraphs(std::string_view text) const {
    std::string html;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view paragraph = text.substr(start, end - start);
        if (paragraph.find_first_not_of(" \t\n") != std::string_view::npos) {
            if (!html.empty()) html += '\n';
            html += "<p>" + whole(paragraph) + "</p>";
        }
        start = end + 2;
    }
    return html;
}

}  // namespace libsearch::search
