#pragma once
/// @file ingester.hpp
/// Indexing files, folders and archives: the whole pipeline behind the
/// `indexer` program, for embedders too.
///
/// Incremental: for every file the index keeps its size, modification time,
/// content hash and the ids of its articles (in metadata committed together
/// with the articles, so a crash loses nothing that was committed). A rerun
/// skips files whose size and time are unchanged, re-reads the others,
/// replaces their articles and removes the articles they no longer hold.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "libsearch/index_writer.hpp"
#include "libsearch/ingest.hpp"

namespace libsearch {

/// How an Ingester works.
struct IngestOptions {
    ReadOptions read;
    /// Remove the articles of files that no longer exist under the given paths.
    bool prune = false;
    /// Undated articles take the day their file was last modified (DateSource::file).
    bool date_from_mtime = false;
    /// Read even files whose size and modification time are unchanged.
    bool force = false;
    /// Files read and parsed in parallel (the writer is one thread). 0: one per core.
    unsigned jobs = 0;
    /// When given and set to true (e.g. from a signal handler), the run stops
    /// after the file in hand, commits what it has, and reports `interrupted`.
    const std::atomic<bool>* stop = nullptr;
};

/// Where a run is, for a progress display.
struct IngestProgress {
    std::uint64_t files_done = 0;
    std::uint64_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    std::uint64_t articles = 0;  ///< articles read so far
    double seconds = 0;          ///< since the run started
};

/// What a run did.
struct IngestReport {
    std::uint64_t files_seen = 0;       ///< input files found
    std::uint64_t files_read = 0;       ///< read and parsed
    std::uint64_t files_unchanged = 0;  ///< skipped as unchanged since the last run
    std::uint64_t files_skipped = 0;    ///< unusable (see `skipped`)
    std::uint64_t files_pruned = 0;     ///< gone since the last run (with prune)
    std::uint64_t articles_read = 0;
    std::uint64_t articles_added = 0;
    std::uint64_t articles_updated = 0;
    std::uint64_t articles_unchanged = 0;
    std::uint64_t duplicates_merged = 0;  ///< the same article met again elsewhere, kept once
    std::uint64_t articles_removed = 0;   ///< no longer in their file, or their file is gone
    std::uint64_t bytes_read = 0;
    /// The grouping of versions of one story after the run's changes
    /// (IndexWriter::group_versions); all zero when nothing changed.
    VersionGrouping versions;
    /// Every file or record that gave no article, with the reason.
    std::vector<Skipped> skipped;
    /// Problems in articles that went in all the same (ReadResult::warnings).
    std::vector<Warning> warnings;
    double seconds = 0;
    /// The run was stopped before all files were read (IngestOptions::stop).
    bool interrupted = false;
    /// True when every input went in (warnings or not).
    bool complete() const noexcept { return skipped.empty() && !interrupted; }
};

/// The input files under some paths: files as given, folders walked
/// recursively, sorted. In folders, hidden entries, symlinked folders and
/// files that are plainly not archive content (README, LICENSE, checksums,
/// source code, images: by name and extension) are passed over.
/// "-" stands for standard input and is kept as is.
struct InputFiles {
    std::vector<std::string> files;
    std::vector<Skipped> skipped;  ///< paths that do not exist or cannot be listed
};
InputFiles list_input_files(const std::vector<std::string>& paths);

/// Runs the pipeline: list, read (in parallel), add to the writer, commit.
class Ingester {
  public:
    /// @param writer  the index to update; nullptr for a dry run that reads
    ///                and reports without writing.
    Ingester(IndexWriter* writer, IngestOptions options);

    /// Index every file under `paths`; "-" reads standard input.
    /// @param progress called from the calling thread after each file.
    /// @throws IndexError when the index cannot be written (what was committed stays).
    IngestReport run(const std::vector<std::string>& paths,
                     const std::function<void(const IngestProgress&)>& progress = {});

  private:
    IndexWriter* writer_;
    IngestOptions options_;
};

}  // namespace libsearch
