#pragma once
// 64-bit FNV-1a: a fast, stable hash (the same on every machine and build),
// for content hashes and file fingerprints. Not for security.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace libsearch {

class Fnv1a {
  public:
    void add(unsigned char byte) noexcept { hash_ = (hash_ ^ byte) * 0x100000001b3ULL; }
    void add(std::string_view bytes) noexcept {
        for (unsigned char c : bytes) add(c);
    }
    std::uint64_t value() const noexcept { return hash_; }
    /// 16 lower-case hex digits.
    std::string hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_));
        return buf;
    }

  private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace libsearch
