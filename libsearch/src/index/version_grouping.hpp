#pragma once
// The pass that groups an index's articles into versions of one story and
// writes each group's key into schema::slot_version_group (searches collapse
// on it). It looks at the whole index, so a version indexed today joins a
// story indexed years ago.

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "index/database_sequence.hpp"
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
/// The same over databases read one after another (DatabaseSequence).
VersionGrouping group_versions(const DatabaseSequence& read, const WriteVersionKey& write);

/// A key to set (empty: remove) on the article with this id term.
struct VersionKeyChange {
    std::string id_term;
    std::string key;
};

/// Groups the articles of databases that a merge is about to join, in the
/// merge's order, so that the grouping is the merged index's. The keys that
/// change go to `changes` by id term: the merge renumbers documents.
VersionGrouping group_versions(const DatabaseSequence& parts, std::vector<VersionKeyChange>& changes);

/// Writes `changes` into the merged index (not committed); returns
/// `grouping` with the writing's time added.
VersionGrouping write_version_keys(Xapian::WritableDatabase& db, const std::vector<VersionKeyChange>& changes,
                                   VersionGrouping grouping);

/// Set or remove one document's key in place.
void write_version_key(Xapian::WritableDatabase& db, Xapian::docid d, const std::string& key);

/// The same on one database, written in place (not committed).
VersionGrouping group_versions(Xapian::WritableDatabase& db);

}  // namespace libsearch::index
