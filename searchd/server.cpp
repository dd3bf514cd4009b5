#include "server.hpp"

#include <httplib.h>

#include <iostream>
#include <mutex>
#include <stdexcept>

#include "access_log.hpp"
#include "metrics.hpp"
#include "routes.hpp"
#include "searcher_pool.hpp"
#include "static_files.hpp"

namespace searchd {

namespace {

// The page's policy: everything from this origin, nothing inline.
constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
constexpr const char* kApiPolicy = "default-src 'none'; frame-ancestors 'none'";

thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

struct Server::Impl {
    ServerOptions options;
    SearcherPool searchers;
    StaticFiles files;
    Metrics metrics;
    Context context;
    httplib::Server http;
    int port = 0;
    std::mutex log_mutex;

    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          searchers(options.db, options.refresh,
                    options.synonyms_file.empty() ? libsearch::Synonyms() : libsearch::Synonyms::load(options.synonyms_file)),
          files(options.web_dir),
          context{searchers, files, metrics, options.limits} {
        configure();
        add_routes(http, context);
        port = options.port == 0 ? http.bind_to_any_port(options.host)
                                 : (http.bind_to_port(options.host, options.port) ? options.port : -1);
        if (port < 0)
            throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port));
    }

    void configure() {
        // cpp-httplib's defaults (Nagle on, 5 requests per connection, 8
        // threads) cap a server near 300 requests/s: see README "Serving".
        const unsigned threads = options.threads;
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_tcp_nodelay(true);
        http.set_keep_alive_max_count(options.keep_alive_max_count);
        http.set_keep_alive_timeout(options.keep_alive_timeout_s);
        http.set_read_timeout(options.read_timeout_s, 0);
        http.set_write_timeout(options.write_timeout_s, 0);
        http.set_payload_max_length(options.max_request_body);
        http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
            request_start = std::chrono::steady_clock::now();
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
            response.set_header("X-Content-Type-Options", "nosniff");
            response.set_header("X-Frame-Options", "DENY");
            response.set_header("Referrer-Policy", "no-referrer");
            const bool page = response.get_header_value("Content-Type").rfind("text/html", 0) == 0;
            response.set_header("Content-Security-Policy", page ? kPagePolicy : kApiPolicy);
        });
        http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
            response.status = 500;
            response.set_content(R"({"error":{"code":"internal","message":"internal error"}})", "application/json");
        });
        http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - request_start).count();
            metrics.record(route_label(request.path), response.status, seconds);
            if (!options.access_log) return;
            const std::string line = access_log_line(request, response, seconds);
            std::lock_guard lock(log_mutex);
            std::cerr << line << '\n';
        });
    }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

int Server::port() const noexcept { return impl_->port; }

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace searchd
