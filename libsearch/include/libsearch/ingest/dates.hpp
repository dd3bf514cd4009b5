#pragma once
/// @file ingest/dates.hpp
/// Finding publication dates in the forms archives write them.

#include <optional>
#include <string_view>

#include "libsearch/date.hpp"

namespace libsearch {

/// Parse a date written on its own, in any common form:
///   ISO 8601 "2013-02-15", "2013-02-15T10:00:00+03:30", "20130215";
///   RFC 2822 "Fri, 15 Feb 2013 10:00:00 +0000";
///   Reuters "26-FEB-1987 15:01:01.79";
///   "May 5, 2013", "5 May 2013", "Friday, 15 February 2013", "15 Feb. 2013";
///   "2013/02/15"; day-first "15/02/2013" or "15.02.2013" only when the day
///   is over 12 or equals the month (never a guess between two readings).
/// The day is taken as written, without converting time zones.
/// @return nullopt when the text is not one date (never today's date).
std::optional<Date> parse_date(std::string_view text);

/// A date written near the start of article text, as in a dateline
/// ("LONDON, May 5, 2013 - ...", "Friday, 15 February 2013 12:30"), within
/// the first `window` bytes. nullopt when there is none.
std::optional<Date> find_date_in_text(std::string_view text, std::size_t window = 300);

/// A date in a URL path: /2013/02/15/, /2013-02-15/, /20130215/ or
/// /2013/02/ (the first of the month is never assumed: a year and month
/// alone give nullopt).
std::optional<Date> date_from_url(std::string_view url);

}  // namespace libsearch
