#include "server.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <iostream>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
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

// Worker threads: `standing` kept running, plus one per connection beyond
// them, up to `limit`, ended once no connection waits. cpp-httplib keeps a
// connection on its worker until the connection closes, and its ThreadPool
// queues every other connection behind: 1,000 idle connections, each held
// for the 5 s keep-alive timeout, left an 8-thread server answering no one
// for minutes (8 of them closed every 5 s), and clients trickling their
// headers a byte a second keep a worker indefinitely (tests/reliability/http,
// test_slow_clients.cpp). Threads are cheap while they wait; the limit bounds
// the threads, and with them the Searchers and file descriptors.
class ConnectionThreads : public httplib::TaskQueue {
  public:
    ConnectionThreads(std::size_t standing, std::size_t limit) : limit_(std::max(standing, limit)) {
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < standing; ++i) start(true);
    }
    ~ConnectionThreads() override { shutdown(); }

    void enqueue(std::function<void()> job) override {
        std::lock_guard lock(mutex_);
        reap();
        jobs_.push_back(std::move(job));
        if (jobs_.size() > idle_ && threads_.size() < limit_) start(false);
        wake_.notify_one();
    }

    // Runs the queued connections, then joins every thread.
    void shutdown() override {
        std::list<std::thread> threads;
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            threads.swap(threads_);
        }
        wake_.notify_all();
        for (auto& thread : threads) thread.join();
    }

  private:
    void start(bool standing) {  // with mutex_ held
        threads_.emplace_back([this, standing] { work(standing); });
    }

    // Joins the extra threads that have ended (with mutex_ held).
    void reap() {
        for (const auto id : ended_)
            for (auto it = threads_.begin(); it != threads_.end(); ++it)
                if (it->get_id() == id) {
                    it->join();
                    threads_.erase(it);
                    break;
                }
        ended_.clear();
    }

    void work(bool standing) {
        std::unique_lock lock(mutex_);
        for (;;) {
            ++idle_;
            const auto ready = [this] { return stopping_ || !jobs_.empty(); };
            if (standing) wake_.wait(lock, ready);
            else wake_.wait_for(lock, std::chrono::seconds(2), ready);
            --idle_;
            if (jobs_.empty()) break;  // stopping, or an extra thread with nothing to do
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            job();
            lock.lock();
        }
        if (!stopping_) ended_.push_back(std::this_thread::get_id());
    }

    const std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::list<std::thread> threads_;
    std::vector<std::thread::id> ended_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace

struct Server::Impl {
    ServerOptions options;
    SearchSlots slots;  // before searchers, which keep one Searcher per slot
    SearcherPool searchers;
    StaticFiles files;
    Metrics metrics;
    Context context;
    httplib::Server http;
    int port = 0;
    int listening_socket = -1;
    std::unique_ptr<AccessLog> access_log;

    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          slots(options.search_threads),
          searchers(options.db, options.refresh, slots.size(),
                    options.synonyms_file.empty() ? libsearch::Synonyms() : libsearch::Synonyms::load(options.synonyms_file),
                    options.shards),
          files(options.web_dir),
          context{searchers, slots, files, metrics, options.limits, options.public_url} {
        if (options.access_log) access_log = std::make_unique<AccessLog>(STDERR_FILENO);
        configure();
        add_routes(http, context);
        port = options.port == 0 ? http.bind_to_any_port(options.host)
                                 : (http.bind_to_port(options.host, options.port) ? options.port : -1);
        if (port < 0)
            throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                     " (the port is in use, or the address is not one of this machine's)");
        // cpp-httplib 0.11 listens with a backlog of 5. Past that, Linux drops
        // handshakes, and clients connecting together (64 at once under wrk)
        // waited for TCP retransmissions: requests took 1, 3, 7 s and some
        // over 10 s (tests/reliability/http/load.sh). listen() again on a
        // listening socket only updates the backlog.
        if (listening_socket >= 0) ::listen(listening_socket, SOMAXCONN);
    }

    void configure() {
        // cpp-httplib's defaults (Nagle on, 5 requests per connection, 8
        // threads) cap a server near 300 requests/s: see README "Serving".
        const std::size_t threads = options.threads, limit = options.max_connections;
        http.new_task_queue = [threads, limit] { return new ConnectionThreads(threads, limit); };
        http.set_tcp_nodelay(true);
        // Not cpp-httplib's SO_REUSEPORT, which let a second searchd bind the
        // same port and silently take half the connections; SO_REUSEADDR
        // still allows a restart while old connections linger in TIME_WAIT.
        http.set_socket_options([this](socket_t socket) {
            const int yes = 1;
            ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
            listening_socket = socket;
        });
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
        // Errors cpp-httplib answers by itself (a malformed request, a
        // request line past 8 KB: 414, a body past the limit: 413) come
        // without a body; give them the API's JSON error like every other
        // (tests/reliability/http: a 100 KB query got an empty 414).
        const std::string body_limit = std::to_string(options.max_request_body / 1024) + " KB";
        const httplib::Server::HandlerWithResponse error_body = [body_limit](const httplib::Request&,
                                                                             httplib::Response& response) {
            if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const auto [code, message] =
                response.status == 413   ? std::pair{"payload_too_large", "the request body is larger than " + body_limit}
                : response.status == 414 ? std::pair{"uri_too_long", std::string("the request line is longer than 8 KB")}
                : response.status == 400 ? std::pair{"bad_request", std::string("the request is not valid HTTP")}
                                         : std::pair{"error", "HTTP status " + std::to_string(response.status)};
            response.set_content(R"({"error":{"code":")" + std::string(code) + R"(","message":")" + message + "\"}}",
                                 "application/json");
            return httplib::Server::HandlerResponse::Handled;
        };
        http.set_error_handler(error_body);
        http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
            response.status = 500;
            response.set_content(R"({"error":{"code":"internal","message":"internal error"}})", "application/json");
        });
        http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - request_start).count();
            metrics.record(route_label(request.path), response.status, seconds);
            if (access_log) access_log->write(access_log_line(request, response, seconds));
        });
    }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

int Server::port() const noexcept { return impl_->port; }

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace searchd
