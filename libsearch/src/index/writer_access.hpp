#pragma once
// The library's own way into an IndexWriter's database, for the sharded
// writer, which groups versions across its shards' databases.

#include <xapian.h>

#include "libsearch/index_writer.hpp"

namespace libsearch::index {

struct WriterAccess {
    static Xapian::WritableDatabase& database(IndexWriter& writer);
    /// Versions are grouped: clear the writer's stale mark (committed with its next commit).
    static void versions_grouped(IndexWriter& writer);
};

}  // namespace libsearch::index
