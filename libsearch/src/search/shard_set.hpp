#pragma once
// The databases a Searcher reads as one: a single database directory, or
// every line of a stub database (a sharded index made by indexer --shards,
// or a stub written by hand naming local and remote shards). Remote shards
// open with the caller's timeouts, so a shard that is down or stalled costs
// a bounded wait and a ShardUnavailable naming it, never a hang.

#include <xapian.h>

#include <string>
#include <vector>

#include "core/stub_database.hpp"
#include "libsearch/searcher.hpp"

namespace libsearch::search {

class ShardSet {
  public:
    /// Reads the layout at `path` (no database is opened yet).
    /// @throws IndexNotFound, IndexCorrupt a stub that cannot be read
    ShardSet(std::string path, SearcherOptions options);

    /// Opens every shard, checks each one's schema, and returns them as one
    /// database. @throws ShardUnavailable (remote shards that fail),
    /// IndexNotFound, IndexCorrupt (local ones)
    Xapian::Database open();

    /// True when a shard is served by xapian-tcpsrv: Xapian cannot run
    /// libsearch's own match spies and posting sources there.
    bool has_remote() const noexcept { return has_remote_; }
    /// The number of databases searched as one.
    std::size_t count() const noexcept { return entries_.empty() ? 1 : entries_.size(); }

    /// Throws ShardUnavailable for a network failure met while `action`,
    /// naming the shards that do not answer now.
    [[noreturn]] void unavailable(const Xapian::NetworkError& error, std::string_view action) const;

    /// True when the stub, or the stub of a local shard, changed since
    /// open(), as xapian-replicate's does when it switches a replica to a
    /// new full copy: the databases must then be opened again (the entries
    /// are read anew).
    bool reload_layout();

    /// Names the state of the one local database last opened: its UUID and
    /// revision, as they are now (a reopen moves them on). Empty for shards.
    std::string state_key() const;

    /// The newest last-commit time of the shards (each records its own).
    std::string last_commit() const;

  private:
    Xapian::Database open_remote(const stub::Entry& entry) const;
    // The text of the stub and of the local shards' own stubs.
    std::string layout_text() const;

    std::string path_;
    SearcherOptions options_;
    std::vector<stub::Entry> entries_;  // empty: `path_` is one database directory
    std::vector<Xapian::Database> parts_;
    std::string layout_;  // layout_text() as of the last open()
    bool has_remote_ = false;
};

}  // namespace libsearch::search
