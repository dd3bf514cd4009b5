// The publication day of a page, and where it was read.

#include <nlohmann/json.hpp>
#include <utility>

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

// Words naming dates that are not the publication's.
constexpr std::string_view kOtherDates[] = {"modif", "update", "expir", "review", "revis",
                                            "birth", "event",  "start", "end"};

// Without the placeholders of systems that need some date: 0001-01-01, the epochs.
std::optional<Date> plausible(std::optional<Date> date) {
    constexpr int kFirstYear = 1700;
    if (!date || date->year < kFirstYear) return std::nullopt;
    if (*date == Date{1970, 1, 1} || *date == Date{1900, 1, 1}) return std::nullopt;
    return date;
}

// A date written on its own (parse_date), if plausible.
std::optional<Date> read_date(std::string_view text) { return plausible(parse_date(text)); }

bool names_other_date(std::string_view name) {
    for (const std::string_view other : kOtherDates)
        if (name.find(other) != std::string_view::npos) return true;
    return false;
}

std::optional<Date> meta_date(const PageMetadata& metadata, std::string_view key) {
    for (const auto& [name, value] : metadata.meta)
        if (name == key)
            if (auto date = read_date(value)) return date;
    return std::nullopt;
}

// A meta tag of another name that says it holds the publication date ("sn-post-date").
std::optional<std::pair<Date, std::string>> other_meta_date(const PageMetadata& metadata) {
    for (const auto& [name, value] : metadata.meta) {
        const bool dated = name.find("publish") != std::string::npos || name.ends_with("date");
        if (!dated || names_other_date(name)) continue;
        if (auto date = read_date(value)) return std::pair{*date, name};
    }
    return std::nullopt;
}

// parse.ly's JSON in <meta name="parsely-page" content='{"pub_date": ...}'>.
std::optional<Date> parsely_page_date(const PageMetadata& metadata) {
    const std::string_view content = metadata.get("parsely-page");
    if (content.empty()) return std::nullopt;
    const auto json = nlohmann::json::parse(content, nullptr, false);
    if (!json.is_object() || !json.contains("pub_date") || !json["pub_date"].is_string()) return std::nullopt;
    return read_date(json["pub_date"].get<std::string>());
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
        const std::string_view datetime = trim(document.attribute(id, "datetime"));
        const auto date = read_date(datetime.empty() ? std::string_view(document.text(id)) : datetime);
        const int rank = time_rank(document, id);
        if (date && rank > best_rank) {
            best = date;
            best_rank = rank;
        }
    }
    return best;
}

// A short element whose class or id says it holds the date ("article-publish-date").
std::optional<Date> marked_element_date(const Document& document) {
    constexpr NodeId kSmallSubtree = 16;
    constexpr std::size_t kMaxDateText = 100;
    for (NodeId id = 1; id < document.size(); ++id) {
        if (!document.is_element(id) || document[id].end - id > kSmallSubtree) continue;
        const GumboTag tag = document[id].tag;
        if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_TIME) continue;
        const std::string names = document.class_and_id(id);
        const bool dated = names.find("publish") != std::string::npos || names.find("date") != std::string::npos ||
                           names.find("timestamp") != std::string::npos;
        if (!dated || names_other_date(names) || in_furniture(document, id)) continue;
        const std::string text = document.text(id);
        if (text.empty() || text.size() > kMaxDateText) continue;
        if (auto date = read_date(text)) return date;
        if (auto date = plausible(find_date_in_text(text, text.size()))) return date;
    }
    return std::nullopt;
}

}  // namespace

DateChoice choose_date(const Document& document, const PageMetadata& metadata, std::string_view url,
                       std::string_view lead) {
    // An article's structured data is the most careful statement of its date.
    for (const auto& value : metadata.json_ld.dates_published)
        if (auto date = read_date(value)) return {date, "json-ld"};
    if (auto date = meta_date(metadata, "article:published_time")) return {date, "article:published_time"};
    for (const std::string_view key : kDateKeys)
        if (auto date = meta_date(metadata, key)) return {date, std::string(key)};
    if (auto date = parsely_page_date(metadata)) return {date, "parsely-page"};
    for (const auto& value : metadata.json_ld.other_dates)
        if (auto date = read_date(value)) return {date, "json-ld"};
    if (auto found = other_meta_date(metadata)) return {found->first, std::move(found->second)};
    if (auto date = time_element_date(document)) return {date, "time"};
    if (auto date = plausible(date_from_url(url))) return {date, "url"};
    if (auto date = marked_element_date(document)) return {date, "date-element"};
    if (auto date = plausible(find_date_in_text(lead))) return {date, "dateline"};
    return {};
}

}  // namespace libsearch::ingest::html
