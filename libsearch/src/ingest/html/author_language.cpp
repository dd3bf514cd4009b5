// The author's name(s) and the page's language.

#include <algorithm>

#include "ingest/html/boilerplate.hpp"
#include "ingest/html/html_metadata.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr std::size_t kMaxAuthorBytes = 100;

bool is_url(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//") ||
           text.starts_with("www.");
}

// A name as pages write it: without "By ", not a URL, one line.
std::string clean_name(std::string_view text) {
    std::string name = collapse_whitespace(text);
    for (const std::string_view prefix : {"by ", "By ", "BY "})
        if (name.starts_with(prefix)) name.erase(0, prefix.size());
    name = std::string(trim(name));
    if (name.empty() || name.size() > kMaxAuthorBytes || is_url(name)) return {};
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

// The first short element marked as a byline.
std::string byline_text(const Document& document) {
    for (NodeId id = 1; id < document.size(); ++id) {
        if (!document.is_element(id) || !is_byline(document, id) || document[id].tag == GUMBO_TAG_META ||
            document[id].tag == GUMBO_TAG_LINK || document[id].tag == GUMBO_TAG_BODY)
            continue;
        if (document[id].end - id > 40) continue;  // a container, not a line
        std::string name = clean_name(document.text(id));
        if (!name.empty()) return name;
    }
    return {};
}

}  // namespace

std::string choose_author(const Document& document, const PageMetadata& metadata) {
    for (const char* key :
         {"author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl"}) {
        std::string name = clean_name(metadata.get(key));
        if (!name.empty()) return name;
    }
    if (std::string names = join_names(metadata.json_ld.authors); !names.empty()) return names;
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
