#pragma once
// searchd's HTTP server: cpp-httplib tuned for throughput, the routes, the
// access log, metrics, security headers and graceful shutdown.

#include <chrono>
#include <memory>
#include <string>

#include "request_params.hpp"

namespace searchd {

struct ServerOptions {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0: any free port
    std::string web_dir;  ///< empty: no page, API only
    std::string synonyms_file;  ///< empty: no synonyms (format: libsearch/synonyms.hpp)
    /// Worker threads kept running. cpp-httplib gives each connection a
    /// worker for its lifetime; connections beyond these get a thread of
    /// their own, up to max_connections, so idle or slow clients cannot
    /// make the others wait.
    unsigned threads = 64;
    /// Searches run at once, the rest queued in arrival order (search_slots.hpp);
    /// 0: two per hardware thread.
    unsigned search_threads = 0;
    /// Connections served at once; more wait for one to close.
    std::size_t max_connections = 1024;
    std::size_t keep_alive_max_count = 10000;
    int keep_alive_timeout_s = 5;
    int read_timeout_s = 5;
    int write_timeout_s = 5;
    std::size_t max_request_body = 64 * 1024;
    std::chrono::milliseconds refresh{1000};  ///< how often workers look for new commits
    RequestLimits limits;
    bool access_log = true;
    /// "https://news.example.org": the start of the absolute URLs in feeds
    /// (no trailing slash); empty: "http://" and the request's Host header.
    std::string public_url;
    /// Timeouts for the remote shards of a stub database (searchd/DEPLOY.md).
    libsearch::SearcherOptions shards;
};

class Server {
  public:
    /// Opens the index and binds the socket.
    /// @throws libsearch::IndexError, std::runtime_error (cannot bind)
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// The port bound (useful with port 0).
    int port() const noexcept;
    /// Serve until stop(); in-flight requests finish before it returns.
    void run();
    /// Safe from any thread.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace searchd
