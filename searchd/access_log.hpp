#pragma once
// One line per request on stderr.

#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace searchd {

/// "127.0.0.1 GET /api/search?q=camp 200 1532B 1.84ms"
std::string access_log_line(const httplib::Request& request, const httplib::Response& response, double seconds);

}  // namespace searchd
