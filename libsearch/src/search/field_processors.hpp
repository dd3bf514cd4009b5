#pragma once
// The boolean fields of the query language: category:, place:, lang:, site:, date:.

#include <xapian.h>

#include <optional>

#include "search/date_query.hpp"

namespace libsearch::search {

/// The first bad field value met while parsing. Processors record it and
/// return MatchNothing rather than throw: an exception passing through
/// Xapian's parser leaks its parse stack.
struct FieldErrors {
    std::optional<BadFieldValue> first;
};

/// Register category:, place:, lang:, site: and date: on a QueryParser (as
/// filters: several values of one field are OR-ed, different fields AND-ed).
/// `errors` must outlive the parser's use.
void add_filter_fields(Xapian::QueryParser& parser, FieldErrors& errors);

}  // namespace libsearch::search
