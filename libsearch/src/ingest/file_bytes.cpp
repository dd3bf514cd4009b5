#include "ingest/file_bytes.hpp"

#include <filesystem>
#include <fstream>

namespace libsearch::ingest {

std::string too_large_reason(std::size_t max_bytes) {
    return "file is larger than the " + std::to_string(max_bytes >> 20) + " MiB limit";
}

bool read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& bytes, std::string& error) {
    std::error_code code;
    const auto size = std::filesystem::file_size(path, code);
    if (code) {
        error = "cannot read file: " + code.message();
        return false;
    }
    if (size > max_bytes) {
        error = too_large_reason(max_bytes);
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open file";
        return false;
    }
    bytes.resize(size);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.bad()) {
        error = "cannot read file";
        return false;
    }
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return true;
}

}  // namespace libsearch::ingest
