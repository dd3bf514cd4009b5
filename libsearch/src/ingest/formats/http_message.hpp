#pragma once
// HTTP responses as web archives store them: status line, headers, body
// with its transfer and content encodings.

#include <cstddef>
#include <string>
#include <string_view>

namespace libsearch::ingest {

struct HttpResponse {
    int status = 0;            ///< e.g. 200; 0 when the message could not be read
    std::string content_type;  ///< the Content-Type header as written
    std::string body;          ///< chunked transfer and gzip/deflate content encodings undone
    std::string error;         ///< why the message could not be read; empty on success
};

/// Read an HTTP response message. The decoded body is kept to `max_body`
/// bytes: a larger one is an error, as are a malformed status line, a
/// chunked body that breaks off, damaged compressed data and a Content-Encoding
/// other than gzip, deflate or identity.
HttpResponse read_http_response(std::string_view message, std::size_t max_body);

}  // namespace libsearch::ingest
