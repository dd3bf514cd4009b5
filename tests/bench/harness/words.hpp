#pragma once
// Words of record text, for the corpus scaler and the query mix.

#include <string>
#include <string_view>
#include <vector>

namespace bench {

/// ASCII letters-only words of `text`, lower-cased, 3..20 letters.
std::vector<std::string> words_of(std::string_view text);

/// True for common English function words (never a query on their own).
bool is_stopword(std::string_view word);

}  // namespace bench
