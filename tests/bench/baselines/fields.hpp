#pragma once
// Field values as the baselines store and query them.

#include <string>

namespace baseline {

/// A mix file's date bound: "" -> "", "YYYY-MM-DD" -> "YYYYMMDD"; throws std::runtime_error otherwise.
std::string mix_date(const std::string& date);

/// ASCII lower case (Reuters categories are ASCII).
std::string lower(std::string s);

}  // namespace baseline
