#pragma once
// The routes of searchd: the JSON API, health, metrics, OpenAPI and the page.

#include "metrics.hpp"
#include "request_params.hpp"
#include "search_slots.hpp"
#include "searcher_pool.hpp"
#include "static_files.hpp"

namespace httplib {
class Server;
}

namespace searchd {

/// What every handler needs. Outlives the server.
struct Context {
    SearcherPool& searchers;
    /// Taken by every route that runs a search (not health, metrics or files).
    SearchSlots& slots;
    const StaticFiles& files;
    Metrics& metrics;
    RequestLimits limits;
    /// The server's address as the world sees it ("https://news.example.org"),
    /// for the absolute URLs of feeds; empty: from the request's Host header.
    std::string public_url;
};

/// Register every route on `server`.
void add_routes(httplib::Server& server, Context& context);

/// The metrics label of a request path ("/api/search", "/api/doc", "static", ...).
std::string route_label(const std::string& path);

/// Seconds since an ISO 8601 UTC time ("2026-11-28T08:00:00Z"); < 0 when unreadable.
double seconds_since(const std::string& iso_utc);

}  // namespace searchd
