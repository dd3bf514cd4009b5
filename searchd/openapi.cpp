#include "openapi.hpp"

#include "export_params.hpp"

namespace searchd {

namespace {

Json parameters(const std::vector<ParamSpec>& specs) {
    Json list = Json::array();
    for (const auto& spec : specs) {
        Json schema{{"type", spec.type}};
        if (!spec.choices.empty()) {
            Json values = Json::array();
            for (const auto& choice : spec.choices)
                values.push_back(spec.type == "integer" ? Json(std::stol(choice)) : Json(choice));
            schema["enum"] = values;
        }
        if (spec.minimum || spec.maximum) {
            schema["minimum"] = spec.minimum;
            schema["maximum"] = spec.maximum;
        }
        if (!spec.default_value.empty())
            schema["default"] = spec.type == "integer" ? Json(std::stol(spec.default_value)) : Json(spec.default_value);
        if (spec.repeatable) schema = {{"type", "array"}, {"items", schema}};
        Json param{{"name", spec.name}, {"in", "query"}, {"required", spec.required},
                   {"description", spec.description}, {"schema", schema}};
        if (spec.repeatable) {
            param["style"] = "form";
            param["explode"] = true;
        }
        list.push_back(std::move(param));
    }
    return list;
}

Json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

Json json_response(const std::string& description, const std::string& schema) {
    return {{"description", description}, {"content", {{"application/json", {{"schema", ref(schema)}}}}}};
}

Json errors() {
    return {{"400", json_response("Bad parameter or query", "Error")},
            {"404", json_response("Not found", "Error")},
            {"503", json_response("Index unavailable", "Error")}};
}

Json get(const std::string& summary, Json params, Json ok) {
    Json responses = errors();
    responses["200"] = std::move(ok);
    return {{"get", {{"summary", summary}, {"parameters", std::move(params)}, {"responses", std::move(responses)}}}};
}

Json string_array() { return {{"type", "array"}, {"items", {{"type", "string"}}}}; }
Json nullable_string() { return {{"type", "string"}, {"nullable", true}}; }

Json schemas() {
    const Json facet_list = {{"type", "array"}, {"items", ref("FacetValue")}};
    return {
        {"Error",
         {{"type", "object"},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}}},
                {"parameter", {{"type", "string"}}},
                {"position", {{"type", "integer"}}},
                {"shards", string_array()}}}}}}}}},
        {"FacetValue",
         {{"type", "object"}, {"properties", {{"value", {{"type", "string"}}}, {"count", {{"type", "integer"}}}}}}},
        {"Hit",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "string"}}}, {"title", {{"type", "string"}}}, {"title_html", {{"type", "string"}}},
            {"url", {{"type", "string"}}}, {"categories", string_array()}, {"date", nullable_string()},
            {"author", {{"type", "string"}}}, {"snippet", {{"type", "string"}}}, {"score", {{"type", "number"}}},
            {"version_group", {{"type", "string"}}}, {"versions", {{"type", "integer"}}}}}}},
        {"SearchResponse",
         {{"type", "object"},
          {"properties",
           {{"query", {{"type", "string"}}},
            {"total", {{"type", "integer"}}},
            {"total_exact", {{"type", "boolean"}}},
            {"page", {{"type", "integer"}}},
            {"size", {{"type", "integer"}}},
            {"took_ms", {{"type", "number"}}},
            {"hits", {{"type", "array"}, {"items", ref("Hit")}}},
            {"facets",
             {{"type", "object"},
              {"properties", {{"category", facet_list}, {"year", facet_list}, {"month", facet_list}}}}},
            {"facets_exact", {{"type", "boolean"}}},
            {"suggestion", nullable_string()},
            {"warnings", string_array()}}}}},
        {"Timeline",
         {{"type", "object"},
          {"properties",
           {{"interval", {{"type", "string"}, {"enum", {"month", "year"}}}},
            {"periods", string_array()},
            {"articles", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
            {"series",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"q", {{"type", "string"}}},
                  {"total", {{"type", "integer"}}},
                  {"undated", {{"type", "integer"}}},
                  {"counts", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
                  {"shares", {{"type", "array"}, {"items", {{"type", "number"}}}}}}}}}}},
            {"exact", {{"type", "boolean"}}},
            {"warnings", string_array()}}}}},
        {"Kwic",
         {{"type", "object"},
          {"properties",
           {{"query", {{"type", "string"}}},
            {"phrase", {{"type", "string"}}},
            {"stem", {{"type", "boolean"}}},
            {"width", {{"type", "integer"}}},
            {"offset", {{"type", "integer"}}},
            {"limit", {{"type", "integer"}}},
            {"lines",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"id", {{"type", "string"}}},
                  {"title", {{"type", "string"}}},
                  {"url", {{"type", "string"}}},
                  {"date", nullable_string()},
                  {"left", {{"type", "string"}}},
                  {"match", {{"type", "string"}}},
                  {"right", {{"type", "string"}}}}}}}}},
            {"total", {{"type", "integer"}}},
            {"complete", {{"type", "boolean"}}},
            {"articles", {{"type", "integer"}}},
            {"articles_scanned", {{"type", "integer"}}},
            {"next_offset", {{"type", "integer"}, {"nullable", true}}},
            {"warnings", string_array()}}}}},
        {"Article",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "string"}}}, {"title", {{"type", "string"}}}, {"title_html", {{"type", "string"}}},
            {"url", {{"type", "string"}}}, {"other_urls", string_array()}, {"categories", string_array()},
            {"date", nullable_string()}, {"date_source", nullable_string()}, {"author", {{"type", "string"}}},
            {"language", {{"type", "string"}}}, {"places", string_array()}, {"source", {{"type", "string"}}},
            {"body", {{"type", "string"}}}, {"body_html", {{"type", "string"}}}, {"citation", ref("Citation")}}}}},
        {"Citation",
         {{"type", "object"},
          {"properties",
           {{"title", {{"type", "string"}}}, {"site", {{"type", "string"}}}, {"date", {{"type", "string"}}},
            {"url", {{"type", "string"}}}, {"text", {{"type", "string"}}}}}}},
        {"Similar",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "string"}}},
            {"similar",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"id", {{"type", "string"}}}, {"title", {{"type", "string"}}}, {"url", {{"type", "string"}}},
                  {"date", nullable_string()}, {"categories", string_array()},
                  {"score", {{"type", "number"}}}}}}}}}}}}},
        {"Suggestions",
         {{"type", "object"},
          {"properties",
           {{"query", {{"type", "string"}}},
            {"suggestions",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"text", {{"type", "string"}}},
                  {"kind", {{"type", "string"}, {"enum", {"term", "title"}}}},
                  {"id", {{"type", "string"}}}}}}}}}}}}},
        {"Health",
         {{"type", "object"},
          {"properties",
           {{"status", {{"type", "string"}}}, {"documents", {{"type", "integer"}}}, {"last_commit", nullable_string()}}}}},
    };
}

Json build() {
    Json doc_params_json = parameters(doc_params());
    doc_params_json.insert(doc_params_json.begin(), Json{{"name", "id"}, {"in", "path"}, {"required", true},
                                                         {"description", "Article id"}, {"schema", {{"type", "string"}}}});
    Json similar_params_json = parameters(similar_params());
    similar_params_json.insert(similar_params_json.begin(),
                               Json{{"name", "id"}, {"in", "path"}, {"required", true},
                                    {"description", "Article id"}, {"schema", {{"type", "string"}}}});
    Json paths{
        {"/api/search", get("Ranked, filtered, faceted search", parameters(search_params()),
                            json_response("Results", "SearchResponse"))},
        {"/api/timeline", get("Matches per month or year for up to 4 queries, and the archive's articles per period",
                              parameters(timeline_params()), json_response("Counts per period", "Timeline"))},
        {"/api/kwic", get("Every occurrence of a word or phrase, one line each with words of context either side",
                          parameters(kwic_params()), json_response("Lines in context", "Kwic"))},
        {"/api/doc/{id}", get("One article, with the matches of q marked", doc_params_json,
                              json_response("The article", "Article"))},
        {"/api/doc/{id}/similar", get("The articles most similar to one article, best first", similar_params_json,
                                      json_response("Similar articles", "Similar"))},
        {"/api/suggest", get("Completions for text being typed", parameters(suggest_params()),
                             json_response("Completions", "Suggestions"))},
        {"/healthz", get("Whether the index is open, and its size", Json::array(), json_response("Health", "Health"))},
        {"/metrics",
         get("Prometheus metrics", Json::array(),
             {{"description", "Metrics"}, {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}})},
        {"/openapi.json", get("This document", Json::array(),
                              {{"description", "OpenAPI 3.0 document"},
                               {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}})},
    };
    paths["/api/export"] = get(
        "Every match of a query (up to a cap), streamed as CSV or JSON Lines, as a download", parameters(export_params()),
        {{"description", "Columns id, title, date, categories, author, url, language, snippet"},
         {"content",
          {{"text/csv", {{"schema", {{"type", "string"}}}}}, {"application/x-ndjson", {{"schema", {{"type", "string"}}}}}}}});
    paths["/feeds/search.atom"] =
        get("The newest dated matches of a query as an Atom 1.0 feed", parameters(feed_params()),
            {{"description", "Atom feed"}, {"content", {{"application/atom+xml", {{"schema", {{"type", "string"}}}}}}}});
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "searchd"}, {"version", "0.1.0"},
                      {"description", "Search a news archive indexed by libsearch. See searchd/API.md."}}},
            {"paths", std::move(paths)},
            {"components", {{"schemas", schemas()}}}};
}

}  // namespace

const Json& openapi_document() {
    static const Json document = build();
    return document;
}

}  // namespace searchd
