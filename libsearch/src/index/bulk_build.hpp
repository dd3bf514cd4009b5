#pragma once
// A new index written in parallel: articles are spread by id over several
// lanes (each its own database and thread) and merged into the index in one
// pass of Xapian's compactor. Xapian's writer is single-threaded and is most
// of the cost of indexing; lanes use every core, and the merge costs a few
// percent. The index itself keeps the metadata meanwhile.

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/id_table.hpp"
#include "index/writer_lane.hpp"
#include "libsearch/index_writer.hpp"

namespace libsearch::index {

class BulkBuild {
  public:
    /// Lanes live in `<index_path>/.lanes/`; each commits every
    /// `batch_size` of its documents, so memory stays bounded. With
    /// `spelling`, each lane makes the spelling data of its vocabulary before
    /// the merge (add_vocabulary_spelling), all lanes at once; the compactor
    /// adds up their counts.
    BulkBuild(const std::string& index_path, unsigned lanes, std::size_t batch_size, bool spelling);
    ~BulkBuild();

    /// Same outcomes as IndexWriter::add: an id met again with the same
    /// stored data is unchanged, with other data replaced.
    AddOutcome add(const std::string& id, std::shared_ptr<const Xapian::Document> document);
    bool remove(const std::string& id);
    bool contains(const std::string& id) { return ids_.find(id) != nullptr; }
    /// The stored data of an article added in this build.
    std::optional<std::string> data(const std::string& id);
    std::uint64_t size() const { return ids_.size(); }

    /// Waits for the lanes, commits them and merges them with the
    /// (committed, closed) index at `index_path` into `output`.
    void merge(const std::string& index_path, const std::string& output);

    /// Where the lanes of an index live: stale ones are removed on opening.
    static std::string lanes_dir(const std::string& index_path) { return index_path + "/.lanes"; }

  private:
    std::size_t lane_of(const std::string& id) const;

    std::vector<std::unique_ptr<WriterLane>> lanes_;
    std::vector<std::shared_ptr<std::size_t>> changes_;  // each touched only by its lane's thread
    IdTable ids_;  // id -> hash of its stored data
    std::size_t batch_size_;
    bool spelling_;
};

/// Spelling data ("did you mean") counts, for each word, the articles that
/// use it. Words are the unprefixed, unstemmed terms without digits.
bool is_spelling_word(const std::string& term);

/// Adds a new article's words to the spelling data.
void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& document);

/// Makes the spelling data of a whole index in one pass over its vocabulary:
/// far cheaper than adding each article's words as it is written. Commits.
void add_vocabulary_spelling(Xapian::WritableDatabase& db);

}  // namespace libsearch::index
