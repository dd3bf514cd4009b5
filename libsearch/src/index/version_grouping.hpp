#pragma once
// The pass that groups an index's articles into versions of one story and
// writes each group's key into schema::slot_version_group (searches collapse
// on it). It looks at the whole index, so a version indexed today joins a
// story indexed years ago.

#include <xapian.h>

#include <functional>
#include <string>

#include "libsearch/index_writer.hpp"

namespace libsearch::index {

/// Samples shared by more articles than this are boilerplate (a stock
/// phrase, a site's footer): they are not evidence that two texts are one story.
inline constexpr Xapian::doccount kMaxSharedSample = 200;

/// Sets one article's group key (empty: removes it) where it is stored.
using WriteVersionKey = std::function<void(Xapian::docid, const std::string& key)>;

/// Group every article of `read` (one database, or the shards of a sharded
/// index as one) and hand each key that changes to `write` (docids are
/// `read`'s).
VersionGrouping group_versions(const Xapian::Database& read, const WriteVersionKey& write);

/// Set or remove one document's key in place.
void write_version_key(Xapian::WritableDatabase& db, Xapian::docid d, const std::string& key);

/// The same on one database, written in place (not committed).
VersionGrouping group_versions(Xapian::WritableDatabase& db);

}  // namespace libsearch::index
