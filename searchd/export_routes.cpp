#include "export_routes.hpp"

#include <httplib.h>

#include <cctype>
#include <iostream>
#include <libsearch/export.hpp>

#include "atom_feed.hpp"
#include "export_params.hpp"

namespace searchd {

namespace {

// Rows are sent in chunks of about this size: one chunk per row would
// cost a system call and chunk header per line.
constexpr std::size_t kChunkBytes = 32 * 1024;

// "search-camp-liberty.csv": the query's letters and digits, so that
// several exports saved side by side can be told apart.
std::string file_name(const std::string& query, ExportFormat format) {
    std::string name = "search";
    bool dash = true;
    for (const unsigned char c : query) {
        if (name.size() >= 60) break;
        if (std::isalnum(c)) {
            if (dash) name += '-';
            name += static_cast<char>(std::tolower(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    return name + (format == ExportFormat::csv ? ".csv" : ".jsonl");
}

// A Host header is echoed into the feed's URLs only when it is a plain
// host[:port] (names, IPv4, bracketed IPv6): anything else could inject text.
bool plain_host(const std::string& host) {
    if (host.empty() || host.size() > 255) return false;
    for (const unsigned char c : host)
        if (!std::isalnum(c) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']') return false;
    return true;
}

std::string base_url(const Context& c, const httplib::Request& request) {
    if (!c.public_url.empty()) return c.public_url;
    const std::string host = request.get_header_value("Host");
    return "http://" + (plain_host(host) ? host : std::string("localhost"));
}

}  // namespace

void export_matches(Context& c, const httplib::Request& request, httplib::Response& response) {
    const ExportRequest wanted = decode_export(request.params, c.limits);
    // This thread's Searcher: cpp-httplib calls the content provider on the
    // thread that ran this handler, after it returns and before the thread
    // serves anything else, and the Searcher lives as long as the thread.
    libsearch::Searcher& searcher = c.searchers.local();
    // A bad query must be answered with a 400, which is possible only before
    // the first byte of a 200 is sent: run it once now.
    libsearch::SearchRequest probe = wanted.search;
    probe.limit = 1;
    probe.snippets = false;
    searcher.search(probe);

    const bool csv = wanted.format == ExportFormat::csv;
    response.set_header("Cache-Control", "no-store");
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + file_name(wanted.search.query, wanted.format) + "\"");
    response.set_chunked_content_provider(
        csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson",
        [&searcher, wanted, csv](std::size_t, httplib::DataSink& sink) {
            std::string chunk = csv ? libsearch::csv_header() : "";
            bool sent = true;
            const auto flush = [&] {
                // An empty chunk would end the stream.
                if (!chunk.empty()) sent = sink.write(chunk.data(), chunk.size());
                chunk.clear();
                return sent;
            };
            try {
                searcher.for_each_match(wanted.search, wanted.limit, [&](const libsearch::Hit& hit) {
                    chunk += csv ? libsearch::csv_row(hit) : libsearch::jsonl_row(hit);
                    // A client gone away fails the write: stop walking then.
                    return chunk.size() < kChunkBytes || flush();
                });
            } catch (const std::exception& e) {
                // Headers are out: all that is left is to cut the stream short,
                // which the client sees as an incomplete chunked body.
                std::cerr << "searchd: export stopped: " << e.what() << '\n';
                return false;
            } catch (...) {
                std::cerr << "searchd: export stopped by an error of unknown type\n";
                return false;
            }
            if (!flush()) return false;
            sink.done();
            return true;
        });
}

void search_feed(libsearch::Searcher& searcher, Context& c, const httplib::Request& request,
                 httplib::Response& response) {
    const FeedRequest wanted = decode_feed(request.params, c.limits);
    const libsearch::SearchResponse found = searcher.search(wanted.search);
    const FeedSource source{base_url(c, request), wanted.canonical_query, &wanted.search, searcher.last_commit()};
    response.set_header("Cache-Control", "max-age=60");
    response.set_content(atom_feed(source, found), "application/atom+xml; charset=utf-8");
}

}  // namespace searchd
