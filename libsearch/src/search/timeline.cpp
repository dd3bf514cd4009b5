#include "search/timeline.hpp"

#include <cstdio>

#include "core/schema_terms.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

namespace {

std::optional<Date> date_of_key(const std::string& key) {  // "YYYYMMDD"
    if (key.size() != 8) return std::nullopt;
    return parse_iso_date(key.substr(0, 4) + "-" + key.substr(4, 2) + "-" + key.substr(6, 2));
}

}  // namespace

std::optional<std::pair<Date, Date>> archive_dates(const Xapian::Database& db) {
    // Undated articles have no date value at all, so the bounds are real dates.
    const auto first = date_of_key(db.get_value_lower_bound(schema::slot_date));
    const auto last = date_of_key(db.get_value_upper_bound(schema::slot_date));
    if (!first || !last) return std::nullopt;
    return std::pair{*first, *last};
}

std::vector<std::string> timeline_periods(const Date& first, const Date& last, TimelineInterval interval) {
    const bool months = interval == TimelineInterval::month;
    const long from = months ? first.year * 12L + first.month - 1 : first.year;
    const long to = months ? last.year * 12L + last.month - 1 : last.year;
    if (to < from) return {};
    if (static_cast<unsigned long>(to - from + 1) > kMaxTimelinePeriods)
        throw InvalidArgument("interval", "the range spans " + std::to_string(to - from + 1) + " " +
                                              (months ? "months" : "years") + ", more than " +
                                              std::to_string(kMaxTimelinePeriods) +
                                              (months ? "; count per year or narrow the dates" : "; narrow the dates"));
    std::vector<std::string> periods;
    char text[16];
    for (long p = from; p <= to; ++p) {
        if (months) std::snprintf(text, sizeof text, "%04ld-%02ld", p / 12, p % 12 + 1);
        else std::snprintf(text, sizeof text, "%04ld", p);
        periods.emplace_back(text);
    }
    return periods;
}

std::vector<std::uint64_t> articles_per_period(const Xapian::Database& db, const std::vector<std::string>& periods,
                                               TimelineInterval interval) {
    std::vector<std::uint64_t> articles;
    articles.reserve(periods.size());
    for (const auto& period : periods) {
        const int year = std::stoi(period.substr(0, 4));
        const std::string term = interval == TimelineInterval::month
                                     ? schema_terms::month_term(year, std::stoi(period.substr(5, 2)))
                                     : schema_terms::year_term(year);
        articles.push_back(db.get_termfreq(term));
    }
    return articles;
}

}  // namespace libsearch::search
