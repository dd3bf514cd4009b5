#pragma once
// HTTP over a bare socket, for requests a client library would not send as
// written (NUL bytes, odd methods, requests trickled byte by byte, early
// closes), with the time each answer took.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <strings.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "percent_encode.hpp"

namespace reliability {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// A TCP connection to 127.0.0.1:port, or -1.
inline int connect_local(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

inline bool send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

/// Reads until the peer closes, or until `complete(out)` holds; false when
/// `deadline` comes first.
template <typename Complete>
bool read_until(int fd, std::string& out, Clock::time_point deadline, Complete complete) {
    char buffer[16384];
    for (;;) {
        if (complete(out)) return true;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return false;
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n == 0) return true;
        if (n < 0) return errno == ECONNRESET;
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

/// Reads until the peer closes or `deadline`; false on timeout.
inline bool read_until_close(int fd, std::string& out, Clock::time_point deadline) {
    return read_until(fd, out, deadline, [](const std::string&) { return false; });
}

/// Reads one answer: until its Content-Length is complete, the peer closes,
/// or `deadline` (false then). A HEAD answer ends when the peer closes.
inline bool read_answer(int fd, std::string& out, Clock::time_point deadline, bool head_request) {
    return read_until(fd, out, deadline, [head_request](const std::string& got) {
        const std::size_t end = got.find("\r\n\r\n");
        if (end == std::string::npos || head_request) return false;
        std::string lower = got.substr(0, end);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::size_t at = lower.find("\r\ncontent-length:");
        return at != std::string::npos && got.size() >= end + 4 + std::stoul(lower.substr(at + 17));
    });
}

struct Answer {
    int status = 0;  ///< 0: no answer (connection failed, or no status line)
    bool timed_out = false;
    std::string head;  ///< status line and headers
    std::string body;
    double ms = 0;

    /// A header's value ("" when absent); names compare without case.
    std::string header(const std::string& name) const {
        std::size_t at = head.find("\r\n");
        while (at != std::string::npos && at + 2 < head.size()) {
            const std::size_t end = head.find("\r\n", at + 2);
            const std::string line = head.substr(at + 2, end == std::string::npos ? std::string::npos : end - at - 2);
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos && colon == name.size() &&
                strncasecmp(line.c_str(), name.c_str(), name.size()) == 0) {
                std::size_t v = colon + 1;
                while (v < line.size() && line[v] == ' ') ++v;
                return line.substr(v);
            }
            at = end;
        }
        return "";
    }
};

/// Sends `request` as it is on a new connection and reads the whole answer
/// (the request should say "Connection: close"), at most `timeout`.
inline Answer raw_exchange(int port, const std::string& request, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    Answer answer;
    const auto start = Clock::now();
    const int fd = connect_local(port);
    if (fd < 0) return answer;
    std::string raw;
    if (send_all(fd, request)) answer.timed_out = !read_answer(fd, raw, start + timeout, request.rfind("HEAD ", 0) == 0);
    close(fd);
    answer.ms = ms_since(start);
    const std::size_t end = raw.find("\r\n\r\n");
    answer.head = raw.substr(0, end);
    if (end != std::string::npos) answer.body = raw.substr(end + 4);
    int status = 0;
    if (std::sscanf(raw.c_str(), "HTTP/1.%*d %d", &status) == 1) answer.status = status;
    return answer;
}

/// `method target` with no body, "Connection: close".
inline Answer request(int port, const std::string& method, const std::string& target,
                      std::chrono::milliseconds timeout = std::chrono::seconds(5), const std::string& body = "") {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    return raw_exchange(port, text + "\r\n" + body, timeout);
}

/// Percent-encodes every byte but unreserved ones: the query string of any bytes.
inline std::string encode(const std::string& s) { return testsupport::percent_encode(s); }

/// searchd's resident memory in KiB (VmRSS), 0 when unknown.
inline long rss_kib(pid_t pid) {
    FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/status").c_str(), "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %ld kB", &kib) == 1) break;
    std::fclose(f);
    return kib;
}

}  // namespace reliability
