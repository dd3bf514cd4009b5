#pragma once
// How field values become the schema's terms and values (see
// libsearch/schema.hpp). Indexing and query parsing both call these, so a
// filter always spells a term exactly as the indexer did.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libsearch/date.hpp"

namespace libsearch::schema_terms {

/// "Q" + id.
std::string id_term(std::string_view id);

/// A category as displayed: surrounding space dropped, inner runs of space
/// collapsed to one. Empty when nothing is left.
std::string clean_category(std::string_view category);
/// "XCAT" + the cleaned, lower-cased category (so filters ignore case).
std::string category_term(std::string_view category);

/// The host of a URL or a bare host name, lower-cased, without port, user
/// info or a trailing dot ("https://News.BBC.co.uk:443/x" -> "news.bbc.co.uk").
std::string host_of(std::string_view url_or_host);
/// "H" + the host and each of its parent domains, most specific first.
std::vector<std::string> site_terms(std::string_view url);

/// "XPLACE" + the cleaned, lower-cased place.
std::string place_term(std::string_view place);

/// "L" + language code.
std::string language_term(std::string_view code);

/// "Y" + YYYY, "M" + YYYYMM, "D" + YYYYMMDD.
std::string year_term(int year);
std::string month_term(int year, int month);
std::string day_term(const Date& date);

/// The categories value slot: categories joined by U+001F, which a cleaned
/// category never contains.
std::string pack_categories(const std::vector<std::string>& categories);
std::vector<std::string> unpack_categories(std::string_view packed);

/// The facets value slot (schema.hpp): the year-month "YYYYMM" of a dated
/// article, then its categories.
std::string pack_facets(const std::optional<Date>& date, const std::vector<std::string>& categories);
struct FacetValues {
    std::string year_month;  ///< "YYYYMM", empty when undated
    std::vector<std::string> categories;
};
FacetValues unpack_facets(std::string_view packed);

/// Hex FNV-1a 64 of the title and body with case and white space folded:
/// reprints that differ only in spacing or case share it.
std::string content_hash(std::string_view title, std::string_view body);

}  // namespace libsearch::schema_terms
