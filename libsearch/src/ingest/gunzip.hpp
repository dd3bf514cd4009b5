#pragma once
// Bounded gzip decompression (a gzip bomb stops at the limit).

#include <cstddef>
#include <string>
#include <string_view>

namespace libsearch::ingest {

/// True when the bytes start with the gzip magic number.
bool is_gzip(std::string_view bytes) noexcept;

struct GunzipResult {
    std::string data;   ///< what could be decompressed
    std::string error;  ///< empty on success, else why it stopped
};

/// Decompress gzip data of one or more concatenated members, stopping with an
/// error once the output would exceed `max_bytes`.
GunzipResult gunzip(std::string_view bytes, std::size_t max_bytes);

}  // namespace libsearch::ingest
