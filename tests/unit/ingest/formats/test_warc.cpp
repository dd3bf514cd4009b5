#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <libsearch/ingest/warc.hpp>
#include <string>
#include <vector>

using libsearch::read_warc;
using libsearch::WarcContents;

namespace {

// One WARC record; Content-Length is the block's size unless `length` says otherwise.
std::string record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block, long length = -1) {
    std::string header = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Date: 2013-02-15T10:00:00Z\r\n" +
                         "WARC-Record-ID: <urn:uuid:0000>\r\n";
    if (!uri.empty()) header += "WARC-Target-URI: " + uri + "\r\n";
    header += "Content-Type: " + content_type + "\r\n";
    header += "Content-Length: " + std::to_string(length < 0 ? static_cast<long>(block.size()) : length) + "\r\n";
    return header + "\r\n" + block + "\r\n\r\n";
}

// gzip (one member) of `data`, or of `zeros` zero bytes after it.
std::string gzip(const std::string& data, std::size_t zeros = 0) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out;
    const std::string zero_chunk(1 << 20, '\0');
    auto feed = [&](const std::string& chunk, int flush) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        z.avail_in = static_cast<uInt>(chunk.size());
        char buffer[1 << 15];
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, flush);
            out.append(buffer, sizeof buffer - z.avail_out);
        } while (z.avail_out == 0);
    };
    feed(data, Z_NO_FLUSH);
    for (; zeros >= zero_chunk.size(); zeros -= zero_chunk.size()) feed(zero_chunk, Z_NO_FLUSH);
    feed(zero_chunk.substr(0, zeros), Z_FINISH);
    deflateEnd(&z);
    return out;
}

// The record with its Content-Length line changed to `value`, or removed when it is empty.
std::string with_length(std::string rec, const std::string& value) {
    const auto at = rec.find("Content-Length: ");
    const auto end = rec.find("\r\n", at) + 2;
    return rec.replace(at, end - at, value.empty() ? "" : "Content-Length: " + value + "\r\n");
}

// `data` compressed by libarchive's writer with one of its filters
// (archive_write_add_filter_xz, ..._bzip2, ..._zstd).
std::string compress_with(int (*add_filter)(struct archive*), const std::string& data) {
    struct archive* a = archive_write_new();
    REQUIRE(add_filter(a) == ARCHIVE_OK);
    REQUIRE(archive_write_set_format_raw(a) == ARCHIVE_OK);
    std::string out(data.size() + (1 << 16), '\0');
    std::size_t used = 0;
    REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, "data");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, static_cast<la_int64_t>(data.size()));
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a, data.data(), data.size()) == static_cast<la_ssize_t>(data.size()));
    archive_entry_free(entry);
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
    out.resize(used);
    return out;
}

std::string chunked(const std::string& body, std::size_t piece) {
    std::string out;
    char size[32];
    for (std::size_t at = 0; at < body.size(); at += piece) {
        const auto part = body.substr(at, piece);
        std::snprintf(size, sizeof size, "%zx", part.size());
        out += std::string(size) + (at == 0 ? ";ext=1" : "") + "\r\n" + part + "\r\n";
    }
    return out + "0\r\nX-Trailer: t\r\n\r\n";
}

const std::string page = "<html><head><title>Council meets</title></head><body><p>The council met.</p></body></html>";
const std::string wet_text = "Council meets\nThe council met on Friday.\n";

// warcinfo, a chunked + gzip response, a request, a conversion, a resource,
// a redirect and a DNS response: the archive shapes readers meet.
std::vector<std::string> sample_records() {
    const std::string http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" +
        chunked(gzip(page), 17);
    return {
        record("warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.1\r\n"),
        record("response", "https://example.com/2013/02/15/council", "application/http; msgtype=response", http),
        record("request", "https://example.com/2013/02/15/council", "application/http; msgtype=request",
               "GET /2013/02/15/council HTTP/1.1\r\nHost: example.com\r\n\r\n"),
        record("conversion", "<https://example.com/wet>", "text/plain", wet_text),
        record("resource", "file:///notes.txt", "text/plain", "plain notes"),
        record("response", "https://example.com/old", "application/http; msgtype=response",
               "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"),
        record("response", "dns:example.com", "text/dns", "20130215100000\nexample.com. 300 IN A 192.0.2.1\n"),
    };
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += part;
    return out;
}

void check_sample(const WarcContents& contents) {
    REQUIRE(contents.skipped.empty());
    REQUIRE(contents.records.size() == 3);
    const auto& response = contents.records[0];
    CHECK(response.number == 2);
    CHECK(response.type == "response");
    CHECK(response.target_uri == "https://example.com/2013/02/15/council");
    CHECK(response.warc_date == "2013-02-15T10:00:00Z");
    CHECK(response.content_type == "text/html; charset=utf-8");
    CHECK(response.payload == page);
    const auto& conversion = contents.records[1];
    CHECK(conversion.number == 4);
    CHECK(conversion.type == "conversion");
    CHECK(conversion.target_uri == "https://example.com/wet");
    CHECK(conversion.content_type == "text/plain");
    CHECK(conversion.payload == wet_text);
    const auto& resource = contents.records[2];
    CHECK(resource.number == 5);
    CHECK(resource.payload == "plain notes");
}

}  // namespace

TEST_CASE("WARC records are read plain, gzip-compressed and gzip per record", "[ingest][warc]") {
    const auto records = sample_records();
    const std::string plain = join(records);
    std::string per_record;
    for (const auto& r : records) per_record += gzip(r);

    SECTION("plain") { check_sample(read_warc(plain, "plain.warc")); }
    SECTION("whole file gzip") { check_sample(read_warc(gzip(plain), "whole.warc.gz")); }
    SECTION("one gzip member per record, as CommonCrawl writes") { check_sample(read_warc(per_record, "cc.warc.gz")); }
    SECTION("xz, bzip2 and zstd through libarchive") {
        for (auto* filter :
             {&archive_write_add_filter_xz, &archive_write_add_filter_bzip2, &archive_write_add_filter_zstd}) {
            const std::string compressed = compress_with(filter, plain);
            CHECK(compressed.substr(0, 4) != plain.substr(0, 4));
            check_sample(read_warc(compressed, "file.warc.xz"));
            // Truncated: reported, never a crash.
            const auto cut = read_warc(compressed.substr(0, compressed.size() / 2), "cut.warc.xz");
            CHECK(cut.records.size() < 3);
            CHECK(cut.skipped.size() == 1);
        }
    }
    SECTION("bare LF line ends and extra blank lines between records") {
        std::string lf = records[4];
        for (auto at = lf.find("\r\n"); at != std::string::npos; at = lf.find("\r\n", at)) lf.erase(at, 1);
        const std::string loose = records[0] + "\r\n" + records[1] + "\n\n" + records[2] + records[3] + lf;
        check_sample(read_warc(loose, "loose.warc"));
    }
}

TEST_CASE("WARC: a truncated last record is reported and the earlier ones kept", "[ingest][warc]") {
    const auto records = sample_records();
    const std::string cut = records[0] + records[1] + records[2] + records[3].substr(0, records[3].size() - 20);
    const std::string member_cut = gzip(records[0]) + gzip(records[1]) + gzip(records[2]) +
                                   gzip(records[3]).substr(0, gzip(records[3]).size() / 2);
    for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"cut.warc", cut},
                                      {"cut.warc.gz", gzip(cut)},
                                      {"member-cut.warc.gz", member_cut}}) {
        INFO(name);
        const auto contents = read_warc(bytes, name);
        REQUIRE(contents.records.size() == 1);
        CHECK(contents.records[0].payload == page);
        REQUIRE(contents.skipped.size() == 1);
        CHECK(contents.skipped[0].source == name);
        CHECK(contents.skipped[0].line == 4);
        CHECK_THAT(contents.skipped[0].reason, Catch::StartsWith("record is truncated"));
    }
}

TEST_CASE("WARC: a lying Content-Length ends reading with a report", "[ingest][warc]") {
    const auto records = sample_records();
    struct Row {
        const char* name;
        std::string bytes;
        std::size_t kept;
        std::size_t reported_record;
        const char* reason;
    };
    const Row rows[] = {
        {"too short", records[1] + record("conversion", "https://x/", "text/plain", wet_text, 10) + records[4], 1, 2,
         "does not match its content"},
        {"too long", records[1] + record("conversion", "https://x/", "text/plain", wet_text, 60) + records[4], 1, 2,
         "does not match its content"},
        {"past the end", records[1] + record("conversion", "https://x/", "text/plain", wet_text, 100000), 1, 2,
         "truncated"},
        {"not a number", records[1] + with_length(records[4], "12x"), 1, 2, "no valid Content-Length"},
        {"missing", records[1] + with_length(records[4], ""), 1, 2, "no valid Content-Length"},
        {"no version line", records[1] + "GET / HTTP/1.1\r\n\r\n" + records[4], 1, 2, "not a WARC record"},
        {"not a WARC file", "<html>hello</html>", 0, 1, "not a WARC file"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        const auto contents = read_warc(row.bytes, "lying.warc");
        CHECK(contents.records.size() == row.kept);
        if (row.reported_record == 0) {
            CHECK(contents.skipped.empty());
            continue;
        }
        REQUIRE(contents.skipped.size() == 1);
        CHECK(contents.skipped[0].line == row.reported_record);
        CHECK_THAT(contents.skipped[0].reason, Catch::Contains(row.reason));
    }
}

TEST_CASE("WARC: HTTP bodies that cannot be decoded are reported, reading goes on", "[ingest][warc]") {
    const std::string type = "application/http; msgtype=response";
    const std::string gz = gzip(page);
    const std::vector<std::string> records = {
        record("response", "https://a/", type, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz.substr(0, 30)),
        record("response", "https://b/", type, "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxyz"),
        record("response", "https://c/", type, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort"),
        record("response", "https://d/", type, "not http at all"),
        // Stored already decoded by the crawler, with the original headers kept.
        record("response", "https://e/", type,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
               "Content-Encoding: gzip\r\n\r\n" +
                   page),
        record(
            "response", "https://f/", type,
            "HTTP/1.0 200 OK\nContent-Type: text/html\nContent-Encoding: deflate\n\n" +
                [&] {
                    uLongf size = compressBound(page.size());
                    std::string out(size, '\0');
                    compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(page.data()),
                             page.size());
                    return out.substr(0, size);
                }()),
    };
    const auto contents = read_warc(join(records), "http.warc");
    REQUIRE(contents.skipped.size() == 4);
    CHECK(contents.skipped[0].line == 1);
    CHECK_THAT(contents.skipped[0].reason, Catch::Contains("https://a/") && Catch::Contains("truncated"));
    CHECK(contents.skipped[1].line == 2);
    CHECK_THAT(contents.skipped[1].reason, Catch::Contains("unsupported Content-Encoding 'br'"));
    CHECK(contents.skipped[2].line == 3);
    CHECK_THAT(contents.skipped[2].reason, Catch::Contains("chunked HTTP body breaks off"));
    CHECK(contents.skipped[3].line == 4);
    CHECK_THAT(contents.skipped[3].reason, Catch::Contains("no HTTP response header"));
    REQUIRE(contents.records.size() == 2);
    CHECK(contents.records[0].target_uri == "https://e/");
    CHECK(contents.records[0].payload == page);
    CHECK(contents.records[1].target_uri == "https://f/");
    CHECK(contents.records[1].payload == page);
}

TEST_CASE("WARC: a record above 64 MiB is skipped with a reason, streaming", "[ingest][warc]") {
    const std::size_t big = (std::size_t{64} << 20) + 1;
    const std::string head =
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///big\r\n"
        "Content-Length: " +
        std::to_string(big) + "\r\n\r\n";
    // The block is zeros: compressed, the file stays small.
    const std::string bytes = gzip(head, big) + gzip("\r\n\r\n") + gzip(sample_records()[4]);
    const auto contents = read_warc(bytes, "big.warc.gz");
    REQUIRE(contents.skipped.size() == 1);
    CHECK(contents.skipped[0].line == 1);
    CHECK_THAT(contents.skipped[0].reason, Catch::Contains("larger than the 64 MiB limit"));
    REQUIRE(contents.records.size() == 1);
    CHECK(contents.records[0].number == 2);
    CHECK(contents.records[0].payload == "plain notes");
}

TEST_CASE("WARC: any cut of a file is read without harm", "[ingest][warc]") {
    const std::string plain = join(sample_records());
    const std::string compressed = gzip(plain);
    std::size_t last_count = 0;
    for (std::size_t cut = 0; cut <= plain.size(); cut += 3) {
        const auto contents = read_warc(plain.substr(0, cut), "cut.warc");
        CHECK(contents.records.size() >= last_count);
        CHECK(contents.skipped.size() <= 1);
        last_count = contents.records.size();
    }
    CHECK(last_count == 3);
    for (std::size_t cut = 0; cut < compressed.size(); cut += 5) {
        const auto contents = read_warc(compressed.substr(0, cut), "cut.warc.gz");
        CHECK(contents.records.size() <= 3);
        CHECK(contents.skipped.size() <= 1);
    }
    CHECK(read_warc("", "empty.warc").records.empty());
    CHECK(read_warc("", "empty.warc").skipped.empty());
}
