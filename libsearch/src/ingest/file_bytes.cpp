#include "ingest/file_bytes.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace libsearch::ingest {

std::string too_large_reason(std::size_t max_bytes) {
    return "file is larger than the " + std::to_string(max_bytes >> 20) + " MiB limit";
}

std::string not_a_file_reason(std::filesystem::file_type type) {
    using std::filesystem::file_type;
    switch (type) {
        case file_type::fifo: return "a named pipe, not a regular file";
        case file_type::socket: return "a socket, not a regular file";
        case file_type::block:
        case file_type::character: return "a device, not a regular file";
        default: return "not a regular file or folder";
    }
}

namespace {

std::filesystem::file_type type_of(mode_t mode) {
    using std::filesystem::file_type;
    if (S_ISFIFO(mode)) return file_type::fifo;
    if (S_ISSOCK(mode)) return file_type::socket;
    if (S_ISBLK(mode)) return file_type::block;
    if (S_ISCHR(mode)) return file_type::character;
    if (S_ISDIR(mode)) return file_type::directory;
    return file_type::unknown;
}

}  // namespace

bool read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& bytes, std::string& error) {
    // Opened without blocking, then checked on the open file: a path listed
    // as a regular file may be a named pipe by now, and opening or reading a
    // pipe or a device could wait for ever.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot read file: " + std::string(std::strerror(errno));
        return false;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        error = "cannot read file: " + std::string(std::strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = not_a_file_reason(type_of(st.st_mode));
        return false;
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        error = too_large_reason(max_bytes);
        return false;
    }
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = "cannot read file: " + std::string(std::strerror(errno));
            return false;
        }
        if (n == 0) break;  // it shrank meanwhile
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return true;
}

}  // namespace libsearch::ingest
