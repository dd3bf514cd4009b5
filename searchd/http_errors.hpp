#pragma once
// The one place where errors become HTTP statuses and JSON error bodies.

#include <exception>
#include <string>

namespace httplib {
struct Response;
}

namespace searchd {

/// Fill `response` with the status and {"error": {...}} body for an error.
void set_error(httplib::Response& response, int status, const std::string& code, const std::string& message);

/// Map the exception in flight (library errors, BadParameter, anything else)
/// to a response: 400 for what the user sent, 503 when the index cannot be
/// read, 500 only for a fault of ours.
void set_error_from(httplib::Response& response, std::exception_ptr error);

}  // namespace searchd
