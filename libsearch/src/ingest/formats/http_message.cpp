#include "ingest/formats/http_message.hpp"

#include <zlib.h>

#include <charconv>
#include <optional>

#include "ingest/text_util.hpp"

namespace libsearch::ingest {

namespace {

struct Head {
    int status = 0;
    std::string content_type, transfer_encoding, content_encoding;
    std::string_view body;
};

// "HTTP/1.1 200 OK" -> 200.
std::optional<int> status_code(std::string_view line) {
    if (!line.starts_with("HTTP/")) return std::nullopt;
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const auto code = trim(line.substr(space + 1)).substr(0, 3);
    int status = 0;
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), status);
    if (ec != std::errc() || end != code.data() + code.size() || status < 100 || status > 999) return std::nullopt;
    return status;
}

// Status line and headers, up to the blank line (CRLF or bare LF line ends).
std::optional<Head> read_head(std::string_view message) {
    Head head;
    std::size_t pos = 0;
    bool first = true;
    while (pos < message.size()) {
        const auto newline = message.find('\n', pos);
        if (newline == std::string_view::npos) return std::nullopt;
        auto line = message.substr(pos, newline - pos);
        if (line.ends_with('\r')) line.remove_suffix(1);
        pos = newline + 1;
        if (first) {
            const auto status = status_code(line);
            if (!status) return std::nullopt;
            head.status = *status;
            first = false;
            continue;
        }
        if (line.empty()) {
            head.body = message.substr(pos);
            return head;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const auto name = trim(line.substr(0, colon));
        const auto value = std::string(trim(line.substr(colon + 1)));
        if (iequals(name, "Content-Type") && head.content_type.empty())
            head.content_type = value;
        else if (iequals(name, "Transfer-Encoding"))
            head.transfer_encoding = ascii_lower(value);
        else if (iequals(name, "Content-Encoding"))
            head.content_encoding = ascii_lower(value);
    }
    return std::nullopt;
}

// Chunked transfer coding (RFC 9112, 7.1), trailers ignored. nullopt when
// the very first chunk size is unreadable: archives that stored the body
// already de-chunked kept the header, so such a body is taken as it is.
std::optional<std::string> dechunk(std::string_view body, std::size_t max_body, std::string& error) {
    std::string out;
    std::size_t pos = 0;
    for (bool first = true;; first = false) {
        const auto newline = body.find('\n', pos);
        const auto size_text = trim(body.substr(pos, newline == std::string_view::npos ? 0 : newline - pos));
        const auto hex = size_text.substr(0, size_text.find(';'));
        std::size_t size = 0;
        const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), size, 16);
        if (newline == std::string_view::npos || hex.empty() || ec != std::errc() || end != hex.data() + hex.size()) {
            if (first) return std::nullopt;
            error = "chunked HTTP body breaks off";
            return out;
        }
        pos = newline + 1;
        if (size == 0) return out;
        if (size > body.size() - pos) {
            error = "chunked HTTP body breaks off";
            return out;
        }
        if (out.size() + size > max_body) {
            error = "HTTP body is larger than the limit";
            return out;
        }
        out.append(body.substr(pos, size));
        pos += size;
        if (body.substr(pos, 2) == "\r\n")
            pos += 2;
        else if (body.substr(pos, 1) == "\n")
            pos += 1;
    }
}

// zlib's inflate with bounded output. `window_bits` picks the wrapper:
// 15 + 16 is gzip, 15 zlib, -15 raw deflate.
bool inflate_body(std::string_view in, int window_bits, std::size_t max_body, std::string& out, std::string& error) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) {
        error = "cannot start zlib";
        return false;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());  // bodies are below max_body, far below 4 GiB
    char buffer[64 * 1024];
    out.clear();
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            error = std::string("compressed HTTP body is damaged (") + (z.msg ? z.msg : "zlib error") + ")";
            break;
        }
        out.append(buffer, sizeof buffer - z.avail_out);
        if (out.size() > max_body) {
            error = "decompressed HTTP body is larger than the limit";
            break;
        }
        if (rc == Z_STREAM_END) break;
        // Input used up before the end of the stream.
        if (rc == Z_BUF_ERROR || (z.avail_in == 0 && z.avail_out != 0)) {
            error = "compressed HTTP body is truncated";
            break;
        }
    }
    inflateEnd(&z);
    return error.empty();
}

// Content-Encoding. A body that does not start like its declared
// compression was stored decoded by the crawler and is taken as it is.
bool decode_content(std::string_view encoding, std::string& body, std::size_t max_body, std::string& error) {
    if (encoding.empty() || encoding == "identity") return true;
    std::string out;
    if (encoding == "gzip" || encoding == "x-gzip") {
        if (!body.starts_with("\x1f\x8b")) return true;
        if (!inflate_body(body, 15 + 16, max_body, out, error)) return false;
    } else if (encoding == "deflate") {
        std::string ignored;
        if (!inflate_body(body, 15, max_body, out, ignored) && !inflate_body(body, -15, max_body, out, error))
            return false;
    } else {
        error = "unsupported Content-Encoding '" + std::string(encoding) + "'";
        return false;
    }
    body = std::move(out);
    return true;
}

}  // namespace

HttpResponse read_http_response(std::string_view message, std::size_t max_body) {
    HttpResponse response;
    const auto head = read_head(message);
    if (!head) {
        response.error = "no HTTP response header";
        return response;
    }
    response.status = head->status;
    response.content_type = head->content_type;
    std::optional<std::string> body;
    if (head->transfer_encoding.find("chunked") != std::string::npos)
        body = dechunk(head->body, max_body, response.error);
    if (!body) body = std::string(head->body);
    if (response.error.empty() && body->size() > max_body) response.error = "HTTP body is larger than the limit";
    if (response.error.empty()) decode_content(head->content_encoding, *body, max_body, response.error);
    if (response.error.empty()) response.body = std::move(*body);
    return response;
}

}  // namespace libsearch::ingest
