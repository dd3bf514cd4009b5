#include "ingest/decompress.hpp"

#include "ingest/formats/decoders.hpp"

namespace libsearch::ingest {

bool is_compressed(std::string_view bytes) noexcept {
    using namespace std::literals;
    return bytes.starts_with("\x1f\x8b"sv) || bytes.starts_with("BZh"sv) || bytes.starts_with("\xfd" "7zXZ\0"sv) ||
           bytes.starts_with("\x28\xb5\x2f\xfd"sv);
}

Decompressed decompress(std::string_view bytes, std::size_t max_bytes) {
    Decompressed result;
    auto decoder = make_decoder(bytes);
    char buffer[1 << 16];
    while (const std::size_t n = decoder->read(buffer, sizeof buffer)) {
        if (result.data.size() + n > max_bytes) {
            result.error = "decompresses to more than " + std::to_string(max_bytes >> 20) + " MiB (the size limit)";
            return result;
        }
        result.data.append(buffer, n);
    }
    result.error = decoder->error();
    return result;
}

std::string decompressed_head(std::string_view bytes, std::size_t n) {
    auto decoder = make_decoder(bytes);
    std::string head(n, '\0');
    std::size_t got = 0;
    while (got < n) {
        const std::size_t k = decoder->read(head.data() + got, n - got);
        if (k == 0) break;
        got += k;
    }
    head.resize(got);
    return head;
}

}  // namespace libsearch::ingest
