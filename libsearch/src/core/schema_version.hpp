#pragma once
// Refusing an index made under another schema (schema.hpp), which this
// library would misread: facet counts, dates and stored fields.

#include <xapian.h>

#include <string>

namespace libsearch {

/// @throws IndexCorrupt naming the index, its schema and how to rebuild it,
///         when the index records a schema version other than this library's.
///         An index with no version recorded (new, or not libsearch's) passes.
void check_schema_version(const Xapian::Database& db, const std::string& path);

}  // namespace libsearch
