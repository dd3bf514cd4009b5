#pragma once
// Facet counting over the matches Xapian examines.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "libsearch/searcher.hpp"
#include "search/facet_table.hpp"

namespace libsearch::search {

/// Counts the facets value (schema::slot_facets: the month and every
/// category) of each examined document: with a FacetTable, one array read
/// per match; without, one value read per match (Xapian caches one value
/// slot at a time, so spies reading two slots each would seek and decode
/// twice per match).
class FacetSpy : public Xapian::MatchSpy {
  public:
    /// With a table of the database searched, counts by the table's numbers
    /// and reads no value.
    explicit FacetSpy(std::shared_ptr<const FacetTable> table = nullptr);
    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override;
    std::string name() const override;
    std::string serialise() const override;
    Xapian::MatchSpy* unserialise(const std::string& data, const Xapian::Registry& context) const override;
    std::string serialise_results() const override;
    void merge_results(const std::string& data) override;
    std::string get_description() const override;

    /// Adds the matches counted to `counts`. The spy counts per facets value
    /// (far fewer distinct values than matches, so each match costs one hash
    /// lookup, or one array read with a table) and unpacks them here, once.
    void add_to(FacetCounts& counts) const;
    /// Calls f(packed value, matches) for each value counted.
    template <typename F>
    void for_each_value(F&& f) const {
        for (const auto& [value, count] : values_) f(value, count);
        for (std::uint32_t id = 1; id < by_id_.size(); ++id)
            if (by_id_[id] > 0) f(table_->value(id), by_id_[id]);
    }
    Xapian::doccount examined() const noexcept { return examined_; }
    /// Counts found by another spy (Xapian's, on remote shards).
    void add_counts(const Xapian::ValueCountMatchSpy& other);

  private:
    std::shared_ptr<const FacetTable> table_;
    std::vector<Xapian::doccount> by_id_;  // matches per table number
    std::unordered_map<std::string, Xapian::doccount> values_;
    Xapian::doccount examined_ = 0;
};

/// The spy of one search, registered on an Enquire.
class FacetCollector {
  public:
    /// With a `table` of the database searched (shared_facet_table()), the
    /// spy reads no values.
    explicit FacetCollector(std::shared_ptr<const FacetTable> table = nullptr);
    /// With `remote`, counts with Xapian's own ValueCountMatchSpy on the
    /// same slot, the one spy a xapian-tcpsrv can run; the counts are the same.
    void attach(Xapian::Enquire& enquire, bool remote = false);
    /// Read the counts after get_mset(). When fewer documents were examined
    /// than matched, counts are scaled to the estimated total and marked
    /// inexact.
    Facets collect(const MatchCount& total) const;

  private:
    static Facets collect(const FacetSpy& spy, const MatchCount& total);
    // Owned here, not released to Xapian: the collector outlives get_mset().
    std::unique_ptr<FacetSpy> spy_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> remote_spy_;
};

/// Most categories a facet lists.
inline constexpr std::size_t kMaxCategoryFacets = 100;

}  // namespace libsearch::search
