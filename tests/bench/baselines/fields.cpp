#include "fields.hpp"

#include <stdexcept>

#include "records.hpp"

namespace baseline {

std::string mix_date(const std::string& date) {
    if (date.empty()) return date;
    std::string day = bench::compact_date(date);
    if (day.empty()) throw std::runtime_error("query mix: date '" + date + "' is not YYYY-MM-DD");
    return day;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace baseline
