#pragma once
// The decoders behind ByteStream, chosen by the input's first bytes.

#include <memory>
#include <string_view>

#include "ingest/formats/byte_stream.hpp"

namespace libsearch::ingest {

/// A decoder for `bytes` (which must outlive it): gzip through zlib, bzip2,
/// xz and zstd through libarchive, anything else passed through as it is.
std::unique_ptr<Decoder> make_decoder(std::string_view bytes);

}  // namespace libsearch::ingest
