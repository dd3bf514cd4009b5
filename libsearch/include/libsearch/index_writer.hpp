#pragma once
/// @file index_writer.hpp
/// Writing articles into an index.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libsearch/article.hpp"

namespace libsearch {

/// How an IndexWriter opens its index and batches its work.
struct IndexOptions {
    /// Database directory.
    std::string path;
    /// Create the index when it does not exist (otherwise IndexNotFound).
    bool create = true;
    /// Commit automatically after this many changes (added, replaced or
    /// removed articles). 0: only on commit() and on destruction.
    std::size_t batch_size = 1000;
    /// Keep spelling data (words of titles and bodies, with the number of
    /// articles using each) for "did you mean".
    bool spelling = true;
    /// Threads that write a new (empty) index in parallel parts, merged into
    /// the index by the first commit(). Until then readers see no articles,
    /// and an interrupted run leaves the index as it was. 1: write directly.
    /// An index that has articles is always written directly.
    unsigned writers = 1;
    /// Each parallel writer moves on to a fresh database (a segment) after
    /// this many articles, and segments double in size every eight; the
    /// first commit() merges all segments at once. Xapian's writer slows
    /// down as its database grows, so smaller segments index faster.
    /// 0: one segment per writer.
    std::size_t segment_size = 50'000;
    /// A parallel build remembers every article it holds (about 50 bytes
    /// each) until its merge. After this many it merges into the index, as
    /// commit() does, and goes on in parallel: the writer's memory is bounded
    /// by this setting, not by the archive. Each merge rewrites the whole
    /// index, so smaller values cost time. 0: merge only on commit().
    std::size_t merge_every = 2'000'000;
    /// Language of articles that name none, and of queries by default.
    /// Stored in a new index; an existing index keeps the one it was made with.
    std::string default_language = "en";
    /// Spread articles over this many databases, `path`/shard-0 ...
    /// `path`/shard-<N-1>, by a stable hash of the article id, and make
    /// `path` a Xapian stub database listing them (Searcher, searchd and
    /// Xapian's tools open it as one index). File states and other metadata
    /// live in shard-0, committed after the other shards. 0: a new index is a
    /// single database; an existing index keeps the layout it has.
    /// @throws InvalidArgument (from IndexWriter) when `path` holds a single
    ///         index or another number of shards: resharding means indexing
    ///         into a new directory.
    unsigned shards = 0;
};

/// What add() did.
enum class AddOutcome {
    added,     ///< a new article
    replaced,  ///< an article with the same id existed and differed
    unchanged, ///< an identical article was already indexed; nothing written
};

/// Totals since the writer was opened.
struct WriterStats {
    std::uint64_t added = 0;
    std::uint64_t replaced = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t removed = 0;
    std::uint64_t commits = 0;
};

/// What IndexWriter::group_versions() found and wrote.
struct VersionGrouping {
    /// Stories with more than one version, and the articles in them.
    std::uint64_t groups = 0;
    std::uint64_t articles = 0;
    /// Pairs of articles whose samples were compared.
    std::uint64_t compared = 0;
    /// Articles whose group key was written or cleared.
    std::uint64_t written = 0;
    double seconds = 0;
};

/// An article analysed into the document an index stores: text repaired,
/// terms and positions generated, values set. This is most of the cost of
/// adding an article, and it may run in many threads at once
/// (IndexWriter::prepare) while one thread adds the results.
class PreparedArticle {
  public:
    ~PreparedArticle();
    PreparedArticle(PreparedArticle&&) noexcept;
    PreparedArticle& operator=(PreparedArticle&&) noexcept;
    PreparedArticle(const PreparedArticle&) = delete;
    PreparedArticle& operator=(const PreparedArticle&) = delete;

    /// The article as it will be stored (valid UTF-8, cleaned categories).
    const Article& article() const noexcept;

  private:
    friend class IndexWriter;
    struct Impl;
    explicit PreparedArticle(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

namespace index {
struct WriterAccess;  // the library's own sharded writer reaches into a shard's writer
}

/// Adds, replaces and removes articles. Holds the index's write lock for its
/// lifetime: a second writer on the same index gets IndexLocked. Readers
/// (Searcher) may use the index meanwhile and see each commit after reopen().
///
/// Not thread-safe: use one writer from one thread at a time; only prepare()
/// may be called from other threads meanwhile.
/// Destruction commits pending changes (errors there are swallowed; call
/// commit() first to see them).
class IndexWriter {
  public:
    /// Open or create the index.
    /// @throws IndexNotFound   no index and options.create is false
    /// @throws IndexLocked     another writer holds the index
    /// @throws IndexCorrupt    the files are not a readable index
    /// @throws IndexNotWritable permissions, read-only or full file system
    /// @throws InvalidArgument options.path is empty
    explicit IndexWriter(IndexOptions options);
    ~IndexWriter();
    IndexWriter(IndexWriter&&) noexcept;
    IndexWriter& operator=(IndexWriter&&) noexcept;
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Index an article, replacing any article with the same id.
    /// Text is repaired to valid UTF-8 first; an article whose stored form
    /// equals the indexed one is left alone (AddOutcome::unchanged).
    /// @throws InvalidArgument the id is empty or longer than 200 bytes
    /// @throws IndexError      the index could not be written
    AddOutcome add(const Article& article);

    /// The analysis half of add(), safe to call from any number of threads
    /// at once, also while another thread uses this writer.
    /// @throws InvalidArgument the id is empty or longer than 200 bytes
    PreparedArticle prepare(const Article& article) const;
    /// The writing half of add().
    /// @throws IndexError the index could not be written
    AddOutcome add(PreparedArticle&& prepared);

    /// Remove the article with this id. @return whether it existed.
    bool remove(const std::string& id);

    /// True when an article with this id is indexed (committed or pending).
    bool contains(const std::string& id) const;

    /// The stored article with this id (committed or pending), or nullopt.
    std::optional<Article> article(const std::string& id) const;

    /// The index's key-value metadata (Xapian user metadata), written with
    /// the next commit, so it stays consistent with the articles. Keys that
    /// start with "libsearch." belong to the library. An empty value deletes.
    std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);
    /// Keys that start with `prefix`, in byte order.
    std::vector<std::string> metadata_keys(const std::string& prefix) const;

    /// Make every change so far durable and visible to readers.
    /// @throws IndexNotWritable, IndexError
    void commit();

    /// Changes not yet committed.
    std::size_t pending() const noexcept;
    /// Articles in the index, pending changes included.
    std::uint64_t size() const;
    const WriterStats& stats() const noexcept;

    /// True when articles changed since versions were last grouped (also
    /// across runs: the mark is committed with the changes).
    bool versions_stale() const;
    /// Group the versions of each story over the whole index (reprints with
    /// small edits, a teaser and its full article; see schema.hpp,
    /// slot_version_group), so that searches can show one version with the
    /// number of others. Commits pending changes first and the keys after.
    /// Reads every article's samples (in passes of at most 32 MB of
    /// candidates each) and compares those that share one: call it once
    /// after a run of changes (the Ingester does when versions_stale()), not
    /// per article.
    /// @throws IndexNotWritable, IndexError
    VersionGrouping group_versions();
    const IndexOptions& options() const noexcept;

  private:
    friend struct index::WriterAccess;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace libsearch
