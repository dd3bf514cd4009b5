#pragma once
/// @file language.hpp
/// Languages by ISO 639 code or English name, and which stemmer serves each.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch {

/// Where a language's Snowball stemmer comes from.
enum class StemmerSource {
    none,        ///< no stemmer: words are indexed and searched as written
    xapian,      ///< one of Xapian's built-in Snowball stemmers
    libstemmer,  ///< libstemmer's Snowball stemmer, for languages Xapian 1.4 lacks
};

/// A language the library knows.
struct Language {
    std::string code;  ///< ISO 639-1 code ("en"); ISO 639-3 where there is no 639-1 code
    std::string name;  ///< lower-case English name, also the Snowball algorithm name ("english")
    StemmerSource stemmer = StemmerSource::none;
    bool operator==(const Language&) const = default;
};

/// Look a language up by ISO 639-1 or 639-3 code or English name, in any case
/// ("en", "eng", "English"). Region subtags are ignored ("en-GB", "pt_BR").
/// @return nullopt when the language is not known.
std::optional<Language> find_language(std::string_view code_or_name);

/// As find_language(), but an unknown or empty language yields a Language with
/// no stemmer whose code is the given text lower-cased (empty text gives "und"),
/// so that an article in any language is still indexed and searchable.
Language resolve_language(std::string_view code_or_name);

/// Every language with a stemmer, in code order.
const std::vector<Language>& stemmed_languages();

}  // namespace libsearch
