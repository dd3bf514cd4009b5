#include "routes.hpp"

#include <httplib.h>

#include <ctime>

#include "api_json.hpp"
#include "export_routes.hpp"
#include "http_errors.hpp"
#include "openapi.hpp"

namespace searchd {

namespace {

void send_json(httplib::Response& response, const Json& json) {
    response.set_header("Cache-Control", "no-store");
    response.set_content(dump(json), "application/json");
}

// Every handler's errors become JSON answers here; nothing escapes to httplib.
template <typename Handler>
httplib::Server::Handler guarded(Handler handler) {
    return [handler](const httplib::Request& request, httplib::Response& response) {
        try {
            handler(request, response);
        } catch (...) {
            set_error_from(response, std::current_exception());
        }
    };
}

void search(libsearch::Searcher& searcher, Context& c, const httplib::Request& request, httplib::Response& response) {
    const libsearch::SearchRequest search_request = decode_search(request.params, c.limits);
    const Paging paging = decode_paging(request.params);
    const auto result = searcher.search(search_request);
    send_json(response, search_json(search_request.query, paging, result));
}

void timeline(libsearch::Searcher& searcher, Context& c, const httplib::Request& request, httplib::Response& response) {
    const auto timeline_request = decode_timeline(request.params, c.limits);
    send_json(response, timeline_json(searcher.timeline(timeline_request)));
}

void kwic(libsearch::Searcher& searcher, Context& c, const httplib::Request& request, httplib::Response& response) {
    const auto kwic_request = decode_kwic(request.params, c.limits);
    send_json(response, kwic_json(kwic_request.query, kwic_request, searcher.kwic(kwic_request)));
}

void document(libsearch::Searcher& searcher, Context& c, const httplib::Request& request, httplib::Response& response) {
    check_known(request.params, doc_params());
    const std::string query = value_of(request.params, "q");
    if (query.size() > c.limits.max_query_bytes) throw BadParameter("q", "is too long");
    const auto view = searcher.highlighted_article(request.matches[1], query);
    if (!view) return set_error(response, 404, "not_found", "no article with id '" + std::string(request.matches[1]) + "'");
    send_json(response, article_json(*view));
}

void similar(libsearch::Searcher& searcher, Context& c, const httplib::Request& request, httplib::Response& response) {
    const std::string id = request.matches[1];
    const auto similar_request = decode_similar(id, request.params, c.limits);
    const auto found = searcher.similar(similar_request);
    if (!found) return set_error(response, 404, "not_found", "no article with id '" + id + "'");
    send_json(response, similar_json(id, *found));
}

void suggest(libsearch::Searcher& searcher, Context& c, const httplib::Request& request, httplib::Response& response) {
    check_known(request.params, suggest_params());
    const std::string query = value_of(request.params, "q");
    if (query.size() > c.limits.max_query_bytes) throw BadParameter("q", "is too long");
    send_json(response, suggest_json(query, searcher.suggest(query, 5)));
}

void health(Context& c, const httplib::Request&, httplib::Response& response) {
    auto& searcher = c.searchers.local();
    const std::string last_commit = searcher.last_commit();
    send_json(response, {{"status", "ok"},
                         {"documents", searcher.size()},
                         {"last_commit", last_commit.empty() ? Json(nullptr) : Json(last_commit)}});
}

void metrics(Context& c, const httplib::Request&, httplib::Response& response) {
    auto& searcher = c.searchers.local();
    response.set_header("Cache-Control", "no-store");
    const SearchSlots::Load load = c.slots.load();
    response.set_content(c.metrics.render({.documents = searcher.size(),
                                           .index_age_seconds = seconds_since(searcher.last_commit()),
                                           .search_slots = c.slots.size(),
                                           .searches_running = load.running,
                                           .searches_queued = load.queued}),
                         "text/plain; version=0.0.4; charset=utf-8");
}

// A route that runs a search waits for a slot (search_slots.hpp) first, and
// searches with the slot's Searcher. An export's stream runs after the
// handler returns, without a slot: the export searches with its thread's
// own Searcher, its first search (which answers a bad query with a 400)
// while it holds the slot.
template <typename Route>
httplib::Server::Handler searching(Context& c, Route route) {
    return guarded([&c, route](const httplib::Request& request, httplib::Response& response) {
        const SearchSlots::Slot slot = c.slots.take();
        route(c.searchers.for_slot(slot.number()), c, request, response);
    });
}

void method_not_allowed(const httplib::Request& request, httplib::Response& response) {
    response.set_header("Allow", "GET, HEAD");
    set_error(response, 405, "method_not_allowed", request.method + " is not allowed; use GET");
}

}  // namespace

double seconds_since(const std::string& iso_utc) {
    std::tm tm{};
    if (iso_utc.empty() || !strptime(iso_utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return -1;
    return std::difftime(std::time(nullptr), timegm(&tm));
}

std::string route_label(const std::string& path) {
    for (const char* route : {"/api/search", "/api/timeline", "/api/kwic", "/api/suggest", "/healthz", "/metrics", "/openapi.json"})
        if (path == route) return route;
    if (path.rfind("/api/doc/", 0) == 0 && path.size() > 17 && path.ends_with("/similar")) return "/api/doc/similar";
    if (path == "/api/export" || path == "/feeds/search.atom") return path;
    if (path.rfind("/api/doc/", 0) == 0) return "/api/doc";
    if (path.rfind("/api/", 0) == 0) return "/api/other";
    return "static";
}

void add_routes(httplib::Server& server, Context& c) {
    server.Get("/api/search", searching(c, search));
    server.Get("/api/timeline", searching(c, timeline));
    // Before the document route, whose (.+) would take "ID/similar" as an id.
    server.Get(R"(/api/doc/(.+)/similar)", searching(c, similar));
    server.Get("/api/kwic", searching(c, kwic));
    server.Get(R"(/api/doc/(.+))", searching(c, document));
    server.Get("/api/suggest", searching(c, suggest));
    server.Get("/healthz", guarded([&c](const auto& q, auto& r) { health(c, q, r); }));
    server.Get("/metrics", guarded([&c](const auto& q, auto& r) { metrics(c, q, r); }));
    server.Get("/openapi.json", guarded([](const auto&, auto& r) { send_json(r, openapi_document()); }));
    server.Get("/api/export", searching(c, [](libsearch::Searcher&, Context& c, const auto& q, auto& r) {
                   export_matches(c, q, r);  // with its thread's Searcher (see searching)
               }));
    server.Get("/feeds/search.atom", searching(c, search_feed));
    server.Get(R"(/api(/.*)?)", guarded([](const auto& q, auto& r) {
        set_error(r, 404, "not_found", "no API route " + q.path);
    }));
    server.Get(R"(.*)", guarded([&c](const auto& q, auto& r) {
        if (!c.files.serve(q, r)) set_error(r, 404, "not_found", "no such page: " + q.path);
    }));
    const httplib::Server::Handler not_allowed = method_not_allowed;
    server.Post(R"(.*)", not_allowed);
    server.Put(R"(.*)", not_allowed);
    server.Patch(R"(.*)", not_allowed);
    server.Delete(R"(.*)", not_allowed);
    server.Options(R"(.*)", not_allowed);
}

}  // namespace searchd
