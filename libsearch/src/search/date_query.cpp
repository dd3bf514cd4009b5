#include "search/date_query.hpp"

#include "core/schema_terms.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

Xapian::Query date_range_query(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to)
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, from->key(), to->key());
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
