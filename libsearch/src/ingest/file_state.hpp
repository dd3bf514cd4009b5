#pragma once
// What the index remembers of each input file, for incremental reruns. Kept
// in the index's metadata so it commits atomically with the articles.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch::ingest {

struct FileState {
    std::string path;  ///< absolute path
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string hash;              ///< bytes_hash() of the file
    std::vector<std::string> ids;  ///< articles read from it
};

/// Metadata key prefix of file states.
inline constexpr std::string_view kFileStatePrefix = "libsearch.file:";

/// The metadata key for a path (long paths are hashed to fit Xapian's key limit).
std::string file_state_key(std::string_view absolute_path);

std::string encode_file_state(const FileState& state);
std::optional<FileState> decode_file_state(std::string_view value);

/// A 64-bit FNV-1a hash of bytes, as 16 hex digits.
std::string bytes_hash(std::string_view bytes);

}  // namespace libsearch::ingest
