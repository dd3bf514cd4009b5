#pragma once
// The boolean fields of the query language: category:, place:, lang:, site:, date:.

#include <xapian.h>

namespace libsearch::search {

/// Register category:, lang:, site: and date: on a QueryParser (as filters:
/// several values of one field are OR-ed, different fields AND-ed).
void add_filter_fields(Xapian::QueryParser& parser);

}  // namespace libsearch::search
