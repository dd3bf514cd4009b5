#pragma once
// Whole-input decompression with a size limit (a gzip or xz bomb stops at
// the limit), over the stream decoders the WARC reader uses.

#include <cstddef>
#include <string>
#include <string_view>

namespace libsearch::ingest {

/// True when the bytes start like gzip, bzip2, xz or zstd data.
bool is_compressed(std::string_view bytes) noexcept;

struct Decompressed {
    std::string data;   ///< what could be decompressed (at most max_bytes)
    std::string error;  ///< empty on success, else why it stopped
};

/// Decompress all of `bytes`, stopping with an error past `max_bytes`.
Decompressed decompress(std::string_view bytes, std::size_t max_bytes);

/// The first `n` decompressed bytes (fewer when the data is shorter).
std::string decompressed_head(std::string_view bytes, std::size_t n);

}  // namespace libsearch::ingest
