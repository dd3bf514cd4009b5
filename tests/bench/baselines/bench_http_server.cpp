// bench_http_server: bare cpp-httplib servers, the ceiling of the HTTP stack
// (--mode fixed) and plain Xapian behind it (--mode xapian), for wrk.
//   bench_http_server --mode fixed|xapian --port P [--db DIR] [--threads N]
// Listens on 127.0.0.1 only. GET /search answers JSON; GET /health answers "ok".
// SIGTERM or SIGINT stops it. Exit codes: 0 stopped by a signal, 1 failure
// (database, port), 2 usage.

#include <httplib.h>
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "raw_xapian_search.hpp"
#include "fields.hpp"
#include "records.hpp"

namespace {

struct Options {
    std::string mode, db;
    int port = 0;
    std::size_t threads = 64;
};

struct BadRequest : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr const char* kUsage = "usage: bench_http_server --mode fixed|xapian --port P [--db DIR] [--threads N]\n";
constexpr std::size_t kMaxOffset = 100000;

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() <= 9 && s.find_first_not_of("0123456789") == std::string::npos;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument(arg + " wants a value");
        const std::string value = argv[++i];
        if (arg == "--mode")
            o.mode = value;
        else if (arg == "--db")
            o.db = value;
        else if (arg == "--port" && all_digits(value))
            o.port = std::stoi(value);
        else if (arg == "--threads" && all_digits(value))
            o.threads = std::stoul(value);
        else
            throw std::invalid_argument("bad option " + arg + " " + value);
    }
    if (o.mode != "fixed" && o.mode != "xapian") throw std::invalid_argument("--mode must be fixed or xapian");
    if (o.port <= 0 || o.port > 65535) throw std::invalid_argument("--port must be 1..65535");
    if (o.mode == "xapian" && o.db.empty()) throw std::invalid_argument("--mode xapian needs --db");
    if (o.threads == 0) throw std::invalid_argument("--threads must be at least 1");
    return o;
}

/// About 2 KB of JSON shaped like a search response.
std::string fixed_body() {
    nlohmann::json hits = nlohmann::json::array();
    for (int i = 0; i < 10; ++i)
        hits.push_back({{"id", std::to_string(1000 + i)},
                        {"title", "OIL PRICES RISE AS OPEC MEETING NEARS"},
                        {"snippet",
                         "...crude <mark>oil</mark> prices rose on Monday as traders awaited the meeting of the "
                         "producers' group, analysts said..."}});
    return nlohmann::json{{"total", 1234}, {"hits", hits}, {"facets", {{"crude", 600}, {"acq", 42}}}}.dump();
}

std::string param(const httplib::Request& req, const char* name) {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
}

raw_xapian::Request to_request(const httplib::Request& req) {
    raw_xapian::Request r;
    r.q = param(req, "q");
    const std::string op = param(req, "op");
    if (!op.empty() && op != "and" && op != "or") throw BadRequest("op must be and or or");
    r.op_or = op == "or";
    r.category = param(req, "category");
    try {
        r.from = baseline::mix_date(param(req, "from"));
        r.to = baseline::mix_date(param(req, "to"));
    } catch (const std::runtime_error&) {
        throw BadRequest("from and to must be YYYY-MM-DD");
    }
    const std::string facets = param(req, "facets");
    if (!facets.empty() && facets != "0" && facets != "1") throw BadRequest("facets must be 0 or 1");
    r.facets = facets == "1";
    const std::string offset = param(req, "offset");
    if (!offset.empty()) {
        if (!all_digits(offset) || std::stoul(offset) > kMaxOffset)
            throw BadRequest("offset must be an integer from 0 to " + std::to_string(kMaxOffset));
        r.offset = std::stoul(offset);
    }
    return r;
}

nlohmann::json to_json(const raw_xapian::Result& result) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : result.hits) hits.push_back({{"id", h.id}, {"title", h.title}, {"snippet", h.snippet}});
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [value, count] : result.facets) facets[value] = count;
    return {{"total", result.total}, {"hits", std::move(hits)}, {"facets", std::move(facets)}};
}

void error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}

void search(const std::string& db_path, const httplib::Request& req, httplib::Response& res) {
    thread_local std::optional<raw_xapian::Searcher> searcher;
    try {
        const raw_xapian::Request r = to_request(req);
        if (!searcher) searcher.emplace(db_path);
        // dump() with the replace handler: hit text is not guaranteed to be valid UTF-8.
        res.set_content(to_json(searcher->search(r)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json");
    } catch (const BadRequest& e) {
        error(res, 400, e.what());
    } catch (const Xapian::QueryParserError& e) {
        error(res, 400, "query: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        searcher.reset();  // reopened on the next request
        error(res, 500, e.get_description());
    } catch (const std::exception& e) {
        error(res, 500, e.what());
    } catch (...) {
        error(res, 500, "unknown error");
    }
}

/// Blocks SIGINT and SIGTERM in every thread; a watcher thread waits for them and stops the server.
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR1);  // sent by main to end the watcher when listening fails
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_http_server: " << e.what() << "\n" << kUsage;
        return 2;
    }
    if (o.mode == "xapian") {
        try {
            raw_xapian::Searcher check(o.db);  // fail now, not at the first request
        } catch (const Xapian::Error& e) {
            std::cerr << "bench_http_server: " << e.get_description() << "\n";
            return 1;
        }
    }
    const sigset_t signals = stop_signals();

    httplib::Server server;
    server.set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, which lets a second server share
    // a busy port silently; SO_REUSEADDR alone makes a busy port an error.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_keep_alive_max_count(100000);
    server.set_keep_alive_timeout(5);
    server.new_task_queue = [threads = o.threads] { return new httplib::ThreadPool(threads); };
    server.Get("/health",
               [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
    if (o.mode == "fixed") {
        server.Get("/search", [body = fixed_body()](const httplib::Request&, httplib::Response& res) {
            res.set_content(body, "application/json");
        });
    } else {
        server.Get("/search",
                   [db = o.db](const httplib::Request& req, httplib::Response& res) { search(db, req, res); });
    }

    int received = 0;
    std::thread watcher([&] {
        sigwait(&signals, &received);
        server.stop();
    });
    int status = 0;
    if (!server.bind_to_port("127.0.0.1", o.port)) {
        std::cerr << "bench_http_server: cannot listen on 127.0.0.1:" << o.port << "\n";
        status = 1;
    } else {
        std::cerr << "bench_http_server: " << o.mode << " listening on 127.0.0.1:" << o.port << " with " << o.threads
                  << " threads\n";
        if (!server.listen_after_bind()) status = 1;
    }
    pthread_kill(watcher.native_handle(), SIGUSR1);  // harmless when the watcher has already returned
    watcher.join();
    if (received == SIGUSR1 && status == 0) status = 1;  // stopped without a signal
    return status;
}
