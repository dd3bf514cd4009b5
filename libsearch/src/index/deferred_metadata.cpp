#include "index/deferred_metadata.hpp"

#include <set>

namespace libsearch::index {

std::optional<std::string> DeferredMetadata::find(const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> DeferredMetadata::keys(std::vector<std::string> stored, const std::string& prefix) const {
    std::set<std::string> keys(std::make_move_iterator(stored.begin()), std::make_move_iterator(stored.end()));
    for (auto it = values_.lower_bound(prefix); it != values_.end() && it->first.starts_with(prefix); ++it) {
        if (it->second.empty())
            keys.erase(it->first);
        else
            keys.insert(it->first);
    }
    return {keys.begin(), keys.end()};
}

}  // namespace libsearch::index
