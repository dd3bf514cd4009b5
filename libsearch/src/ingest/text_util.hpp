#pragma once
// Small text helpers shared by the readers.

#include <string>
#include <string_view>
#include <vector>

namespace libsearch::ingest {

/// Without leading and trailing white space (ASCII, NBSP and other Unicode spaces).
std::string_view trim(std::string_view text) noexcept;

/// Runs of white space (including newlines) as one space, trimmed.
std::string collapse_whitespace(std::string_view text);

/// Lines without their terminators (LF, CRLF or CR).
std::vector<std::string_view> split_lines(std::string_view text);

/// ASCII case-insensitive equality and prefix test.
bool iequals(std::string_view a, std::string_view b) noexcept;
bool istarts_with(std::string_view text, std::string_view prefix) noexcept;

/// ASCII lower case.
std::string ascii_lower(std::string_view text);

}  // namespace libsearch::ingest
