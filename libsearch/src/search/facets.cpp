#include "search/facets.hpp"

#include <algorithm>
#include <cmath>

#include "core/schema_terms.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

void CategorySpy::operator()(const Xapian::Document& doc, double) {
    ++examined_;
    std::string packed = doc.get_value(schema::slot_categories);
    if (!packed.empty()) ++packed_[std::move(packed)];
}

std::map<std::string, Xapian::doccount> CategorySpy::counts() const {
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [packed, count] : packed_)
        for (auto& category : schema_terms::unpack_categories(packed)) counts[std::move(category)] += count;
    return counts;
}

Xapian::MatchSpy* CategorySpy::clone() const { return new CategorySpy(); }

std::string CategorySpy::name() const { return "libsearch::CategorySpy"; }

std::string CategorySpy::serialise() const { return {}; }

Xapian::MatchSpy* CategorySpy::unserialise(const std::string&, const Xapian::Registry&) const {
    return new CategorySpy();
}

// Results travel between remote shards as "count\x1fcategory\n" lines.
std::string CategorySpy::serialise_results() const {
    std::string out = std::to_string(examined_) + "\n";
    for (const auto& [category, count] : counts()) out += std::to_string(count) + '\x1f' + category + '\n';
    return out;
}

void CategorySpy::merge_results(const std::string& data) {
    std::size_t pos = data.find('\n');
    if (pos == std::string::npos) return;
    examined_ += static_cast<Xapian::doccount>(std::stoul(data.substr(0, pos)));
    while (++pos < data.size()) {
        const auto sep = data.find('\x1f', pos);
        const auto end = data.find('\n', pos);
        if (sep == std::string::npos || end == std::string::npos || sep > end) break;
        // One category is a packed list of one.
        packed_[data.substr(sep + 1, end - sep - 1)] += static_cast<Xapian::doccount>(std::stoul(data.substr(pos, sep - pos)));
        pos = end;
    }
}

std::string CategorySpy::get_description() const {
    return "CategorySpy(" + std::to_string(packed_.size()) + " category lists)";
}

FacetCollector::FacetCollector()
    : categories_(std::make_unique<CategorySpy>()),
      months_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_year_month)) {}

void FacetCollector::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(categories_.get());
    enquire.add_matchspy(months_.get());
}

Facets FacetCollector::collect(const MatchCount& total) const {
    Facets facets;
    const Xapian::doccount examined = categories_->examined();
    facets.exact = total.exact() && examined >= total.estimated;
    const double scale = facets.exact || examined == 0 ? 1.0 : double(total.estimated) / double(examined);
    auto scaled = [&](Xapian::doccount n) {
        return static_cast<std::uint64_t>(std::llround(double(n) * scale));
    };

    for (const auto& [category, count] : categories_->counts()) facets.category.push_back({category, scaled(count)});
    std::stable_sort(facets.category.begin(), facets.category.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (facets.category.size() > kMaxCategoryFacets) facets.category.resize(kMaxCategoryFacets);

    std::map<std::string, std::uint64_t> years;
    for (auto it = months_->values_begin(); it != months_->values_end(); ++it) {
        const std::string ym = *it;  // YYYYMM, ascending
        if (ym.size() != 6) continue;
        const auto count = scaled(it.get_termfreq());
        facets.month.push_back({ym.substr(0, 4) + "-" + ym.substr(4, 2), count});
        years[ym.substr(0, 4)] += count;
    }
    for (const auto& [year, count] : years) facets.year.push_back({year, count});
    return facets;
}

}  // namespace libsearch::search
