#include "search/facet_table.hpp"

#include <map>
#include <mutex>
#include <unordered_map>

#include "core/schema_terms.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

void FacetCounts::add(const std::string& packed, Xapian::doccount count) {
    auto unpacked = schema_terms::unpack_facets(packed);
    if (unpacked.year_month.size() == 6) months[unpacked.year_month] += count;
    for (auto& category : unpacked.categories) categories[std::move(category)] += count;
}

FacetTable::FacetTable(const Xapian::Database& db) {
    ids_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    std::unordered_map<std::string, std::uint32_t> numbers;
    for (auto it = db.valuestream_begin(schema::slot_facets); it != db.valuestream_end(schema::slot_facets); ++it) {
        const Xapian::docid docid = it.get_docid();
        if (docid >= ids_.size()) continue;  // added after get_lastdocid(): not in this state
        auto [at, added] = numbers.try_emplace(*it, static_cast<std::uint32_t>(values_.size() + 1));
        if (added) {
            values_.push_back(at->first);
            const auto unpacked = schema_terms::unpack_facets(at->first);
            month_of_.push_back(unpacked.year_month.size() == 6 ? month_number(unpacked.year_month) : 0);
            for (const auto& category : unpacked.categories) categories_of_.push_back(category_number(category));
            category_start_.push_back(static_cast<std::uint32_t>(categories_of_.size()));
        }
        ids_[docid] = at->second;
    }
}

std::uint32_t FacetTable::month_number(const std::string& year_month) {
    auto [at, added] = month_numbers_.try_emplace(year_month, static_cast<std::uint32_t>(months_.size()));
    if (added) months_.push_back(year_month);
    return at->second;
}

std::uint32_t FacetTable::category_number(const std::string& category) {
    auto [at, added] = category_numbers_.try_emplace(category, static_cast<std::uint32_t>(categories_.size()));
    if (added) categories_.push_back(category);
    return at->second;
}

void FacetTable::add_to(const std::vector<Xapian::doccount>& matches, FacetCounts& counts) const {
    std::vector<Xapian::doccount> per_month(months_.size(), 0), per_category(categories_.size(), 0);
    for (std::size_t id = 1; id < matches.size() && id <= values_.size(); ++id) {
        const Xapian::doccount n = matches[id];
        if (n == 0) continue;
        per_month[month_of_[id - 1]] += n;
        for (auto c = category_start_[id - 1]; c < category_start_[id]; ++c) per_category[categories_of_[c]] += n;
    }
    for (std::size_t m = 1; m < per_month.size(); ++m)
        if (per_month[m] > 0) counts.months[months_[m]] += per_month[m];
    for (std::size_t c = 0; c < per_category.size(); ++c)
        if (per_category[c] > 0) counts.categories[categories_[c]] += per_category[c];
}

bool FacetTable::suits(const Xapian::Database& db) {
    // Four bytes per id: up to 8 ids per document (the rest deleted) and a
    // floor for small indexes.
    return db.get_lastdocid() <= 8ULL * db.get_doccount() + 65536;
}

std::shared_ptr<const FacetTable> shared_facet_table(const std::string& key, const Xapian::Database& db) {
    if (key.empty() || !FacetTable::suits(db)) return nullptr;
    // One slot per state; its mutex makes the Searchers that want the same
    // table at once wait for one reading instead of each making its own.
    struct Slot {
        std::mutex making;
        std::weak_ptr<const FacetTable> table;
    };
    static std::mutex slots_mutex;
    static std::map<std::string, std::shared_ptr<Slot>> slots;
    std::shared_ptr<Slot> slot;
    {
        const std::lock_guard lock(slots_mutex);
        for (auto it = slots.begin(); it != slots.end();) {
            // Nobody holds the table and nobody is making it: the state is gone.
            if (it->first != key && it->second->table.expired() && it->second.use_count() == 1)
                it = slots.erase(it);
            else
                ++it;
        }
        auto& found = slots[key];
        if (!found) found = std::make_shared<Slot>();
        slot = found;
    }
    const std::lock_guard making(slot->making);
    if (auto table = slot->table.lock()) return table;
    auto table = std::make_shared<const FacetTable>(db);
    slot->table = table;
    return table;
}

}  // namespace libsearch::search
