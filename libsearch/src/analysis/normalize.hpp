#pragma once
// Spelling normalisation applied identically to indexed text, query text and
// the text snippets are cut from, so that variant spellings find each other.

#include <string>
#include <string_view>

namespace libsearch::analysis {

/// Arabic-script normalisation for Persian and Arabic: Arabic Yeh and Alef
/// Maksura -> Persian Yeh, Arabic Kaf -> Keheh, Teh Marbuta kept, diacritics
/// (harakat, superscript Alef) and tatweel removed, ZERO WIDTH NON-JOINER
/// removed (so "می‌خواهم" and "میخواهم" are one word). Text without Arabic
/// script is returned unchanged, cheaply.
std::string normalize_spelling(std::string_view text);

}  // namespace libsearch::analysis
