// searchd: serve a libsearch index over HTTP, with the search page.
//
//   searchd --db DIR [--host 127.0.0.1] [--port 8080] [--web DIR] [--synonyms FILE] [--threads N]
//           [--search-threads N] [--max-connections N] [--export-limit N] [--export-max N] [--public-url URL]
//
// The first line on stdout is "listening on http://HOST:PORT". SIGINT and
// SIGTERM stop it after the requests in flight. One access-log line per
// request goes to stderr. Exit status: 0 after a clean stop, 1 when the index
// cannot be opened or the port bound, 2 on a usage error.

#include <libsearch/errors.hpp>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "server.hpp"

namespace {

// Block the stop signals in every thread, and wait for them in one thread
// that stops the server: no work in a signal handler.
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

int main(int argc, char** argv) {
    searchd::ServerOptions options;
    options.web_dir = SEARCHD_DEFAULT_WEB_DIR;
    bool quiet = false;
    CLI::App app{"Serve a libsearch index over HTTP: the JSON API (searchd/API.md) and the search page.", "searchd"};
    app.add_option("--db", options.db, "Index directory, sharded index, or Xapian stub database file naming local and remote shards (searchd/DEPLOY.md)")->required();
    app.add_option("--host", options.host, "Address to listen on (default 127.0.0.1)");
    app.add_option("--port", options.port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
    app.add_option("--web", options.web_dir, "Folder of the page (default: the project's web/; empty: API only)");
    app.add_option("--synonyms", options.synonyms_file,
                   "File of synonym groups applied to queries (one group per line: A | B | \"C D\")");
    app.add_option("--threads", options.threads, "Worker threads kept ready (default 64)")
        ->check(CLI::Range(1, 4096));
    app.add_option("--search-threads", options.search_threads,
                   "Searches run at once, the others queued in arrival order (default 0: two per core)")
        ->check(CLI::Range(0, 4096));
    app.add_option("--max-connections", options.max_connections,
                   "Connections served at once, each on a thread of its own past --threads (default 1024)")
        ->check(CLI::Range(1, 65536));
    app.add_option("--keep-alive", options.keep_alive_max_count, "Requests per keep-alive connection (default 10000)");
    auto* export_limit = app.add_option("--export-limit", options.limits.export_limit,
                   "Rows of /api/export when the request gives no limit (default 10000)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}));
    app.add_option("--export-max", options.limits.export_max,
                   "Most rows one /api/export request may ask for (default 100000)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}));
    app.add_option("--public-url", options.public_url,
                   "The server's address as readers reach it (https://news.example.org), for the links in feeds; "
                   "default: http:// and the request's Host header");
    app.add_option("--shard-timeout", options.shards.shard_timeout_ms,
                   "Milliseconds a remote shard may take to answer before the request fails with 503 (default 5000)")
        ->check(CLI::Range(1, 600000));
    app.add_option("--shard-connect-timeout", options.shards.shard_connect_timeout_ms,
                   "Milliseconds to connect to a remote shard (default 2000)")
        ->check(CLI::Range(1, 600000));
    app.add_flag("--quiet", quiet, "No access log");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "searchd: " << e.what() << "\nRun 'searchd --help' for usage.\n";
        return 2;
    }
    options.access_log = !quiet;
    if (options.limits.export_limit > options.limits.export_max) {
        // A lower --export-max alone lowers the default with it.
        if (export_limit->count() == 0) {
            options.limits.export_limit = options.limits.export_max;
        } else {
            std::cerr << "searchd: --export-limit cannot be above --export-max\n";
            return 2;
        }
    }
    while (!options.public_url.empty() && options.public_url.back() == '/') options.public_url.pop_back();
    if (!options.public_url.empty() && options.public_url.rfind("http://", 0) != 0 &&
        options.public_url.rfind("https://", 0) != 0) {
        std::cerr << "searchd: --public-url must start with http:// or https://\n";
        return 2;
    }

    // Each connection is a file descriptor: allow as many as the hard limit
    // does, so --max-connections idle clients cannot exhaust a soft limit of
    // 1024 and stop accept() (tests/reliability/http, test_slow_clients.cpp).
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        searchd::Server server(options);
        std::cout << "listening on http://" << options.host << ":" << server.port() << std::endl;
        std::thread waiter([&] {
            int signal = 0;
            sigwait(&signals, &signal);
            std::cerr << "searchd: stopping\n";
            server.stop();
        });
        server.run();
        // run() also returns if listening fails; wake the waiter then.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
    } catch (const libsearch::Error& e) {
        std::cerr << "searchd: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "searchd: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
