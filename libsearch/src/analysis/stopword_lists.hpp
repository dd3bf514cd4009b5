#pragma once
// Stopword lists per language (the Snowball project's lists), as data.

#include <span>
#include <string_view>

namespace libsearch::analysis {

/// The stopwords of a language, lower-case UTF-8, by Snowball algorithm name
/// ("english", "french", ...). Empty for a language without a list.
std::span<const std::string_view> stopword_list(std::string_view snowball_name) noexcept;

}  // namespace libsearch::analysis
