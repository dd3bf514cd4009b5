#pragma once
// The articles a bulk build holds: for each id, a hash of its stored data.
// Ids are kept as two independent 64-bit hashes (24 bytes an article with
// the data hash, in one flat array), not as strings: a build of ten million
// articles needs a few hundred MB less. Two ids sharing 128 bits of hash
// would be taken for one; for any real archive the odds are nil (about
// n^2 / 2^129).

#include <cstdint>
#include <string_view>
#include <vector>

namespace libsearch::index {

class IdTable {
  public:
    /// The data hash stored for `id`, or nullptr.
    std::uint64_t* find(std::string_view id);
    /// Adds `id` with `data`; false (and nothing changed) when it was there.
    bool insert(std::string_view id, std::uint64_t data);
    bool erase(std::string_view id);
    std::size_t size() const noexcept { return size_; }

  private:
    struct Slot {
        std::uint64_t a = 0, b = 0;  // a == 0: empty; a == 1: erased
        std::uint64_t data = 0;
    };
    static void hash(std::string_view id, std::uint64_t& a, std::uint64_t& b);
    Slot* locate(std::uint64_t a, std::uint64_t b);
    void grow();

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
    std::size_t used_ = 0;  // live and erased slots
};

}  // namespace libsearch::index
