#include "libsearch/date.hpp"

#include <charconv>
#include <cstdio>

#include "libsearch/article.hpp"
#include "libsearch/errors.hpp"

namespace libsearch {

int days_in_month(int year, int month) noexcept {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<Date> Date::make(int year, int month, int day) noexcept {
    if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return Date{year, month, day};
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::key() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

namespace {

// Reads exactly `width` ASCII digits at `pos`; -1 when they are not there.
int read_digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    return Date::make(read_digits(text, 0, 4), read_digits(text, 5, 2), read_digits(text, 8, 2));
}

std::optional<Date> try_parse_date_bound(std::string_view text, BoundSide side) noexcept {
    const int year = read_digits(text, 0, 4);
    if (year < 1) return std::nullopt;
    const bool first = side == BoundSide::first_day;
    if (text.size() == 4) return Date::make(year, first ? 1 : 12, first ? 1 : 31);
    if (text[4] != '-') return std::nullopt;
    const int month = read_digits(text, 5, 2);
    if (text.size() == 7) {
        if (month < 1 || month > 12) return std::nullopt;
        return Date::make(year, month, first ? 1 : days_in_month(year, month));
    }
    if (text.size() == 10 && text[7] == '-') return Date::make(year, month, read_digits(text, 8, 2));
    return std::nullopt;
}

Date parse_date_bound(std::string_view text, BoundSide side, const std::string& parameter) {
    if (auto date = try_parse_date_bound(text, side)) return *date;
    throw InvalidArgument(parameter, "'" + std::string(text) +
                                         "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
}

std::string_view date_source_name(DateSource source) noexcept {
    switch (source) {
        case DateSource::article: return "article";
        case DateSource::crawl: return "crawl";
        case DateSource::file: return "file";
        case DateSource::none: break;
    }
    return "";
}

}  // namespace libsearch
