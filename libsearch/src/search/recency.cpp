#include "search/recency.hpp"

#include <cmath>

#include "libsearch/schema.hpp"

namespace libsearch::search {

long day_number(const std::string& v) {
    if (v.size() != 8) return 0;
    for (char c : v)
        if (c < '0' || c > '9') return 0;
    // Howard Hinnant's days_from_civil.
    long y = std::stol(v.substr(0, 4));
    const long m = std::stol(v.substr(4, 2)), d = std::stol(v.substr(6, 2));
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

RecencySource::RecencySource(double half_life_days, double max_weight)
    : Xapian::ValuePostingSource(schema::slot_date), half_life_days_(half_life_days), max_weight_(max_weight) {}

void RecencySource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    newest_day_ = day_number(db.get_value_upper_bound(schema::slot_date));
    set_maxweight(max_weight_);
}

double RecencySource::get_weight() const {
    const long age = newest_day_ - day_number(get_value());
    return max_weight_ * std::exp2(-static_cast<double>(std::max(age, 0L)) / half_life_days_);
}

RecencySource* RecencySource::clone() const { return new RecencySource(half_life_days_, max_weight_); }

std::string RecencySource::name() const { return "libsearch::RecencySource"; }

std::string RecencySource::get_description() const {
    return "RecencySource(half life " + std::to_string(half_life_days_) + " days, at most " +
           std::to_string(max_weight_) + ")";
}

}  // namespace libsearch::search
