#pragma once
// A new index written in parallel: articles are spread by id over several
// lanes (each its own thread and database) and merged into the index in one
// pass of Xapian's compactor. Xapian's writer is single-threaded and is most
// of the cost of indexing; lanes use every core, and the merge costs a few
// percent. Metadata set meanwhile wait in the IndexWriter and go into the
// merged index.
//
// A lane writes a series of databases (segments), a fresh one after
// `segment_size` articles, sizes doubling every eight segments: Xapian's
// writer slows down as its database grows (each flush merges into bigger
// posting lists and writes more of them), so a lane that keeps its database
// small writes faster. An article replaced or removed after its segment was
// closed is deleted from that segment just before the merge.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/database_sequence.hpp"
#include "index/id_table.hpp"
#include "index/writer_lane.hpp"
#include "libsearch/index_writer.hpp"

namespace libsearch::index {

class BulkBuild {
  public:
    /// Lanes live in `<index_path>/.lanes/`; each commits every
    /// `batch_size` of its documents, so memory stays bounded, and starts a
    /// new segment after `segment_size` (0: never; see IndexOptions). With
    /// `spelling`, each lane makes the spelling data of its vocabulary before
    /// the merge (add_vocabulary_spelling), all lanes at once; the compactor
    /// adds up their counts.
    BulkBuild(const std::string& index_path, unsigned lanes, std::size_t batch_size, std::size_t segment_size,
              bool spelling);
    ~BulkBuild();

    /// Same outcomes as IndexWriter::add: an id met again with the same
    /// stored data is unchanged, with other data replaced.
    AddOutcome add(const std::string& id, std::shared_ptr<const Xapian::Document> document);
    bool remove(const std::string& id);
    bool contains(const std::string& id) { return ids_.find(id) != nullptr; }
    /// The stored data of an article added in this build.
    std::optional<std::string> data(const std::string& id);
    std::uint64_t size() const { return ids_.size(); }
    /// No article waits in the lanes (removed ones do not count).
    bool empty() const { return ids_.size() == 0; }

    /// Work done beside the merge, given the databases being merged, in the
    /// merge's order, on handles of its own.
    using Alongside = std::function<void(const DatabaseSequence&)>;
    /// Waits for the lanes, commits them and merges them with the
    /// (committed, closed) index at `index_path` into `output`. `alongside`
    /// (when given) runs on another thread meanwhile; an exception from
    /// either reaches the caller once both are done.
    void merge(const std::string& index_path, const std::string& output, const Alongside& alongside = {});

    /// Where the lanes of an index live: stale ones are removed on opening.
    static std::string lanes_dir(const std::string& index_path) { return index_path + "/.lanes"; }

  private:
    // What the caller's thread knows of a lane; its thread has the database.
    struct Lane {
        std::unique_ptr<WriterLane> writer;
        std::shared_ptr<std::size_t> changes;  // touched only by the lane's thread
        unsigned segment = 0;                  // the one being written
        std::size_t in_segment = 0;            // articles added to it
        // Id terms of articles that have a newer version in a later segment,
        // or none: deleted from their (closed) segment before the merge.
        std::map<unsigned, std::vector<std::string>> stale;
    };

    std::size_t lane_of(const std::string& id) const;
    std::string segment_path(std::size_t lane, unsigned segment) const;
    std::string spelling_path(std::size_t lane) const;
    // Queues a change of the lane's current segment; the lane commits after
    // every `batch_size` of them.
    void submit_change(Lane& lane, std::function<void(Xapian::WritableDatabase&)> change);
    // The article goes to the lane's current segment; a new segment is
    // started when that one is full.
    void add_to_segment(std::size_t lane, std::shared_ptr<const Xapian::Document> document);
    // Before the merge, in the lane's thread: stale articles deleted, and
    // the spelling data of the lane's vocabulary made.
    void finish_lane(std::size_t lane);

    std::string dir_;
    std::vector<Lane> lanes_;
    // id -> hash of its stored data, with the segment holding the article in
    // the low bits (see bulk_build.cpp).
    IdTable ids_;
    std::size_t batch_size_;
    std::size_t segment_size_;
    bool spelling_;
};

/// Spelling data ("did you mean") counts, for each word, the articles that
/// use it. Words are the unprefixed, unstemmed terms without digits.
bool is_spelling_word(const std::string& term);

/// Adds a new article's words to the spelling data.
void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& document);

/// Makes the spelling data of a whole vocabulary (every term of
/// `vocabulary`, with the number of articles using it) in `out`, in one pass:
/// far cheaper than adding each article's words as it is written. Commits.
void add_vocabulary_spelling(Xapian::WritableDatabase& out, const Xapian::Database& vocabulary);

}  // namespace libsearch::index
