#pragma once
// Reading an input file whole, within the size limit.

#include <cstddef>
#include <filesystem>
#include <string>

namespace libsearch::ingest {

/// The contents of `path` in `bytes`; on failure, false and a reason a user
/// understands in `error` ("file is larger than the 256 MiB limit"). Never
/// blocks on a path that is not a regular file (a named pipe, a device).
bool read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& bytes, std::string& error);

/// The reason given for a file over the limit.
std::string too_large_reason(std::size_t max_bytes);

/// The reason given for a path that is not a regular file ("a named pipe,
/// not a regular file").
std::string not_a_file_reason(std::filesystem::file_type type);

}  // namespace libsearch::ingest
