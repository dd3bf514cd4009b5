#pragma once
// The words of a text as Xapian's TermGenerator sees them, with their byte
// offsets, so that a match can be marked in the original text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch::search {

struct TextWord {
    std::uint32_t begin = 0;  // byte offsets in the text
    std::uint32_t end = 0;
    std::string key;  // lower-cased, apostrophes as ', acronyms without dots: what a term holds
};

/// Splits like TermGenerator: letters and digits make words; an apostrophe or
/// '&' between word characters, and '.' ',' between digits, stay inside one;
/// "U.S." is the word "us"; up to three trailing '+' or '#' belong to it (C++).
std::vector<TextWord> text_words(std::string_view text);

/// text_words() with each key spelled as the index spells it (Arabic-script
/// spellings normalised, see analysis::normalize_spelling), for comparing the
/// words of a text shown as written with the terms of the index.
std::vector<TextWord> indexed_words(std::string_view text);

}  // namespace libsearch::search
