// read_warc() on any bytes (ingest/warc.hpp), plain and gzip-compressed.
//
// The first byte picks how the rest is given to the reader, so that the
// fuzzer can vary the records inside gzip too:
//   0x01  each record (from one "WARC/" line to the next) as its own gzip member
//   0x02  the whole rest as one gzip stream
//   else  the input as it is (plain, or gzip the fuzzer made itself)

#include <libsearch/ingest/warc.hpp>
#include <zlib.h>

#include <string>

#include "fuzz_common.hpp"

namespace {

std::string gzip(std::string_view text) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
    std::string out(deflateBound(&z, text.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// One gzip member per record, as WARC writers make them.
std::string gzip_per_record(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t next = text.find("\nWARC/", start + 1);
        next = next == std::string_view::npos ? text.size() : next + 1;
        out += gzip(text.substr(start, next - start));
        start = next;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = fuzz::as_text(data, size);
    std::string packed;
    if (!bytes.empty() && (bytes[0] == '\x01' || bytes[0] == '\x02')) {
        packed = bytes[0] == '\x01' ? gzip_per_record(bytes.substr(1)) : gzip(bytes.substr(1));
        bytes = packed;
    }
    const auto contents = libsearch::read_warc(bytes, "fuzz.warc");
    std::size_t last = 0;
    for (const auto& record : contents.records) {
        fuzz::expect(record.type == "response" || record.type == "resource" || record.type == "conversion",
                     "only response, resource and conversion records are returned");
        fuzz::expect(record.number > last, "records come in file order, numbered from 1");
        last = record.number;
    }
    return 0;
}
