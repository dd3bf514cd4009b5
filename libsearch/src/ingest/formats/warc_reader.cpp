#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "analysis/utf8.hpp"
#include "ingest/formats/byte_stream.hpp"
#include "ingest/formats/http_message.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest/warc.hpp"

// WARC 1.1 (ISO 28500): records of a version line, named header fields, a
// blank line, Content-Length bytes of block and CRLF CRLF. Records are read
// one at a time from a decompressing stream, so memory stays near the size of
// the largest record kept (at most max_record_bytes), whatever the file size.

namespace libsearch {

namespace {

constexpr std::size_t max_record_bytes = std::size_t{64} << 20;
constexpr std::size_t max_header_line = std::size_t{64} << 10;
constexpr std::size_t max_header_lines = 1000;

struct WarcHeader {
    std::string type, target_uri, date, content_type;
    std::optional<std::uint64_t> content_length;
};

// A value for a reason sentence: short, printable, valid UTF-8.
std::string excerpt(std::string_view text) {
    const bool cut = text.size() > 40;
    return "'" + ingest::collapse_whitespace(utf8::sanitize(text.substr(0, 40))) + (cut ? "...'" : "'");
}

std::optional<std::uint64_t> parse_length(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

void set_field(WarcHeader& header, std::string_view name, std::string_view value) {
    value = ingest::trim(value);
    if (ingest::iequals(name, "WARC-Type"))
        header.type = ingest::ascii_lower(value);
    else if (ingest::iequals(name, "WARC-Target-URI"))
        // WARC 1.0's own examples wrap the URI in angle brackets.
        header.target_uri = value.starts_with('<') && value.ends_with('>') ? value.substr(1, value.size() - 2) : value;
    else if (ingest::iequals(name, "WARC-Date"))
        header.date = value;
    else if (ingest::iequals(name, "Content-Type"))
        header.content_type = value;
    else if (ingest::iequals(name, "Content-Length"))
        header.content_length = parse_length(value);
}

// The version line and the named fields up to the blank line.
std::optional<WarcHeader> read_header(ingest::ByteStream& in, bool first_record, std::string& error) {
    std::string line;
    if (!in.line(line, max_header_line) || !line.starts_with("WARC/")) {
        error = std::string(first_record ? "not a WARC file" : "not a WARC record") +
                ": expected a 'WARC/1.1' line, found " + excerpt(line.empty() ? in.peek(40) : line);
        return std::nullopt;
    }
    WarcHeader header;
    for (std::size_t count = 0; count < max_header_lines; ++count) {
        if (!in.line(line, max_header_line)) break;
        if (line.empty()) return header;
        const auto colon = line.find(':');
        if (colon != std::string::npos) set_field(header, ingest::trim(line.substr(0, colon)), line.substr(colon + 1));
    }
    if (in.peek(max_header_line).size() < max_header_line)
        error = "record is truncated: the file ends inside its WARC header" +
                (in.error().empty() ? "" : " (" + in.error() + ")");
    else
        error = "WARC record header is too long";
    return std::nullopt;
}

// After a block come CR LF CR LF. Finding anything else where the record
// should end means its Content-Length is wrong, and so is every offset after
// it. Bare LFs, missing or extra line ends are forgiven when the next record
// or the end of the file follows.
bool record_end(ingest::ByteStream& in) {
    if (in.peek(4) == "\r\n\r\n") {
        in.skip(4);
        return true;
    }
    std::size_t newlines = 0;
    for (auto next = in.peek(1); newlines < 4 && (next == "\r" || next == "\n"); next = in.peek(1)) {
        in.skip(1);
        ++newlines;
    }
    return in.at_end() || (newlines > 0 && in.peek(5) == "WARC/");
}

bool holds_documents(const WarcHeader& header) {
    if (header.type != "response" && header.type != "resource" && header.type != "conversion") return false;
    return !ingest::istarts_with(header.target_uri, "dns:");  // DNS lookups, not pages
}

// The record as WarcRecord; nullopt with `reason` when its HTTP message is
// unreadable, nullopt without one when it is not a document (a redirect, an error page).
std::optional<WarcRecord> make_record(const WarcHeader& header, std::string block, std::string& reason) {
    WarcRecord record{header.type, header.target_uri, header.date, header.content_type, {}, 0};
    const bool http = ingest::istarts_with(header.content_type, "application/http") || block.starts_with("HTTP/");
    if (header.type != "response" || !http) {
        record.payload = std::move(block);
        return record;
    }
    auto response = ingest::read_http_response(block, max_record_bytes);
    if (!response.error.empty()) {
        reason = "HTTP response of " + excerpt(header.target_uri) + " cannot be read: " + response.error;
        return std::nullopt;
    }
    if (response.status < 200 || response.status > 299) return std::nullopt;
    record.content_type = std::move(response.content_type);
    record.payload = std::move(response.body);
    return record;
}

std::string truncated(std::uint64_t length, std::size_t got, const std::string& stream_error) {
    return "record is truncated: its Content-Length is " + std::to_string(length) + " bytes but only " +
           std::to_string(got) + " follow" + (stream_error.empty() ? "" : " (" + stream_error + ")");
}

std::string wrong_length(std::uint64_t length) {
    return "record's Content-Length (" + std::to_string(length) +
           " bytes) does not match its content: no record end follows it";
}

// Read record `number`; false when reading must stop (reported in `out`).
bool read_record(ingest::ByteStream& in, std::size_t number, std::string_view source, WarcContents& out) {
    const auto report = [&](std::string reason) { out.skipped.push_back({std::string(source), number, reason}); };
    std::string error;
    const auto header = read_header(in, number == 1, error);
    if (!header || !header->content_length) {
        report(header ? "WARC record has no valid Content-Length" : error);
        return false;
    }
    const std::uint64_t length = *header->content_length;
    const bool wanted = holds_documents(*header);
    if (!wanted || length > max_record_bytes) {
        if (const auto skipped = in.skip(length); skipped < length) {
            report(truncated(length, skipped, in.error()));
            return false;
        }
        if (!record_end(in)) {
            report(wrong_length(length));
            return false;
        }
        if (wanted) report("record is larger than the 64 MiB limit (" + std::to_string(length) + " bytes)");
        return true;
    }
    std::string block;
    if (const auto got = in.take(length, block); got < length) {
        report(truncated(length, got, in.error()));
        return false;
    }
    if (!record_end(in)) {
        report(wrong_length(length));
        return false;
    }
    if (auto record = make_record(*header, std::move(block), error)) {
        record->number = number;
        out.records.push_back(std::move(*record));
    } else if (!error.empty()) {
        report(error);
    }
    return true;
}

}  // namespace

WarcContents read_warc(std::string_view bytes, std::string_view source) {
    WarcContents out;
    ingest::ByteStream in(bytes);
    for (std::size_t number = 1;; ++number) {
        // Tolerate stray line ends between records.
        for (auto next = in.peek(1); next == "\r" || next == "\n"; next = in.peek(1)) in.skip(1);
        if (in.at_end()) {
            if (!in.error().empty())
                out.skipped.push_back({std::string(source), number, "file ends in damaged data (" + in.error() + ")"});
            break;
        }
        if (!read_record(in, number, source, out)) break;
    }
    return out;
}

}  // namespace libsearch
