#pragma once
// An IndexWriter over a sharded index (IndexOptions::shards): one writer per
// shard, each article routed to its shard by stub::shard_of. File states,
// holder counts and other metadata live in shard 0, which commits after
// every other shard: a crash between the two leaves states older than the
// articles, so the next run reads those files again, never the reverse
// (states claiming articles that were never committed).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/deferred_metadata.hpp"
#include "libsearch/index_writer.hpp"

namespace libsearch::index {

class ShardedWriter {
  public:
    /// Whether IndexWriter should open `options.path` as shards: asked for,
    /// or the directory already is a sharded index.
    /// @throws InvalidArgument the layout on disk and options.shards disagree
    static bool wanted(const IndexOptions& options);

    /// Opens (or creates) every shard, and writes the stub when creating.
    /// @throws as IndexWriter's constructor
    explicit ShardedWriter(const IndexOptions& options);
    ~ShardedWriter();

    AddOutcome add(PreparedArticle&& prepared);
    PreparedArticle prepare(const Article& article) const;
    bool remove(const std::string& id);
    bool contains(const std::string& id) const;
    std::optional<Article> article(const std::string& id) const;
    std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);
    std::vector<std::string> metadata_keys(const std::string& prefix) const;
    void commit();
    std::size_t pending() const noexcept { return pending_; }
    std::uint64_t size() const;
    const WriterStats& stats() const;
    /// Versions of one story are grouped across the shards: a reprint lands
    /// in another shard than its original (shards go by id).
    bool versions_stale() const;
    VersionGrouping group_versions();

  private:
    IndexWriter& shard(const std::string& id) const;
    void changed();

    IndexOptions options_;
    std::vector<std::unique_ptr<IndexWriter>> shards_;
    std::size_t pending_ = 0;
    // A new index's shards (but shard 0) are written in parallel lanes until
    // the first commit merges them; committing every batch would merge early.
    bool bulk_ = false;
    // Metadata set while bulk_: shard 0 is written directly and Xapian
    // flushes it on its own every 10,000 changes, which would make file
    // states durable before the articles in the other shards' lanes. They
    // wait here until commit().
    DeferredMetadata deferred_;
    std::uint64_t commits_ = 0;
    mutable WriterStats stats_;
};

}  // namespace libsearch::index
