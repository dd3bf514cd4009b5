#pragma once
// The pass that groups an index's articles into versions of one story and
// writes each group's key into schema::slot_version_group (searches collapse
// on it). It looks at the whole index, so a version indexed today joins a
// story indexed years ago.

#include <xapian.h>

#include "libsearch/index_writer.hpp"

namespace libsearch::index {

/// Sample terms shared by more articles than this are boilerplate (a stock
/// phrase, a site's footer): they are not evidence that two texts are one story.
inline constexpr Xapian::doccount kMaxSharedSample = 200;

/// Group every article of `db` and write the changed keys (not committed).
VersionGrouping group_versions(Xapian::WritableDatabase& db);

}  // namespace libsearch::index
