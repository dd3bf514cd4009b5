#pragma once
// Metadata held back until the articles they describe are committed. A
// writer whose articles wait elsewhere (lanes before their merge, shards
// before shard 0's commit) must not let Xapian flush file states on its own
// first: a crash would leave states that claim articles the index never got.
// An empty value deletes the key, as in Xapian.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libsearch::index {

class DeferredMetadata {
  public:
    void set(const std::string& key, const std::string& value) { values_[key] = value; }
    /// The value held back for `key`, if any (empty: deleted).
    std::optional<std::string> find(const std::string& key) const;
    /// `stored` (the keys under `prefix` in the index) with the keys held
    /// back added or deleted, sorted.
    std::vector<std::string> keys(std::vector<std::string> stored, const std::string& prefix) const;
    /// Hands every value to `set(key, value)`, in key order, and forgets them.
    template <typename Set>
    void apply(Set&& set) {
        for (const auto& [key, value] : values_) set(key, value);
        values_.clear();
    }

  private:
    std::map<std::string, std::string> values_;
};

}  // namespace libsearch::index
