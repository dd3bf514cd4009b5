// The publication day of a page, and where it was read.

#include <nlohmann/json.hpp>

#include "ingest/html/html_metadata.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest/dates.hpp"

namespace libsearch::ingest::html {

namespace {

// Meta keys of the publication date after article:published_time (lower case).
constexpr std::string_view kDateKeys[] = {"og:article:published_time",
                                          "article:published",
                                          "og:published_time",
                                          "published_time",
                                          "datepublished",
                                          "article.published",
                                          "publishdate",
                                          "publish-date",
                                          "publish_date",
                                          "pubdate",
                                          "date",
                                          "dc.date",
                                          "dc.date.issued",
                                          "dcterms.date",
                                          "dcterms.issued",
                                          "dc.date.created",
                                          "dcterms.created",
                                          "sailthru.date",
                                          "parsely-pub-date",
                                          "citation_publication_date",
                                          "citation_date",
                                          "originalpublicationdate",
                                          "rnews:datepublished",
                                          "pub_date",
                                          "publication_date",
                                          "datecreated",
                                          "article_date_original",
                                          "cxenseparse:recs:publishtime"};

// parse.ly's JSON in <meta name="parsely-page" content='{"pub_date": ...}'>.
std::optional<Date> parsely_page_date(const PageMetadata& metadata) {
    const std::string_view content = metadata.get("parsely-page");
    if (content.empty()) return std::nullopt;
    const auto json = nlohmann::json::parse(content, nullptr, false);
    if (!json.is_object() || !json.contains("pub_date") || !json["pub_date"].is_string()) return std::nullopt;
    return parse_date(json["pub_date"].get<std::string>());
}

bool inside(const Document& document, NodeId id, GumboTag tag) {
    for (NodeId up = document[id].parent; up != kNoNode && up != Document::root(); up = document[up].parent)
        if (document[up].tag == tag) return true;
    return false;
}

// Page furniture where dates of other articles are listed.
bool in_furniture(const Document& document, NodeId id) {
    return inside(document, id, GUMBO_TAG_NAV) || inside(document, id, GUMBO_TAG_ASIDE) ||
           inside(document, id, GUMBO_TAG_FOOTER);
}

// How surely a <time> dates the article: 2 marked as publication, 1 inside the article, 0 elsewhere.
int time_rank(const Document& document, NodeId id) {
    const std::string names = document.class_and_id(id) + " " + ascii_lower(document.attribute(id, "itemprop"));
    if (document.has_attribute(id, "pubdate") || names.find("datepublished") != std::string::npos ||
        names.find("publish") != std::string::npos || names.find("posted") != std::string::npos)
        return 2;
    return inside(document, id, GUMBO_TAG_ARTICLE) || inside(document, id, GUMBO_TAG_MAIN) ? 1 : 0;
}

std::optional<Date> time_element_date(const Document& document) {
    std::optional<Date> best;
    int best_rank = -1;
    for (NodeId id = document.find(GUMBO_TAG_TIME); id != kNoNode; id = document.find(GUMBO_TAG_TIME, id + 1)) {
        if (in_furniture(document, id)) continue;
        std::string_view value = trim(document.attribute(id, "datetime"));
        const std::string text = value.empty() ? document.text(id) : std::string();
        const auto date = parse_date(value.empty() ? std::string_view(text) : value);
        const int rank = time_rank(document, id);
        if (date && rank > best_rank) {
            best = date;
            best_rank = rank;
        }
    }
    return best;
}

}  // namespace

DateChoice choose_date(const Document& document, const PageMetadata& metadata, std::string_view url,
                       std::string_view lead) {
    const auto from_meta = [&](std::string_view key) -> std::optional<Date> {
        for (const auto& [name, value] : metadata.meta)
            if (name == key)
                if (auto date = parse_date(value)) return date;
        return std::nullopt;
    };
    // An article's structured data is the most careful statement of its date.
    for (const auto& value : metadata.json_ld.dates_published)
        if (auto date = parse_date(value)) return {date, "json-ld"};
    if (auto date = from_meta("article:published_time")) return {date, "article:published_time"};
    for (const std::string_view key : kDateKeys)
        if (auto date = from_meta(key)) return {date, std::string(key)};
    if (auto date = parsely_page_date(metadata)) return {date, "parsely-page"};
    for (const auto& value : metadata.json_ld.other_dates)
        if (auto date = parse_date(value)) return {date, "json-ld"};
    if (auto date = time_element_date(document)) return {date, "time"};
    if (auto date = date_from_url(url)) return {date, "url"};
    if (auto date = find_date_in_text(lead)) return {date, "dateline"};
    return {};
}

}  // namespace libsearch::ingest::html
