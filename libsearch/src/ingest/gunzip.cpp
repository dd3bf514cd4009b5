#include "ingest/gunzip.hpp"

#include <zlib.h>

namespace libsearch::ingest {

bool is_gzip(std::string_view bytes) noexcept {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

GunzipResult gunzip(std::string_view bytes, std::size_t max_bytes) {
    GunzipResult result;
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) return {{}, "cannot start gzip decompression"};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    char buffer[1 << 16];
    int status = Z_OK;
    while (true) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = sizeof buffer - stream.avail_out;
        if (result.data.size() + produced > max_bytes) {
            result.error = "decompresses to more than " + std::to_string(max_bytes >> 20) + " MiB (the size limit)";
            break;
        }
        result.data.append(buffer, produced);
        if (status == Z_STREAM_END) {
            // Another member may follow (e.g. one gzip member per WARC record).
            if (stream.avail_in == 0) break;
            if (!is_gzip({reinterpret_cast<const char*>(stream.next_in), stream.avail_in})) break;
            inflateReset(&stream);
            continue;
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            result.error = "gzip data is truncated";
            break;
        }
        if (status != Z_OK) {
            result.error = std::string("gzip data is damaged") + (stream.msg ? std::string(" (") + stream.msg + ")" : "");
            break;
        }
    }
    inflateEnd(&stream);
    return result;
}

}  // namespace libsearch::ingest
