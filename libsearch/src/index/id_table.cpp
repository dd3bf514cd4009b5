#include "index/id_table.hpp"

namespace libsearch::index {

namespace {
constexpr std::uint64_t kEmpty = 0;
constexpr std::uint64_t kErased = 1;
}  // namespace

void IdTable::hash(std::string_view id, std::uint64_t& a, std::uint64_t& b) {
    // FNV-1a 64 twice, from different offset bases.
    a = 0xcbf29ce484222325ULL;
    b = 0x84222325cbf29ce4ULL;
    for (const unsigned char c : id) {
        a = (a ^ c) * 0x100000001b3ULL;
        b = (b ^ c) * 0x100000001b3ULL;
        b ^= b >> 29;
    }
    if (a <= kErased) a += 2;  // the two markers are never a real hash
}

// The slot holding (a, b), or the free slot where it would go.
IdTable::Slot* IdTable::locate(std::uint64_t a, std::uint64_t b) {
    const std::size_t mask = slots_.size() - 1;
    Slot* reuse = nullptr;
    for (std::size_t i = a & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.a == kEmpty) return reuse ? reuse : &slot;
        if (slot.a == kErased) {
            if (!reuse) reuse = &slot;
        } else if (slot.a == a && slot.b == b) {
            return &slot;
        }
    }
}

std::uint64_t* IdTable::find(std::string_view id) {
    if (slots_.empty()) return nullptr;
    std::uint64_t a, b;
    hash(id, a, b);
    Slot* slot = locate(a, b);
    return slot->a == a && slot->b == b ? &slot->data : nullptr;
}

bool IdTable::insert(std::string_view id, std::uint64_t data) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();  // at most 3/4 full
    std::uint64_t a, b;
    hash(id, a, b);
    Slot* slot = locate(a, b);
    if (slot->a == a && slot->b == b) return false;
    if (slot->a == kEmpty) ++used_;
    *slot = {a, b, data};
    ++size_;
    return true;
}

bool IdTable::erase(std::string_view id) {
    if (slots_.empty()) return false;
    std::uint64_t a, b;
    hash(id, a, b);
    Slot* slot = locate(a, b);
    if (slot->a != a || slot->b != b) return false;
    slot->a = kErased;
    --size_;
    return true;
}

void IdTable::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = size_;
    for (const Slot& slot : old)
        if (slot.a > kErased) *locate(slot.a, slot.b) = slot;
}

}  // namespace libsearch::index
