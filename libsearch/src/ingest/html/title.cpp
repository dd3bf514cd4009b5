// The article title and the site name.

#include <algorithm>
#include <utility>

#include "analysis/utf8.hpp"
#include "ingest/html/html_metadata.hpp"
#include "ingest/html/text_cleanup.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " ~ "};
constexpr std::size_t kMaxSiteWords = 4;
constexpr std::size_t kMinTitleWords = 3;
constexpr std::size_t kMaxPrefixWords = 3;  // "Opinion | Headline", "BBC News - Headline"
constexpr std::size_t kMaxTitleBytes = 400;
constexpr std::size_t kMinHeadlineBytes = 15;

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// Lower case, one kind of quote and dash, no trailing punctuation: for comparing titles.
std::string normalized(std::string_view text) {
    std::string out = utf8::lower(collapse_whitespace(text));
    static constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
        {"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""},
        {"\u2013", "-"}, {"\u2014", "-"}, {"\u00A0", " "}};
    for (const auto& [from, to] : kFolds)
        for (std::size_t pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size()))
            out.replace(pos, from.size(), to);
    while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ':')) out.pop_back();
    return out;
}

// `part` is the whole title, or what comes before a separator in it, or after
// a separator that follows a short prefix ("Opinion | Headline").
bool is_title_part(std::string_view part, std::string_view title) {
    const std::string p = normalized(part), t = normalized(title);
    if (p.empty()) return false;
    if (p == t) return true;
    for (const std::string_view separator : kSeparators) {
        if (t.starts_with(p) && std::string_view(t).substr(p.size()).starts_with(separator)) return true;
        if (!t.ends_with(p)) continue;
        const std::string_view head = std::string_view(t).substr(0, t.size() - p.size());
        if (head.ends_with(separator) && word_count(head) <= kMaxPrefixWords + 1) return true;
    }
    return false;
}

struct Candidate {
    std::string text;
    std::string origin;
};

// In Readability's order of preference, each as the publisher wrote it: a
// headline the site chose to give with its name keeps it ("... | eHow"), as
// in Readability; only the <title> fallback loses a site name.
std::vector<Candidate> meta_candidates(const PageMetadata& metadata) {
    std::vector<Candidate> candidates;
    const auto add = [&](std::string_view value, std::string origin) {
        std::string text = collapse_whitespace(value);
        if (!text.empty() && text.size() <= kMaxTitleBytes) candidates.push_back({std::move(text), std::move(origin)});
    };
    for (const auto& headline : metadata.json_ld.headlines) add(headline, "json-ld");
    for (const char* key : {"dc:title", "dc.title", "dcterms:title", "dcterms.title", "og:title", "twitter:title",
                            "parsely-title", "sailthru.title", "title", "headline"})
        add(metadata.get(key), key);
    return candidates;
}

std::vector<std::string> h1_texts(const Document& document) {
    std::vector<std::string> texts;
    for (NodeId id = document.find(GUMBO_TAG_H1); id != kNoNode; id = document.find(GUMBO_TAG_H1, id + 1)) {
        std::string text = document.text(id);
        // Without the anchor links documentation generators append ("Title¶").
        while (text.ends_with("\u00B6") || text.ends_with("\u00A7") || text.ends_with("#"))
            text = trim(text.substr(0, text.ends_with("#") ? text.size() - 1 : text.size() - 2));
        if (!text.empty() && text.size() <= kMaxTitleBytes) texts.push_back(std::move(text));
    }
    return texts;
}

}  // namespace

std::string strip_site_affix(std::string_view title, std::string_view site_name, std::string* cut, bool guess) {
    std::string ignored;
    std::string& removed = cut ? *cut : ignored;
    const std::string site = normalized(site_name);
    std::string_view best_rest;
    for (const std::string_view separator : kSeparators) {
        const std::size_t last = title.rfind(separator);
        if (last == std::string_view::npos) continue;
        const std::string_view before = title.substr(0, last), after = title.substr(last + separator.size());
        const std::size_t first = title.find(separator);
        const std::string_view head = title.substr(0, first), tail = title.substr(first + separator.size());
        if (!site.empty() && normalized(after) == site) {
            removed = after;
            return std::string(before);
        }
        if (!site.empty() && normalized(head) == site) {
            removed = head;
            return std::string(tail);
        }
        const bool short_suffix = guess && word_count(after) <= kMaxSiteWords && word_count(before) >= kMinTitleWords;
        if (short_suffix && before.size() > best_rest.size()) best_rest = before;
    }
    if (best_rest.empty()) return std::string(title);
    removed = trim(title.substr(best_rest.size()));
    for (const std::string_view separator : kSeparators)
        if (removed.starts_with(trim(separator)))
            removed = trim(std::string_view(removed).substr(trim(separator).size()));
    return std::string(best_rest);
}

TitleChoice choose_title(const Document& document, const PageMetadata& metadata) {
    TitleChoice choice;
    std::string cut_site;
    const std::string site_name(metadata.get("og:site_name"));
    const std::string page_title = strip_site_affix(metadata.title, site_name, &cut_site);
    choice.site_name = site_name.empty() ? cut_site : site_name;
    const auto candidates = meta_candidates(metadata);
    const auto h1s = h1_texts(document);
    const auto agrees = [&](const std::string& text) {
        return is_title_part(text, metadata.title) || same_title(text, page_title) ||
               std::any_of(h1s.begin(), h1s.end(), [&](const auto& h1) { return same_title(h1, text); });
    };
    const auto chosen = [&](const std::string& title, std::string_view origin) {
        choice.title = title;
        choice.origin = origin;
        return choice;
    };
    for (const auto& candidate : candidates)
        if (agrees(candidate.text)) return chosen(candidate.text, candidate.origin);
    for (const auto& h1 : h1s)
        if (is_title_part(h1, metadata.title) || same_title(h1, page_title)) return chosen(h1, "h1");
    if (!candidates.empty()) return chosen(candidates.front().text, candidates.front().origin);
    // A <title> too short to be a headline ("Bugle") gives way to a lone, longer h1.
    if (h1s.size() == 1 && page_title.size() < kMinHeadlineBytes && word_count(h1s.front()) > word_count(page_title))
        return chosen(h1s.front(), "h1");
    if (!page_title.empty()) return chosen(page_title, "title");
    if (!h1s.empty()) return chosen(h1s.front(), "h1");
    return choice;
}

}  // namespace libsearch::ingest::html
