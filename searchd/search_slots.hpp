#pragma once
// A first-come, first-served limit on the searches running at once.
//
// cpp-httplib gives every connection a thread, so without a limit 8 busy
// connections on 2 cores run 8 searches at once and each takes 4 times as
// long: the slowest queries, stretched 4 times, make the 99th percentile.
// Queued in arrival order instead, a request waits for the few ahead of it
// and then runs at full speed: a shorter tail. Two slots per core rather
// than one keep the throughput: a search waiting on the disk leaves its core
// to the other (tests/bench/RESULTS.md,
// session 8: at 1M articles, 8 connections, p99 93-107 ms without a limit,
// 60-72 ms with 4 slots; one slot per core lost 15-20% of the requests/s).

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

namespace searchd {

class SearchSlots {
  public:
    /// `slots` searches at once; 0: two per hardware thread.
    explicit SearchSlots(unsigned slots);

    unsigned size() const noexcept { return slots_; }

    /// Holds a slot from take() until destroyed. Slots are numbered 0 to
    /// size() - 1; no two held at once have the same number, so state kept
    /// per number (a Searcher) is used by one request at a time.
    class Slot {
      public:
        Slot(SearchSlots& owner, unsigned number) : owner_(&owner), number_(number) {}
        ~Slot() {
            if (owner_) owner_->release(number_);
        }
        Slot(Slot&& other) noexcept : owner_(other.owner_), number_(other.number_) { other.owner_ = nullptr; }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        Slot& operator=(Slot&&) = delete;

        unsigned number() const noexcept { return number_; }

      private:
        SearchSlots* owner_;
        unsigned number_;
    };

    /// Waits until the requests that came earlier have a slot and one is free.
    [[nodiscard]] Slot take();

    struct Load {
        unsigned running = 0;    ///< requests holding a slot
        std::size_t queued = 0;  ///< requests waiting for one
    };
    Load load() const;

  private:
    void release(unsigned number);

    // One per request waiting, woken alone when a slot is handed to it: a
    // wake-up of every waiter at each release made the woken ones queue for
    // the cores, the next in line among them.
    struct Waiter {
        std::condition_variable turn;
        bool granted = false;
        unsigned number = 0;  // the slot handed over
    };

    unsigned slots_;
    mutable std::mutex mutex_;
    unsigned running_ = 0;
    std::vector<unsigned> free_;  // numbers of the slots nobody holds
    std::deque<Waiter*> queue_;
};

}  // namespace searchd
