#pragma once
// Translation of Xapian's exceptions into libsearch's, at the library edge.

#include <xapian.h>

#include <string>
#include <string_view>

namespace libsearch {

/// Throw the libsearch error that says what went wrong with the index at
/// `path` while doing `action` ("opening", "committing", ...).
[[noreturn]] void throw_index_error(const Xapian::Error& error, const std::string& path, std::string_view action);

}  // namespace libsearch
