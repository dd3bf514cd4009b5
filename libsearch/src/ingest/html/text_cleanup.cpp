#include "ingest/html/text_cleanup.hpp"

#include <xapian.h>

#include <algorithm>
#include <set>

#include "analysis/utf8.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest/dates.hpp"

namespace libsearch::ingest::html {

namespace {

// Paragraphs of page furniture start with one of these (lower case).
constexpr std::string_view kFurnitureStarts[] = {
    "share this",   "share on",        "share:",     "share article",         "sign up", "subscribe",
    "follow us",    "follow @",        "click here", "advertisement",         "tags:",   "filed under",
    "posted in",    "leave a comment", "comments",   "join the conversation", "get our", "get the latest",
    "download our", "newsletter",
};
// Headings of link lists at the end of an article (lower case).
constexpr std::string_view kListHeadings[] = {
    "related",   "read more",       "read next",         "see also",
    "more ",     "recommended",     "trending",          "most popular",
    "most read", "further reading", "you may also like", "you might also like"};

// Lines that are furniture wherever they stand: ad labels and calls to action (lower case).
constexpr std::string_view kAdLabels[] = {"ad",        "advert",      "advertisement", "advertising", "sponsored",
                                          "anzeige",   "publicidade", "publicidad",    "publicité",   "реклама",
                                          "read more", "subscribe",   "share",         "share this"};
constexpr std::string_view kCallsToAction[] = {"click here",
                                               "continue reading",
                                               "story continues below",
                                               "article continues below",
                                               "sign up for",
                                               "subscribe to",
                                               "tell us what you think",
                                               "get the app",
                                               "download the app",
                                               "follow us on",
                                               "related:",
                                               "read more:",
                                               "read also:",
                                               "see also:",
                                               "also read:",
                                               "more:",
                                               "also on "};
// Lines at the top that carry the byline or the date, not the article.
constexpr std::string_view kMetadataStarts[] = {
    "by ",          "published",        "updated",  "posted",           "last updated",     "last modified",
    "reading time", "tempo de leitura", "lesezeit", "temps de lecture", "tiempo de lectura"};

constexpr std::size_t kShortParagraph = 150;
constexpr std::size_t kListItem = 200;  // characters of a link title with its teaser
constexpr std::size_t kMetadataLine = 80;
constexpr std::size_t kLeadingParagraphs = 3;
constexpr std::size_t kMaxLeadingParagraphs = 6;
constexpr std::size_t kProse = 160;
constexpr std::size_t kListTailParagraphs = 12;
constexpr std::size_t kListHeading = 60;
constexpr std::size_t kTitleLookahead = 3;         // paragraphs where the title may be repeated
constexpr double kRepeatedTitleSimilarity = 0.75;  // Readability's headerDuplicatesTitle

std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Lower-case words: runs of Unicode letters, digits and marks.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    const std::string lower = utf8::lower(text);
    for (Xapian::Utf8Iterator it(lower); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            Xapian::Unicode::append_utf8(word, *it);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool starts_with_any(std::string_view lower, const auto& prefixes) {
    return std::any_of(std::begin(prefixes), std::end(prefixes),
                       [&](std::string_view prefix) { return lower.starts_with(prefix); });
}

bool is_furniture_line(const std::string& paragraph) {
    if (paragraph.size() > kShortParagraph) return false;
    return starts_with_any(utf8::lower(paragraph), kFurnitureStarts);
}

bool is_list_heading(const std::string& paragraph) {
    if (paragraph.size() > kListHeading) return false;
    return starts_with_any(utf8::lower(paragraph), kListHeadings);
}

bool is_ad_or_call_to_action(const std::string& paragraph) {
    if (paragraph.size() > kShortParagraph) return false;
    std::string lower = utf8::lower(paragraph);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == '.' || lower.back() == ' ')) lower.pop_back();
    if (std::find(std::begin(kAdLabels), std::end(kAdLabels), lower) != std::end(kAdLabels)) return true;
    return starts_with_any(lower, kCallsToAction);
}

// "By Jane Doe", "Updated: 18 Nov 2019, 19:11", "Monday, 18 November 2019".
bool is_metadata_line(const std::string& paragraph) {
    if (paragraph.size() > kMetadataLine) return false;
    if (starts_with_any(utf8::lower(paragraph), kMetadataStarts)) return true;
    const bool sentence = paragraph.ends_with('.') || paragraph.ends_with('!') || paragraph.ends_with('?');
    return !sentence && find_date_in_text(paragraph, paragraph.size()).has_value();
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) {
    const auto words_a = words_of(a), words_b = words_of(b);
    if (words_a.empty() || words_b.empty()) return 0;
    const std::set<std::string> in_a(words_a.begin(), words_a.end());
    std::size_t total = 0, missing = 0;
    std::set<std::string> seen;
    for (const auto& word : words_b) {
        total += word.size() + 1;
        if (!in_a.count(word) && seen.insert(word).second) missing += word.size() + 1;
    }
    return 1.0 - static_cast<double>(missing) / static_cast<double>(total);
}

bool same_title(std::string_view a, std::string_view b) {
    constexpr double kSameTitleSimilarity = 0.8;
    return text_similarity(a, b) >= kSameTitleSimilarity && text_similarity(b, a) >= kSameTitleSimilarity;
}

void drop_repeated_title(std::vector<std::string>& paragraphs, std::string_view title) {
    if (title.empty()) return;
    const std::size_t look = std::min(paragraphs.size(), kTitleLookahead);
    for (std::size_t i = 0; i < look; ++i) {
        const std::string& paragraph = paragraphs[i];
        if (paragraph.size() > title.size() * 2 + 20) continue;
        if (text_similarity(title, paragraph) > kRepeatedTitleSimilarity &&
            text_similarity(paragraph, title) > kRepeatedTitleSimilarity) {
            paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
            return;
        }
    }
}

void drop_trailing_boilerplate(std::vector<std::string>& paragraphs) {
    while (!paragraphs.empty() && is_furniture_line(paragraphs.back())) paragraphs.pop_back();
    // A link list: a heading, then only short lines to the end.
    const std::size_t first = paragraphs.size() > kListTailParagraphs ? paragraphs.size() - kListTailParagraphs : 1;
    for (std::size_t i = first; i < paragraphs.size(); ++i) {
        if (!is_list_heading(paragraphs[i])) continue;
        const bool short_tail = std::all_of(paragraphs.begin() + static_cast<std::ptrdiff_t>(i) + 1, paragraphs.end(),
                                            [](const std::string& p) { return characters(p) <= kListItem; });
        if (short_tail) {
            paragraphs.resize(i);
            break;
        }
    }
    while (!paragraphs.empty() && is_furniture_line(paragraphs.back())) paragraphs.pop_back();
}

void drop_furniture_lines(std::vector<std::string>& paragraphs) {
    std::erase_if(paragraphs, [](const std::string& paragraph) { return is_ad_or_call_to_action(paragraph); });
    // The first few paragraphs, or all before the prose starts.
    std::size_t look = 0;
    while (look < paragraphs.size() && look < kMaxLeadingParagraphs && paragraphs[look].size() <= kProse) ++look;
    look = std::min(paragraphs.size(), std::max(look, kLeadingParagraphs));
    for (std::size_t i = 0; i < look;) {
        if (is_metadata_line(paragraphs[i])) {
            paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
            --look;
        } else {
            ++i;
        }
    }
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string text;
    for (const auto& paragraph : paragraphs) {
        if (!text.empty()) text += "\n\n";
        text += paragraph;
    }
    return text;
}

}  // namespace libsearch::ingest::html
