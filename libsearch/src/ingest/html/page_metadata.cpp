#include "ingest/html/page_metadata.hpp"

#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

// Each whitespace-separated word of an attribute, lower case.
std::vector<std::string> keys_of(std::string_view attribute) {
    std::vector<std::string> keys;
    const std::string lower = ascii_lower(attribute);
    std::size_t pos = 0;
    while (pos < lower.size()) {
        const std::size_t start = lower.find_first_not_of(" \t\n\r", pos);
        if (start == std::string::npos) break;
        const std::size_t end = std::min(lower.find_first_of(" \t\n\r", start), lower.size());
        keys.push_back(lower.substr(start, end - start));
        pos = end;
    }
    return keys;
}

bool has_key(std::string_view attribute, std::string_view key) {
    for (const auto& word : keys_of(attribute))
        if (word == key) return true;
    return false;
}

void add_meta(const Document& document, NodeId id, PageMetadata& metadata) {
    const std::string content(trim(document.attribute(id, "content")));
    if (content.empty()) return;
    for (const char* attribute : {"property", "name", "itemprop", "http-equiv"})
        for (auto& key : keys_of(document.attribute(id, attribute)))
            metadata.meta.emplace_back(std::move(key), content);
}

// Microdata on ordinary elements (<time itemprop=datePublished>, <span itemprop=author>).
void add_itemprop(const Document& document, NodeId id, PageMetadata& metadata) {
    std::string value(trim(document.attribute(id, "content")));
    if (value.empty()) value = trim(document.attribute(id, "datetime"));
    constexpr NodeId kSmallSubtree = 64;
    if (value.empty() && document[id].end - id < kSmallSubtree) value = document.text(id);
    if (value.empty() || value.size() > 300) return;
    for (auto& key : keys_of(document.attribute(id, "itemprop"))) metadata.meta.emplace_back(std::move(key), value);
}

void read_element(const Document& document, NodeId id, PageMetadata& metadata) {
    switch (document[id].tag) {
        case GUMBO_TAG_META:
            add_meta(document, id, metadata);
            return;
        case GUMBO_TAG_TITLE:
            if (metadata.title.empty()) metadata.title = document.text(id);
            return;
        case GUMBO_TAG_HTML:
            if (metadata.language.empty()) metadata.language = trim(document.attribute(id, "lang"));
            if (metadata.language.empty()) metadata.language = trim(document.attribute(id, "xml:lang"));
            return;
        case GUMBO_TAG_LINK:
            if (metadata.canonical.empty() && has_key(document.attribute(id, "rel"), "canonical"))
                metadata.canonical = trim(document.attribute(id, "href"));
            return;
        case GUMBO_TAG_A:
            if (has_key(document.attribute(id, "rel"), "author")) {
                std::string name = document.text(id);
                if (!name.empty() && name.size() < 100) metadata.rel_authors.push_back(std::move(name));
            }
            break;
        default:
            break;
    }
    if (document.has_attribute(id, "itemprop")) add_itemprop(document, id, metadata);
}

}  // namespace

std::string_view PageMetadata::get(std::string_view key) const noexcept {
    for (const auto& [name, value] : meta)
        if (name == key && !value.empty()) return value;
    return {};
}

PageMetadata read_page_metadata(const Document& document) {
    PageMetadata metadata;
    for (NodeId id = 1; id < document.size(); ++id)
        if (document.is_element(id)) read_element(document, id, metadata);
    if (metadata.language.empty()) metadata.language = metadata.get("content-language");
    metadata.json_ld = read_json_ld(document);
    return metadata;
}

}  // namespace libsearch::ingest::html
