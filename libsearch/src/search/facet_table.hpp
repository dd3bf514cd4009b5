#pragma once
// Every article's facets value (schema::slot_facets) as a small number, held
// in memory and shared by the Searchers reading one state of one index.
// Exact facet counts look at every match: reading each match's value fetched
// value chunks from disk pages and was most of such a query at 1M articles;
// a number from this table is one array read.

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace libsearch::search {

/// Matches per month ("YYYYMM") and per category.
struct FacetCounts {
    std::map<std::string, Xapian::doccount> months;
    std::map<std::string, Xapian::doccount> categories;

    /// Adds `count` matches of one packed facets value.
    void add(const std::string& packed, Xapian::doccount count);
};

class FacetTable {
  public:
    /// Reads every facets value of `db` (may throw Xapian::DatabaseModifiedError,
    /// like any read overtaken by a writer).
    explicit FacetTable(const Xapian::Database& db);

    /// The number of `docid`'s facets value; 0 when it has none.
    std::uint32_t id(Xapian::docid docid) const noexcept { return docid < ids_.size() ? ids_[docid] : 0; }
    /// The number of distinct facets values: numbers run from 1 to size().
    std::size_t size() const noexcept { return values_.size(); }
    /// The packed facets value numbered `id`.
    const std::string& value(std::uint32_t id) const { return values_[id - 1]; }

    /// Adds matches counted per number (`matches[id]`, index 0 unused) to
    /// `counts`, unpacking nothing: the table keeps each value unpacked.
    void add_to(const std::vector<Xapian::doccount>& matches, FacetCounts& counts) const;

    /// Whether a table of `db` is worth its memory: one number per document
    /// id up to the last, so not for an index of very sparse ids.
    static bool suits(const Xapian::Database& db);

  private:
    std::uint32_t month_number(const std::string& year_month);
    std::uint32_t category_number(const std::string& category);

    std::vector<std::uint32_t> ids_;   // by document id
    std::vector<std::string> values_;  // by number - 1
    // Each value unpacked: its month's number (0 when undated) and its
    // categories' numbers, values_[i]'s at [category_start_[i], category_start_[i + 1]).
    std::vector<std::uint32_t> month_of_;
    std::vector<std::uint32_t> category_start_{0};
    std::vector<std::uint32_t> categories_of_;
    std::vector<std::string> months_{""}, categories_;  // names by number (month 0: none)
    std::map<std::string, std::uint32_t, std::less<>> month_numbers_, category_numbers_;
};

/// The table of `db` in the state `key` names (ShardSet::state_key()): made
/// by the first caller, then shared while any caller holds it. Null when
/// `key` is empty or the table would not suit `db`.
std::shared_ptr<const FacetTable> shared_facet_table(const std::string& key, const Xapian::Database& db);

}  // namespace libsearch::search
