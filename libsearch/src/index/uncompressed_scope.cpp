#include "index/uncompressed_scope.hpp"

#include <dlfcn.h>
#include <zlib.h>

#include <atomic>

namespace libsearch::index {

namespace {
thread_local int scopes = 0;
}  // namespace

UncompressedScope::UncompressedScope() { ++scopes; }
UncompressedScope::~UncompressedScope() { --scopes; }
bool UncompressedScope::active() noexcept { return scopes > 0; }

}  // namespace libsearch::index

// Xapian reaches zlib through the dynamic linker, which binds its calls to
// the first definition it finds: this one, in the program (or in libsearch
// when it is a shared library). It hands every call on to zlib's own, found
// with RTLD_NEXT, changing only the level of a stream set up inside an
// UncompressedScope.
extern "C" int deflateInit2_(z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy,
                             const char* version, int stream_size) {
    using Init = int (*)(z_streamp, int, int, int, int, int, const char*, int);
    static std::atomic<Init> zlib_init{nullptr};
    Init init = zlib_init.load(std::memory_order_acquire);
    if (!init) {
        init = reinterpret_cast<Init>(dlsym(RTLD_NEXT, "deflateInit2_"));
        // Only a zlib linked into the program statically has no next
        // definition, and then the link has already failed on two of them.
        if (!init) return Z_VERSION_ERROR;
        zlib_init.store(init, std::memory_order_release);
    }
    if (libsearch::index::UncompressedScope::active()) {
        // Stored blocks are always longer than their input, so Xapian's
        // attempt (it leaves one byte less room than the input) gives up at
        // the cost of a copy; the smallest hash table keeps each reset cheap.
        level = Z_NO_COMPRESSION;
        mem_level = 1;
    }
    return init(stream, level, method, window_bits, mem_level, strategy, version, stream_size);
}
