#include "ingest/formats/date_words.hpp"

#include <string>

#include "analysis/utf8.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest {

namespace {

// The names of each month in lower case: English, French, German, Spanish.
// Where languages share an abbreviation ("mar", "jun") they agree on the
// month. Names that are also ordinary words ("may", "march", "mai") are
// listed too: the day and year around them are what make them a month.
constexpr std::string_view month_names[12] = {
    "january jan janvier janv januar jänner jän enero ene",
    "february feb février fevrier févr fevr fév februar febrero",
    "march mar mars märz maerz mär mrz marzo",
    "april apr avril avr abril abr",
    "may mai mayo",
    "june jun juin juni junio",
    "july jul juillet juil juli julio",
    "august aug août aout agosto ago",
    "september sept sep septembre septiembre setiembre",
    "october oct octobre oktober okt octubre",
    "november nov novembre noviembre",
    "december dec décembre decembre déc dezember dez diciembre dic",
};

constexpr std::string_view weekday_names =
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo";

// In bytes, the longest names above ("septiembre", "miércoles") have 10:
// longer words cannot match and are not lower-cased at all.
constexpr std::size_t longest_name = 10;

std::string lower_word(std::string_view word) {
    for (const char c : word)
        if (static_cast<unsigned char>(c) >= 0x80) return utf8::lower(word);
    return ascii_lower(word);
}

// True when `word` is one of the space-separated names of `list`.
bool listed(std::string_view list, std::string_view word) {
    for (std::size_t start = 0; start < list.size();) {
        const auto space = list.find(' ', start);
        const auto end = space == std::string_view::npos ? list.size() : space;
        if (list.substr(start, end - start) == word) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

std::optional<int> month_from_word(std::string_view word) {
    if (word.size() < 3 || word.size() > longest_name) return std::nullopt;
    const std::string lower = lower_word(word);
    for (int month = 1; month <= 12; ++month)
        if (listed(month_names[month - 1], lower)) return month;
    return std::nullopt;
}

bool is_weekday_word(std::string_view word) {
    if (word.size() < 3 || word.size() > longest_name) return false;
    return listed(weekday_names, lower_word(word));
}

}  // namespace libsearch::ingest
