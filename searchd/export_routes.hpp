#pragma once
// GET /api/export (every match as CSV or JSON Lines, streamed) and
// GET /feeds/search.atom (a saved search as an Atom feed).

#include "routes.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace searchd {

/// GET /api/export. Errors in the request are thrown (BadParameter,
/// libsearch errors) before anything is sent; the rows are streamed, after
/// the handler returns, with the thread's own Searcher (c.searchers.local()).
void export_matches(Context& c, const httplib::Request& request, httplib::Response& response);

/// GET /feeds/search.atom, searched with `searcher` (its search slot's).
void search_feed(libsearch::Searcher& searcher, Context& c, const httplib::Request& request,
                 httplib::Response& response);

}  // namespace searchd
