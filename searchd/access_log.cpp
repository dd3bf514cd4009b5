#include "access_log.hpp"

#include <httplib.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace searchd {

namespace {

// Control characters in a logged URL could forge log lines.
std::string printable(const std::string& text, std::size_t limit) {
    std::string out;
    for (char c : text.substr(0, limit)) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
            out += hex;
        } else {
            out += c;
        }
    }
    if (text.size() > limit) out += "...";
    return out;
}

}  // namespace

std::string access_log_line(const httplib::Request& request, const httplib::Response& response, double seconds) {
    std::string target = request.path;
    if (!request.params.empty()) {
        std::string query;
        for (const auto& [name, value] : request.params)
            query += (query.empty() ? "?" : "&") + name + "=" + httplib::detail::encode_query_param(value);
        target += query;
    }
    char tail[96];
    std::snprintf(tail, sizeof tail, " %d %zuB %.2fms", response.status, response.body.size(), seconds * 1000);
    return request.remote_addr + " " + request.method + " " + printable(target, 512) + tail;
}

AccessLog::AccessLog(int fd, std::size_t max_pending)
    : fd_(fd), max_pending_(max_pending), writer_([this] { run(); }) {}

AccessLog::~AccessLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    writer_.join();
}

void AccessLog::write(std::string line) {
    {
        std::lock_guard lock(mutex_);
        if (pending_.size() + line.size() >= max_pending_) {
            ++dropped_;
            return;
        }
        pending_ += line;
        pending_ += '\n';
    }
    wake_.notify_one();
}

void AccessLog::run() {
    std::string batch;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
        if (pending_.empty()) return;  // stopping, and everything written
        batch.clear();
        batch.swap(pending_);
        if (dropped_ > 0) {
            batch += "searchd: access log: " + std::to_string(dropped_) + " lines dropped (stderr too slow)\n";
            dropped_ = 0;
        }
        lock.unlock();
        for (std::size_t done = 0; done < batch.size();) {
            const ssize_t n = ::write(fd_, batch.data() + done, batch.size() - done);
            if (n > 0) done += static_cast<std::size_t>(n);
            else if (n < 0 && errno == EINTR) continue;
            else break;  // stderr closed or full: nowhere to report it either
        }
        lock.lock();
    }
}

}  // namespace searchd
