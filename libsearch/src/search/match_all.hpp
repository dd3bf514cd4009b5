#pragma once

#include <xapian.h>

#include <string>

namespace libsearch::search {

/// A query matching every document, made afresh. Xapian::Query::MatchAll is
/// one static object whose reference count is not atomic: Searchers copying
/// it on two threads at once corrupted the count, and searchd crashed under
/// load (tests/unit/test_concurrency.cpp).
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

}  // namespace libsearch::search
