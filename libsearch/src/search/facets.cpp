#include "search/facets.hpp"

#include <algorithm>
#include <cmath>

#include "core/schema_terms.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

FacetSpy::FacetSpy(std::shared_ptr<const FacetTable> table) : table_(std::move(table)) {
    if (table_) by_id_.assign(table_->size() + 1, 0);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++examined_;
    if (table_) {
        ++by_id_[table_->id(doc.get_docid())];  // number 0 (no value) is counted and never read
        return;
    }
    std::string value = doc.get_value(schema::slot_facets);
    if (!value.empty()) ++values_[std::move(value)];
}

Xapian::MatchSpy* FacetSpy::clone() const { return new FacetSpy(table_); }

std::string FacetSpy::name() const { return "libsearch::FacetSpy"; }

std::string FacetSpy::serialise() const { return {}; }

Xapian::MatchSpy* FacetSpy::unserialise(const std::string&, const Xapian::Registry&) const { return new FacetSpy(); }

// Results travel between remote shards as "examined\n" then, per value,
// "count length\n" and the value's bytes (values may hold any byte).
std::string FacetSpy::serialise_results() const {
    std::string out = std::to_string(examined_) + "\n";
    for_each_value([&](const std::string& value, Xapian::doccount count) {
        out += std::to_string(count) + ' ' + std::to_string(value.size()) + '\n' + value;
    });
    return out;
}

void FacetSpy::merge_results(const std::string& data) {
    std::size_t pos = data.find('\n');
    if (pos == std::string::npos) return;
    try {
        examined_ += static_cast<Xapian::doccount>(std::stoul(data.substr(0, pos)));
        ++pos;
        while (pos < data.size()) {
            const auto space = data.find(' ', pos), newline = data.find('\n', pos);
            if (space == std::string::npos || newline == std::string::npos || space > newline) return;
            const auto count = static_cast<Xapian::doccount>(std::stoul(data.substr(pos, space - pos)));
            const std::size_t length = std::stoul(data.substr(space + 1, newline - space - 1));
            if (newline + 1 + length > data.size()) return;
            values_[data.substr(newline + 1, length)] += count;
            pos = newline + 1 + length;
        }
    } catch (const std::exception&) {
        // Malformed results from a remote shard add nothing more.
    }
}

void FacetSpy::add_counts(const Xapian::ValueCountMatchSpy& other) {
    examined_ += static_cast<Xapian::doccount>(other.get_total());
    for (auto it = other.values_begin(); it != other.values_end(); ++it) values_[*it] += it.get_termfreq();
}

void FacetSpy::add_to(FacetCounts& counts) const {
    for (const auto& [value, count] : values_) counts.add(value, count);
    if (table_) table_->add_to(by_id_, counts);
}

std::string FacetSpy::get_description() const {
    return "FacetSpy(" + std::to_string(values_.size()) + " values)";
}

FacetCollector::FacetCollector(std::shared_ptr<const FacetTable> table)
    : spy_(std::make_unique<FacetSpy>(std::move(table))) {}

void FacetCollector::attach(Xapian::Enquire& enquire, bool remote) {
    if (!remote) {
        enquire.add_matchspy(spy_.get());
        return;
    }
    remote_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_facets);
    enquire.add_matchspy(remote_spy_.get());
}

Facets FacetCollector::collect(const MatchCount& total) const {
    if (remote_spy_) {
        FacetSpy counted;
        counted.add_counts(*remote_spy_);
        return collect(counted, total);
    }
    return collect(*spy_, total);
}

Facets FacetCollector::collect(const FacetSpy& spy, const MatchCount& total) {
    Facets facets;
    const Xapian::doccount examined = spy.examined();
    facets.exact = total.exact() && examined >= total.estimated;
    const double scale = facets.exact || examined == 0 ? 1.0 : double(total.estimated) / double(examined);
    auto scaled = [&](Xapian::doccount n) {
        return static_cast<std::uint64_t>(std::llround(double(n) * scale));
    };

    FacetCounts counts;
    spy.add_to(counts);
    const auto& [months, categories] = counts;
    for (const auto& [category, count] : categories) facets.category.push_back({category, scaled(count)});
    std::stable_sort(facets.category.begin(), facets.category.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (facets.category.size() > kMaxCategoryFacets) facets.category.resize(kMaxCategoryFacets);

    std::map<std::string, std::uint64_t> years;
    for (const auto& [ym, count] : months) {  // YYYYMM, ascending
        const auto n = scaled(count);
        facets.month.push_back({ym.substr(0, 4) + "-" + ym.substr(4, 2), n});
        years[ym.substr(0, 4)] += n;
    }
    for (const auto& [year, count] : years) facets.year.push_back({year, count});
    return facets;
}

}  // namespace libsearch::search
