#include "libsearch/ingest/dates.hpp"

#include <algorithm>

#include "ingest/formats/date_cursor.hpp"
#include "ingest/formats/date_words.hpp"
#include "ingest/text_util.hpp"

// A small grammar over DateCursor. Each matcher takes a cursor by value and,
// on success, says where the date ends, so that parse_date() can insist that
// only a time of day follows and find_date_in_text() can check the word
// boundary. Years always have four digits: "15/02/13" has too many readings.

namespace libsearch {

namespace {

using ingest::DateCursor;
using ingest::Number;

struct Found {
    Date date;
    std::size_t end = 0;
};

std::optional<Found> found(int year, int month, int day, const DateCursor& c) {
    if (auto date = Date::make(year, month, day)) return Found{*date, c.pos()};
    return std::nullopt;
}

bool is_day(const std::optional<Number>& n) { return n && n->digits <= 2; }
bool is_year(const std::optional<Number>& n) { return n && n->digits == 4; }
bool two_digits_at_most(const std::optional<Number>& n, int max) { return n && n->digits == 2 && n->value <= max; }

// A month name, with the dot of its abbreviation ("Feb.", "janv.").
std::optional<int> month_name(DateCursor& c) {
    const auto month = ingest::month_from_word(c.word());
    if (month) c.eat('.');
    return month;
}

// "5th", "1st", "1er" (French), "15." (German): what may follow a day number.
void ordinal_suffix(DateCursor& c) {
    if (c.eat('.')) return;
    DateCursor probe = c;
    const auto word = probe.word();
    for (const std::string_view suffix : {"st", "nd", "rd", "th", "er"})
        if (ingest::iequals(word, suffix)) c = probe;
}

// Between the parts of a written date: spaces, commas or one dash, and the
// Spanish "de" ("15 de febrero de 2013"). At least one separator is needed.
bool separator(DateCursor& c) {
    const std::size_t start = c.pos();
    c.spaces();
    if (c.eat(',') || c.eat('-')) c.spaces();
    DateCursor probe = c;
    if (ingest::iequals(probe.word(), "de") && probe.spaces()) c = probe;
    return c.pos() > start;
}

// "15 February 2013", "26-FEB-1987", "15. Februar 2013", "1er mai 2013".
std::optional<Found> day_month_year(DateCursor c) {
    const auto day = c.number();
    if (!is_day(day)) return std::nullopt;
    ordinal_suffix(c);
    if (!separator(c)) return std::nullopt;
    const auto month = month_name(c);
    if (!month || !separator(c)) return std::nullopt;
    const auto year = c.number();
    if (!is_year(year)) return std::nullopt;
    return found(year->value, *month, day->value, c);
}

bool clock(DateCursor& c);

// "May 5, 2013", "Feb 15 2013", "February 15th, 2013", and asctime's
// "Feb 15 10:00:00 2013".
std::optional<Found> month_day_year(DateCursor c) {
    const auto month = month_name(c);
    if (!month || !separator(c)) return std::nullopt;
    const auto day = c.number();
    if (!is_day(day)) return std::nullopt;
    ordinal_suffix(c);
    if (!separator(c)) return std::nullopt;
    DateCursor after_time = c;
    if (clock(after_time) && after_time.spaces()) c = after_time;
    const auto year = c.number();
    if (!is_year(year)) return std::nullopt;
    return found(year->value, *month, day->value, c);
}

// "2013-02-15", "2013/2/5", "2013.02.15"; "20130215" when `compact`.
std::optional<Found> year_month_day(DateCursor c, bool compact) {
    const auto year = c.number();
    if (!year) return std::nullopt;
    if (compact && year->digits == 8) return found(year->value / 10000, year->value / 100 % 100, year->value % 100, c);
    if (year->digits != 4) return std::nullopt;
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    c.eat(sep);
    const auto month = c.number();
    if (!is_day(month) || !c.eat(sep)) return std::nullopt;
    const auto day = c.number();
    if (!is_day(day)) return std::nullopt;
    return found(year->value, month->value, day->value, c);
}

// "15/02/2013", "15.02.2013", "15-02-2013": read only when one reading is
// possible. Day-first when the first number is over 12 or both are equal;
// with slashes also month-first when only the second can be a day
// ("02/15/2013", the US order), since that leaves no choice either.
std::optional<Found> numeric_day_month_year(DateCursor c) {
    const auto a = c.number();
    const char sep = c.peek();
    if (!is_day(a) || (sep != '/' && sep != '.' && sep != '-')) return std::nullopt;
    c.eat(sep);
    const auto b = c.number();
    if (!is_day(b) || !c.eat(sep)) return std::nullopt;
    const auto year = c.number();
    if (!is_year(year)) return std::nullopt;
    if (a->value == b->value || (a->value > 12 && b->value <= 12)) return found(year->value, b->value, a->value, c);
    if (sep == '/' && a->value <= 12 && b->value > 12) return found(year->value, a->value, b->value, c);
    return std::nullopt;
}

std::optional<Found> date_without_weekday(const DateCursor& c, bool compact) {
    if (auto f = day_month_year(c)) return f;
    if (auto f = month_day_year(c)) return f;
    if (auto f = year_month_day(c, compact)) return f;
    return numeric_day_month_year(c);
}

// Any of the forms above, after an optional day of the week ("Friday, ", "Fri ").
std::optional<Found> date_at(DateCursor c, bool compact) {
    DateCursor probe = c;
    if (ingest::is_weekday_word(probe.word())) {
        probe.eat('.');
        if (!separator(probe)) return std::nullopt;
        return date_without_weekday(probe, compact);
    }
    return date_without_weekday(c, compact);
}

// "10:00", "9:30:15", "15:01:01.79", "10:00 pm", "9:30 a.m."; not "605:12:19".
bool clock(DateCursor& c) {
    const auto hour = c.number();
    if (!is_day(hour) || hour->value > 23 || !c.eat(':')) return false;
    if (!two_digits_at_most(c.number(), 59)) return false;
    if (c.eat(':')) {
        if (!two_digits_at_most(c.number(), 60)) return false;
        if ((c.eat('.') || c.eat(',')) && !c.number()) return false;
    }
    DateCursor probe = c;
    probe.spaces();
    const auto meridiem = probe.word();
    if (ingest::iequals(meridiem, "am") || ingest::iequals(meridiem, "pm")) {
        if (hour->value < 1 || hour->value > 12) return false;
        c = probe;
    } else if ((ingest::iequals(meridiem, "a") || ingest::iequals(meridiem, "p")) && probe.eat('.') &&
               ingest::iequals(probe.word(), "m") && probe.eat('.')) {
        c = probe;
    }
    return true;
}

bool is_zone_name(std::string_view name) {
    return name.size() <= 5 && std::all_of(name.begin(), name.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// "Z", "+0000", "+03:30", "-05", "GMT", "EST", "UTC+1".
bool zone(DateCursor& c) {
    const auto name = c.word();
    if (!is_zone_name(name)) return false;
    if (!c.eat('+') && !c.eat('-')) return !name.empty();
    const auto hours = c.number();
    if (!hours || hours->digits == 3 || hours->digits > 4) return false;
    if (hours->digits <= 2 && c.eat(':')) return two_digits_at_most(c.number(), 59);
    return true;
}

// A zone, a comment in brackets ("+0000 (UTC)"), both or neither.
bool zone_part(DateCursor& c) {
    if (c.peek() != '(' && !c.at_end() && !zone(c)) return false;
    c.spaces();
    if (c.eat('(') && !(zone(c) && c.eat(')'))) return false;
    c.spaces();
    return c.at_end();
}

// ISO 8601's "T100000Z" after a compact date.
bool compact_clock(DateCursor& c) {
    const auto digits = c.number();
    return digits && (digits->digits == 4 || digits->digits == 6);
}

// What may follow a date that stands on its own: a time of day and a zone
// ("T10:00:00+03:30", " 10:00:00 +0000", ", 10:30 am EST", " at 9:00").
bool only_time_follows(DateCursor c) {
    c.spaces();
    if (c.at_end()) return true;
    if (c.eat('T') || c.eat('t')) {
        DateCursor compact = c;
        if (compact_clock(compact)) return zone_part(compact);
    } else if (c.eat(',')) {
        c.spaces();
    } else {
        DateCursor probe = c;
        if (ingest::iequals(probe.word(), "at") && probe.spaces()) c = probe;
    }
    if (!clock(c)) return false;
    c.spaces();
    return zone_part(c);
}

// A date in running text ends a word, or is ISO 8601's date before "T10:00".
bool ends_word(std::string_view text, std::size_t end) {
    if (!DateCursor::is_word_byte(text, end)) return true;
    return text[end] == 'T' && end + 1 < text.size() && text[end + 1] >= '0' && text[end + 1] <= '9';
}

// The path of a URL: after the host, before the query and the fragment.
std::string_view url_path(std::string_view url) {
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        const auto slash = url.find('/', scheme + 3);
        url = slash == std::string_view::npos ? std::string_view{} : url.substr(slash);
    }
    return url.substr(0, url.find_first_of("?#"));
}

bool url_separator(char c) { return c == '/' || c == '-' || c == '_' || c == '.'; }

// Years outside this range in a path are ids or counters, not dates.
bool plausible_url_year(int year) { return year >= 1800 && year < 2200; }

// "2013/02/15", "2013/feb/15" (as some newspapers write it), "2013-02-15", "20130215".
std::optional<Found> url_date_at(DateCursor c) {
    const auto year = c.number();
    if (year && year->digits == 8) return found(year->value / 10000, year->value / 100 % 100, year->value % 100, c);
    const char sep = c.peek();
    if (!is_year(year) || (sep != '/' && sep != '-')) return std::nullopt;
    c.eat(sep);
    std::optional<int> month;
    if (const auto number = c.number(); is_day(number))
        month = number->value;
    else if (sep == '/')
        month = ingest::month_from_word(c.word());
    if (!month || !c.eat(sep)) return std::nullopt;
    const auto day = c.number();
    if (!is_day(day)) return std::nullopt;
    return found(year->value, *month, day->value, c);
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    const auto trimmed = ingest::trim(text);
    const auto f = date_at(DateCursor(trimmed, 0), /*compact=*/true);
    if (!f || !only_time_follows(DateCursor(trimmed, f->end))) return std::nullopt;
    return f->date;
}

std::optional<Date> find_date_in_text(std::string_view text, std::size_t window) {
    const std::size_t limit = std::min(window, text.size());
    for (std::size_t i = 0; i < limit; ++i) {
        if (!DateCursor::is_word_byte(text, i) || (i > 0 && DateCursor::is_word_byte(text, i - 1))) continue;
        // Numbers glued to a dot or a slash belong to something else (a
        // version, a fraction, a path), not to a date.
        if (i > 0 && (text[i - 1] == '.' || text[i - 1] == '/')) continue;
        const auto f = date_at(DateCursor(text, i), /*compact=*/false);
        if (f && ends_word(text, f->end)) return f->date;
    }
    return std::nullopt;
}

std::optional<Date> date_from_url(std::string_view url) {
    const auto path = url_path(url);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if ((i > 0 && !url_separator(path[i - 1])) || path[i] < '0' || path[i] > '9') continue;
        const auto f = url_date_at(DateCursor(path, i));
        if (f && plausible_url_year(f->date.year) && (f->end == path.size() || url_separator(path[f->end])))
            return f->date;
    }
    return std::nullopt;
}

}  // namespace libsearch
