#include "api_json.hpp"

namespace searchd {

namespace {

Json date_json(const std::optional<libsearch::Date>& date) { return date ? Json(date->iso()) : Json(nullptr); }

Json facet_json(const std::vector<libsearch::FacetValue>& values) {
    Json out = Json::array();
    for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
    return out;
}

Json hit_json(const libsearch::Hit& hit) {
    Json j{{"id", hit.id},
           {"title", hit.title},
           {"title_html", hit.title_html},
           {"url", hit.url},
           {"categories", hit.categories},
           {"date", date_json(hit.date)},
           {"author", hit.author},
           {"snippet", hit.snippet},
           {"score", hit.score}};
    if (!hit.version_group.empty()) j["version_group"] = hit.version_group;
    if (hit.versions) j["versions"] = hit.versions;
    return j;
}

}  // namespace

Json search_json(const std::string& query, const Paging& paging, const libsearch::SearchResponse& r) {
    Json hits = Json::array();
    for (const auto& hit : r.hits) hits.push_back(hit_json(hit));
    return {{"query", query},
            {"total", r.total.estimated},
            {"total_exact", r.total.exact()},
            {"page", paging.page},
            {"size", paging.size},
            {"took_ms", r.elapsed_ms},
            {"hits", std::move(hits)},
            {"facets",
             {{"category", facet_json(r.facets.category)},
              {"year", facet_json(r.facets.year)},
              {"month", facet_json(r.facets.month)}}},
            {"facets_exact", r.facets.exact},
            {"suggestion", r.suggestion.empty() ? Json(nullptr) : Json(r.suggestion)},
            {"warnings", r.warnings}};
}

Json article_json(const libsearch::HighlightedArticle& view) {
    const auto& a = view.article;
    const auto source = libsearch::date_source_name(a.date_source);
    return {{"id", a.id},
            {"title", a.title},
            {"title_html", view.title_html},
            {"url", a.url},
            {"other_urls", a.other_urls},
            {"categories", a.categories},
            {"date", date_json(a.date)},
            {"date_source", source.empty() ? Json(nullptr) : Json(source)},
            {"author", a.author},
            {"language", a.language},
            {"places", a.places},
            {"source", a.source},
            {"body", a.body},
            {"body_html", view.body_html},
            {"citation", citation_json(a)}};
}

Json timeline_json(const libsearch::Timeline& t) {
    Json series = Json::array();
    for (const auto& s : t.series)
        series.push_back(
            {{"q", s.query}, {"total", s.total}, {"undated", s.undated}, {"counts", s.counts}, {"shares", s.shares}});
    return {{"interval", t.interval == libsearch::TimelineInterval::year ? "year" : "month"},
            {"periods", t.periods},
            {"articles", t.articles},
            {"series", std::move(series)},
            {"exact", t.exact},
            {"warnings", t.warnings}};
}

Json kwic_json(const std::string& query, const libsearch::KwicRequest& request, const libsearch::Kwic& kwic) {
    Json lines = Json::array();
    for (const auto& line : kwic.lines)
        lines.push_back({{"id", line.id},
                         {"title", line.title},
                         {"url", line.url},
                         {"date", date_json(line.date)},
                         {"left", line.left},
                         {"match", line.match},
                         {"right", line.right}});
    return {{"query", query},
            {"phrase", kwic.phrase},
            {"stem", request.stem},
            {"width", request.width},
            {"offset", request.offset},
            {"limit", request.limit},
            {"lines", std::move(lines)},
            {"total", kwic.total},
            {"complete", kwic.complete},
            {"articles", kwic.articles},
            {"articles_scanned", kwic.articles_scanned},
            {"next_offset", kwic.next_offset ? Json(*kwic.next_offset) : Json(nullptr)},
            {"warnings", kwic.warnings}};
}

Json suggest_json(const std::string& query, const std::vector<libsearch::Suggestion>& suggestions) {
    Json list = Json::array();
    for (const auto& s : suggestions) {
        Json entry{{"text", s.text}, {"kind", s.kind == libsearch::Suggestion::Kind::title ? "title" : "term"}};
        if (!s.id.empty()) entry["id"] = s.id;
        list.push_back(std::move(entry));
    }
    return {{"query", query}, {"suggestions", std::move(list)}};
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

Json similar_json(const std::string& id, const std::vector<libsearch::SimilarArticle>& similar) {
    Json list = Json::array();
    for (const auto& s : similar)
        list.push_back({{"id", s.id},
                        {"title", s.title},
                        {"url", s.url},
                        {"date", date_json(s.date)},
                        {"categories", s.categories},
                        {"score", s.score}});
    return {{"id", id}, {"similar", std::move(list)}};
}

Json citation_json(const libsearch::Article& article) {
    const libsearch::Citation c = libsearch::cite(article);
    return {{"title", c.title}, {"site", c.site}, {"date", c.date}, {"url", c.url}, {"text", c.text}};
}

}  // namespace searchd
