#pragma once
// One libsearch::Searcher per worker thread (a Searcher is not thread-safe),
// each reopened at most every `refresh` so that new commits appear within
// that time without a restart.

#include <libsearch/searcher.hpp>

#include <chrono>
#include <string>

namespace searchd {

class SearcherPool {
  public:
    /// Opens one Searcher at once, so a missing index fails at start.
    /// @throws libsearch::IndexError
    /// Every Searcher expands queries with `synonyms`.
    /// Remote shards are reached with `shards`' timeouts.
    SearcherPool(std::string path, std::chrono::milliseconds refresh, libsearch::Synonyms synonyms = {},
                 libsearch::SearcherOptions shards = {});

    /// This thread's Searcher, reopened when it is older than `refresh`.
    libsearch::Searcher& local();

    const std::string& path() const noexcept { return path_; }

  private:
    std::string path_;
    std::chrono::milliseconds refresh_;
    libsearch::Synonyms synonyms_;
    libsearch::SearcherOptions shards_;
    unsigned id_;  // tells pools apart in the thread-local cache
};

}  // namespace searchd
