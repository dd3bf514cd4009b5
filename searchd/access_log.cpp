#include "access_log.hpp"

#include <httplib.h>

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

}  // namespace searchd
