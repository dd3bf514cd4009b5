#pragma once
/// @file date.hpp
/// Calendar dates as the archive uses them: a day, no time of day, no zone.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace libsearch {

/// A valid Gregorian calendar day. Construct through Date::make() or the
/// parsers below; a default-constructed Date is not meaningful on its own and
/// is only used as a placeholder inside std::optional.
struct Date {
    int year = 0;   ///< 1..9999
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..days in month

    /// The date, or nullopt when the triple is not a real day (2013-02-30).
    static std::optional<Date> make(int year, int month, int day) noexcept;

    /// "YYYY-MM-DD".
    std::string iso() const;
    /// "YYYYMMDD": the sortable form stored in the index's date value slot.
    std::string key() const;

    auto operator<=>(const Date&) const = default;
};

/// Number of days in a month of a year (leap years counted).
int days_in_month(int year, int month) noexcept;

/// Parse a strict "YYYY-MM-DD" day; nullopt for anything else.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;

/// Which end of a period a partial date bound stands for.
enum class BoundSide { first_day, last_day };

/// Parse a date bound of the form "YYYY", "YYYY-MM" or "YYYY-MM-DD" and
/// return the first or last day of the period it names, so that bounds are
/// inclusive: ("2013-06", last_day) is 2013-06-30.
/// @param parameter  named in the error, e.g. "from".
/// @throws InvalidArgument when the text is not one of the three forms or
///         names no real day (2013-13, 2013-02-30).
Date parse_date_bound(std::string_view text, BoundSide side, const std::string& parameter);

/// As parse_date_bound(), but nullopt instead of throwing.
std::optional<Date> try_parse_date_bound(std::string_view text, BoundSide side) noexcept;

}  // namespace libsearch
