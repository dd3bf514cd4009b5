#pragma once
// One line per request on stderr, written by a thread of its own.

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace searchd {

/// "127.0.0.1 GET /api/search?q=camp 200 1532B 1.84ms"
std::string access_log_line(const httplib::Request& request, const httplib::Response& response, double seconds);

/// Collects lines from the worker threads and writes them in batches. Writing
/// each line from its worker made the workers queue on the file: at 64
/// connections p99 went from 130 to 300 ms. A worker never waits on the log:
/// past `max_pending` bytes not yet written, lines are dropped and counted,
/// and the count is logged once the writer catches up.
class AccessLog {
  public:
    explicit AccessLog(int fd, std::size_t max_pending = 8u << 20);
    ~AccessLog();  ///< writes what is pending
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    void write(std::string line);  ///< `line` without its newline

  private:
    void run();

    const int fd_;
    const std::size_t max_pending_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string pending_;
    std::size_t dropped_ = 0;
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace searchd
