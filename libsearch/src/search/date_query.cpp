#include "search/date_query.hpp"

#include "core/schema_terms.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

namespace {

// More terms than this and a closed range is left to the value range.
constexpr std::size_t kMaxRangeTerms = 400;

Date next_day(Date d) {
    if (d.day < days_in_month(d.year, d.month)) return {d.year, d.month, d.day + 1};
    if (d.month < 12) return {d.year, d.month + 1, 1};
    return {d.year + 1, 1, 1};
}

}  // namespace

// A closed range as the fewest year, month and day terms that cover it
// (2001-03-15..2003-06-10: 17 days, 9 months, 1 year, 5 months, 10 days).
// Xapian reads only the postings of those terms, where a value range reads
// the date of every candidate: on a million articles a date-filtered query
// took 16 ms that way.
std::vector<std::string> date_range_terms(const Date& from, const Date& to) {
    std::vector<std::string> terms;
    for (Date at = from; !(to < at) && at.year <= 9999;) {
        const Date year_end{at.year, 12, 31};
        const Date month_end{at.year, at.month, days_in_month(at.year, at.month)};
        if (at.month == 1 && at.day == 1 && !(to < year_end)) {
            terms.push_back(schema_terms::year_term(at.year));
            if (at.year == 9999) break;
            at = {at.year + 1, 1, 1};
        } else if (at.day == 1 && !(to < month_end)) {
            terms.push_back(schema_terms::month_term(at.year, at.month));
            if (at.year == 9999 && at.month == 12) break;
            at = next_day(month_end);
        } else {
            terms.push_back(schema_terms::day_term(at));
            if (at.year == 9999 && at.month == 12 && at.day == 31) break;
            at = next_day(at);
        }
        if (terms.size() > kMaxRangeTerms) return {};
    }
    return terms;
}

Xapian::Query date_range_query(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to) {
        const auto terms = date_range_terms(*from, *to);
        if (!terms.empty()) return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, from->key(), to->key());
    }
    if (from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, from->key());
    // Undated articles hold an empty value, which VALUE_LE would count as "before".
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, "00010101", to->key());
}

namespace {

std::optional<Date> bound(std::string_view text, BoundSide side) {
    if (text.empty()) return std::nullopt;
    if (auto date = try_parse_date_bound(text, side)) return date;
    throw BadFieldValue{"date", std::string(text), "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"};
}

}  // namespace

Xapian::Query date_field_query(std::string_view value) {
    const auto dots = value.find("..");
    if (dots != std::string_view::npos) {
        const auto from = bound(value.substr(0, dots), BoundSide::first_day);
        const auto to = bound(value.substr(dots + 2), BoundSide::last_day);
        if (!from && !to)
            throw BadFieldValue{"date", std::string(value), "needs at least one end, e.g. date:2013-01..2013-06"};
        if (from && to && *to < *from)
            throw BadFieldValue{"date", std::string(value), "ends before it starts"};
        return date_range_query(from, to);
    }
    const auto date = bound(value, BoundSide::first_day);
    if (!date) throw BadFieldValue{"date", std::string(value), "is empty; use date:YYYY, date:YYYY-MM or a range"};
    if (value.size() == 4) return Xapian::Query(schema_terms::year_term(date->year));
    if (value.size() == 7) return Xapian::Query(schema_terms::month_term(date->year, date->month));
    return Xapian::Query(schema_terms::day_term(*date));
}

}  // namespace libsearch::search
