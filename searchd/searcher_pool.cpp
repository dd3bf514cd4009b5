#include "searcher_pool.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <stdexcept>

namespace searchd {

struct SearcherPool::Entry {
    std::unique_ptr<libsearch::Searcher> searcher;
    std::chrono::steady_clock::time_point checked;
};

namespace {
std::atomic<unsigned> next_pool_id{0};
}  // namespace

SearcherPool::SearcherPool(std::string path, std::chrono::milliseconds refresh, unsigned slots,
                           libsearch::Synonyms synonyms, libsearch::SearcherOptions shards)
    : path_(std::move(path)), refresh_(refresh), synonyms_(std::move(synonyms)), shards_(shards), id_(next_pool_id++) {
    libsearch::Searcher probe(path_, shards_);
    for (unsigned i = 0; i < slots; ++i) slots_.push_back(std::make_unique<Entry>());
}

SearcherPool::~SearcherPool() = default;

SearcherPool::Entry& SearcherPool::fresh(Entry& entry) {
    const auto now = std::chrono::steady_clock::now();
    if (!entry.searcher) {
        entry.searcher = std::make_unique<libsearch::Searcher>(path_, shards_);
        entry.searcher->set_synonyms(synonyms_);
        entry.checked = now;
    } else if (now - entry.checked >= refresh_) {
        entry.searcher->reopen();
        entry.checked = now;
    }
    return entry;
}

libsearch::Searcher& SearcherPool::local() {
    thread_local std::map<unsigned, Entry> searchers;
    return *fresh(searchers[id_]).searcher;
}

libsearch::Searcher& SearcherPool::for_slot(unsigned number) {
    if (number >= slots_.size()) throw std::out_of_range("searchd: no search slot " + std::to_string(number));
    return *fresh(*slots_[number]).searcher;
}

}  // namespace searchd
