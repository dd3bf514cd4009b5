#include "ingest/formats/date_words.hpp"

#include <array>
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

constexpr std::string_view weekday_names[1] = {  // one list, in an array like month_names
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo"};

// In bytes, the longest names above ("septiembre", "miércoles") have 10:
// longer words cannot match and are not lower-cased at all.
constexpr std::size_t longest_name = 10;

bool is_ascii(std::string_view word) {
    for (const char c : word)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
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

// Whether any name of the lists starts with this (lower-case) byte: most
// words of a text start with a byte no name starts with.
using FirstBytes = std::array<bool, 256>;
template <std::size_t N>
FirstBytes first_bytes_of(const std::string_view (&lists)[N]) {
    FirstBytes first{};
    for (const auto list : lists)
        for (std::size_t start = 0; start < list.size();) {
            first[static_cast<unsigned char>(list[start])] = true;
            const auto space = list.find(' ', start);
            start = space == std::string_view::npos ? list.size() : space + 1;
        }
    return first;
}

char ascii_lower_byte(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `match` gets the word in lower case, or an empty text (which no name is)
// when its first byte rules it out. Dates are looked for at every word of a
// text, so the common case, an ASCII word, is lower-cased on the stack.
template <typename Match>
auto with_lower_word(std::string_view word, const FirstBytes& first, Match match) {
    if (static_cast<unsigned char>(word.front()) < 0x80 &&
        !first[static_cast<unsigned char>(ascii_lower_byte(word.front()))])
        return match(std::string_view());
    if (!is_ascii(word)) return match(std::string_view(utf8::lower(word)));
    char lower[longest_name];
    for (std::size_t i = 0; i < word.size(); ++i) lower[i] = ascii_lower_byte(word[i]);
    return match(std::string_view(lower, word.size()));
}

}  // namespace

std::optional<int> month_from_word(std::string_view word) {
    if (word.size() < 3 || word.size() > longest_name) return std::nullopt;
    static const FirstBytes first = first_bytes_of(month_names);
    return with_lower_word(word, first, [](std::string_view lower) -> std::optional<int> {
        for (int month = 1; month <= 12; ++month)
            if (listed(month_names[month - 1], lower)) return month;
        return std::nullopt;
    });
}

bool is_weekday_word(std::string_view word) {
    if (word.size() < 3 || word.size() > longest_name) return false;
    static const FirstBytes first = first_bytes_of(weekday_names);
    return with_lower_word(word, first, [](std::string_view lower) { return listed(weekday_names[0], lower); });
}

}  // namespace libsearch::ingest
