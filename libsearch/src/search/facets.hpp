#pragma once
// Facet counting over the matches Xapian examines.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "libsearch/searcher.hpp"

namespace libsearch::search {

/// Counts every category of each examined document (the categories slot holds
/// several), where Xapian's ValueCountMatchSpy would count one value.
class CategorySpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override;
    std::string name() const override;
    std::string serialise() const override;
    Xapian::MatchSpy* unserialise(const std::string& data, const Xapian::Registry& context) const override;
    std::string serialise_results() const override;
    void merge_results(const std::string& data) override;
    std::string get_description() const override;

    /// Matches per category.
    std::map<std::string, Xapian::doccount> counts() const;
    Xapian::doccount examined() const noexcept { return examined_; }

  private:
    // Matches per packed category list: far fewer distinct lists than
    // matches, so each match costs one hash lookup; unpacked in counts().
    std::unordered_map<std::string, Xapian::doccount> packed_;
    Xapian::doccount examined_ = 0;
};

/// The spies of one search, registered on an Enquire.
class FacetCollector {
  public:
    FacetCollector();
    void attach(Xapian::Enquire& enquire);
    /// Read the counts after get_mset(). When fewer documents were examined
    /// than matched, counts are scaled to the estimated total and marked
    /// inexact.
    Facets collect(const MatchCount& total) const;

  private:
    // Owned here, not released to Xapian: the collector outlives get_mset().
    std::unique_ptr<CategorySpy> categories_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> months_;
};

/// Most categories a facet lists.
inline constexpr std::size_t kMaxCategoryFacets = 100;

}  // namespace libsearch::search
