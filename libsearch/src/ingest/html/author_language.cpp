// The author's name(s) and the page's language.

#include <algorithm>

#include "ingest/formats/date_words.hpp"
#include "ingest/html/boilerplate.hpp"
#include "ingest/html/html_metadata.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr std::size_t kMaxAuthorBytes = 100;

// Without trailing separators: "Jane Roe —", "Jane Roe,".
std::string_view trim_punctuation(std::string_view text) {
    static constexpr std::string_view kTrailing[] = {",", "-", "|", ":", "\u2014", "\u2013", "\u2022", "\u00B7"};
    text = trim(text);
    for (bool cut = true; cut && !text.empty();) {
        cut = false;
        for (const std::string_view mark : kTrailing) {
            if (text.ends_with(mark)) {
                text = trim(text.substr(0, text.size() - mark.size()));
                cut = true;
            }
        }
    }
    return text;
}

bool is_url(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//") ||
           text.starts_with("www.");
}

// Where a byline goes on from the name to other things.
constexpr std::string_view kNameEnds[] = {" — ", " – ", " - ", " | ", " • ", " · ", " @", "\n"};
// "By" in the languages of the archive.
constexpr std::string_view kByWords[] = {"by", "por", "par", "von", "di", "door", "av", "af"};

// The words of a byline before its date ("Jane Roe May 20, 2019 11:00 PM").
std::string words_before_date(std::string_view text) {
    text = text.substr(0, std::min(text.find_first_of("0123456789"), text.size()));
    std::vector<std::string_view> words;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find(' ', pos), text.size());
        if (end > pos) words.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    const auto is_filler = [](std::string_view word) {
        word = trim_punctuation(word);
        return word.empty() || month_from_word(word) || is_weekday_word(word);
    };
    while (!words.empty() && is_filler(words.back())) words.pop_back();
    std::string name;
    for (const auto word : words) name += (name.empty() ? "" : " ") + std::string(word);
    return std::string(trim_punctuation(name));
}

// A label where a name was expected ("Last Updated", "Posted").
bool is_label(std::string_view name) {
    static constexpr std::string_view kLabels[] = {"updated", "last updated", "published", "posted", "share"};
    const std::string lower = ascii_lower(name);
    return std::any_of(std::begin(kLabels), std::end(kLabels), [&](std::string_view label) { return lower == label; });
}

// A name as pages write it: without "By ", a date, a handle; not a URL.
std::string clean_name(std::string_view text) {
    std::string name = collapse_whitespace(text);
    for (const std::string_view end : kNameEnds) name = name.substr(0, name.find(end));
    for (const std::string_view by : kByWords) {
        if (name.size() > by.size() && iequals(std::string_view(name).substr(0, by.size()), by) &&
            (name[by.size()] == ' ' || name[by.size()] == ':')) {
            name.erase(0, by.size() + 1);
            break;
        }
    }
    name = words_before_date(trim(name));
    if (name.empty() || name.size() > kMaxAuthorBytes || is_url(name) || is_label(name)) return {};
    return name;
}

std::string join_names(const std::vector<std::string>& names) {
    std::vector<std::string> unique;
    for (const auto& one : names) {
        std::string name = clean_name(one);
        if (!name.empty() && std::find(unique.begin(), unique.end(), name) == unique.end())
            unique.push_back(std::move(name));
    }
    std::string joined;
    for (const auto& name : unique) {
        if (!joined.empty()) joined += ", ";
        joined += name;
    }
    return joined;
}

bool in_furniture(const Document& document, NodeId id) {
    for (NodeId up = document[id].parent; up != kNoNode && up != Document::root(); up = document[up].parent) {
        const GumboTag tag = document[up].tag;
        if (tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_FORM)
            return true;
        if (is_unlikely_candidate(document, up)) return true;  // comments, related articles
    }
    return false;
}

// The first short element marked as a byline, outside the page furniture.
std::string byline_text(const Document& document) {
    constexpr NodeId kLine = 40;  // nodes: more is a container, not a line
    for (NodeId id = 1; id < document.size(); ++id) {
        const GumboTag tag = document[id].tag;
        if (!document.is_element(id) || tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_BODY)
            continue;
        if (document[id].end - id > kLine || !is_byline(document, id) || in_furniture(document, id)) continue;
        std::string name = clean_name(document.text(id));
        if (!name.empty()) return name;
    }
    return {};
}

}  // namespace

std::string choose_author(const Document& document, const PageMetadata& metadata) {
    if (std::string names = join_names(metadata.json_ld.authors); !names.empty()) return names;
    for (const char* key : {"dc:creator", "dc.creator", "dcterms:creator", "dcterms.creator", "author",
                            "article:author", "parsely-author", "sailthru.author", "byl"}) {
        std::string name = clean_name(metadata.get(key));
        if (!name.empty()) return name;
    }
    if (std::string names = join_names(metadata.rel_authors); !names.empty()) return names;
    return byline_text(document);
}

std::string choose_language(const PageMetadata& metadata) {
    for (const std::string_view value : {std::string_view(metadata.language), metadata.get("og:locale"),
                                         std::string_view(metadata.json_ld.language)}) {
        std::string code = ascii_lower(trim(value));
        code = code.substr(0, code.find_first_of("-_"));
        if (code.size() >= 2 && code.size() <= 3 &&
            std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            return code;
    }
    return {};
}

}  // namespace libsearch::ingest::html
