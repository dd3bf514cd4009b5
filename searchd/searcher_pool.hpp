#pragma once
// libsearch::Searchers for searchd's threads (a Searcher is not
// thread-safe), each reopened at most every `refresh` so that new commits
// appear within that time without a restart. A search route uses the
// Searcher of the search slot it holds: as many as there are slots, each
// busy and its caches warm, rather than one per connection's thread (at 32
// connections, 32 Searchers that each served a 32nd of the requests).
// Routes without a slot (health, metrics, an export's stream) use one of
// their thread's own.

#include <libsearch/searcher.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace searchd {

class SearcherPool {
  public:
    /// Opens one Searcher at once, so a missing index fails at start.
    /// @throws libsearch::IndexError
    /// Every Searcher expands queries with `synonyms`.
    /// Remote shards are reached with `shards`' timeouts.
    SearcherPool(std::string path, std::chrono::milliseconds refresh, unsigned slots,
                 libsearch::Synonyms synonyms = {}, libsearch::SearcherOptions shards = {});
    ~SearcherPool();

    /// This thread's Searcher, reopened when it is older than `refresh`.
    libsearch::Searcher& local();
    /// The Searcher of search slot `number` (SearchSlots::Slot::number()),
    /// for the holder of that slot only; reopened as local()'s.
    libsearch::Searcher& for_slot(unsigned number);

    const std::string& path() const noexcept { return path_; }

    struct Entry;

  private:
    Entry& fresh(Entry& entry);
    std::string path_;
    std::chrono::milliseconds refresh_;
    libsearch::Synonyms synonyms_;
    libsearch::SearcherOptions shards_;
    unsigned id_;  // tells pools apart in the thread-local cache
    std::vector<std::unique_ptr<Entry>> slots_;
};

}  // namespace searchd
