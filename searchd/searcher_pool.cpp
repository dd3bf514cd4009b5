#include "searcher_pool.hpp"

#include <atomic>
#include <map>
#include <memory>

namespace searchd {

namespace {

struct LocalSearcher {
    std::unique_ptr<libsearch::Searcher> searcher;
    std::chrono::steady_clock::time_point checked;
};

std::atomic<unsigned> next_pool_id{0};

}  // namespace

SearcherPool::SearcherPool(std::string path, std::chrono::milliseconds refresh, libsearch::Synonyms synonyms,
                           libsearch::SearcherOptions shards)
    : path_(std::move(path)), refresh_(refresh), synonyms_(std::move(synonyms)), shards_(shards), id_(next_pool_id++) {
    libsearch::Searcher probe(path_, shards_);
}

libsearch::Searcher& SearcherPool::local() {
    thread_local std::map<unsigned, LocalSearcher> searchers;
    LocalSearcher& mine = searchers[id_];
    const auto now = std::chrono::steady_clock::now();
    if (!mine.searcher) {
        mine.searcher = std::make_unique<libsearch::Searcher>(path_, shards_);
        mine.searcher->set_synonyms(synonyms_);
        mine.checked = now;
    } else if (now - mine.checked >= refresh_) {
        mine.searcher->reopen();
        mine.checked = now;
    }
    return *mine.searcher;
}

}  // namespace searchd
