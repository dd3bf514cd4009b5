#pragma once
// What the fuzz targets share: the input as text, a splitter for inputs made
// of several fields, and checks of the invariants the readers promise. A
// broken invariant aborts, which libFuzzer reports as a crash like any other.

#include <libsearch/article.hpp>
#include <libsearch/date.hpp>
#include <libsearch/ingest.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Abort with a message naming the broken invariant.
inline void expect(bool ok, const char* invariant) {
    if (ok) return;
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", invariant);
    std::abort();
}

/// The input cut into fields at `separator`: next() gives the text up to the
/// next separator (or the rest), then empty fields once the input is used up.
class Fields {
  public:
    Fields(std::string_view text, char separator) : rest_(text), separator_(separator) {}
    std::string_view next() {
        const auto end = rest_.find(separator_);
        const std::string_view field = rest_.substr(0, end);
        rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
        return field;
    }
    std::string_view rest() const { return rest_; }

  private:
    std::string_view rest_;
    char separator_;
};

/// A date a parser returned is a real day of years 1..9999.
inline void check_date(const libsearch::Date& date) {
    const auto remade = libsearch::Date::make(date.year, date.month, date.day);
    expect(remade && *remade == date && date.year >= 1 && date.year <= 9999, "a parsed date is a real day");
    expect(date.iso().size() == 10 && date.key().size() == 8, "a date prints as YYYY-MM-DD and YYYYMMDD");
}

/// article.hpp: date_source is none exactly when the date is empty.
inline void check_article(const libsearch::Article& article) {
    expect(article.date.has_value() == (article.date_source != libsearch::DateSource::none),
           "Article::date_source is none exactly when date is empty");
    if (article.date) check_date(*article.date);
}

inline void check_result(const libsearch::ReadResult& result) {
    for (const auto& article : result.articles) check_article(article);
}

}  // namespace fuzz
