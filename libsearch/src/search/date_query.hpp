#pragma once
// Date restrictions as Xapian queries, shared by the request's from/to
// filter and the date: field of the query language.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "libsearch/date.hpp"

namespace libsearch::search {

/// Articles dated within [from, to], either end optional (not both absent).
Xapian::Query date_range_query(const std::optional<Date>& from, const std::optional<Date>& to);

/// The year, month and day terms that exactly cover [from, to]; empty when
/// that would take more than a few hundred terms or `to` is before `from`.
std::vector<std::string> date_range_terms(const Date& from, const Date& to);

/// Thrown by the query-language date parser; the QueryBuilder turns it into a
/// QuerySyntaxError at the value's position.
struct BadFieldValue {
    std::string field;
    std::string value;
    std::string reason;
};

/// The query for a date: field value: "2013", "2013-01", "2013-01-15" (one
/// boolean term), or a range "A..B" with either end optional and each end in
/// any of those forms, inclusive.
/// @throws BadFieldValue
Xapian::Query date_field_query(std::string_view value);

}  // namespace libsearch::search
