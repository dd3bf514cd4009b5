#pragma once
// Month and weekday names as dates spell them, in English, French, German and
// Spanish, full and abbreviated.

#include <optional>
#include <string_view>

namespace libsearch::ingest {

/// The month (1..12) a word names, in any case ("feb", "FEBRUARY", "février",
/// "März", "dic"); nullopt for any other word. A trailing dot is not part of the word.
std::optional<int> month_from_word(std::string_view word);

/// True when the word is a day of the week ("Fri", "friday", "vendredi", "Freitag").
bool is_weekday_word(std::string_view word);

}  // namespace libsearch::ingest
