// searchd's search slots: at most N searches at once, the others served in
// the order they came.

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "search_slots.hpp"

namespace {

// Polls, boundedly, until `done` holds; false after about 10 s.
template <typename Condition>
bool eventually(Condition done) {
    for (int i = 0; i < 10000; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

}  // namespace

TEST_CASE("search slots: 0 means two per hardware thread, never none", "[search_slots]") {
    CHECK(searchd::SearchSlots(3).size() == 3);
    CHECK(searchd::SearchSlots(0).size() == 2 * std::max(1u, std::thread::hardware_concurrency()));
}

TEST_CASE("search slots: requests waiting for a slot get it in the order they came", "[search_slots]") {
    searchd::SearchSlots slots(1);
    std::mutex order_mutex;
    std::vector<int> order;
    auto first = std::make_unique<searchd::SearchSlots::Slot>(slots.take());

    std::vector<std::thread> waiters;
    for (int i = 0; i < 5; ++i) {
        waiters.emplace_back([&, i] {
            const auto slot = slots.take();
            std::lock_guard lock(order_mutex);
            order.push_back(i);
        });
        // The next waiter starts only once this one holds its ticket.
        REQUIRE(eventually([&] { return slots.load().queued == static_cast<std::size_t>(i) + 1; }));
    }
    {
        std::lock_guard lock(order_mutex);
        CHECK(order.empty());  // all wait while the first slot is held
    }
    CHECK(slots.load().running == 1);
    first.reset();
    for (auto& waiter : waiters) waiter.join();
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(slots.load().running == 0);
    CHECK(slots.load().queued == 0);
}

TEST_CASE("search slots: never more than the limit at once", "[search_slots]") {
    const unsigned limit = GENERATE(1u, 2u, 3u);
    searchd::SearchSlots slots(limit);
    std::atomic<int> running{0}, most{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                const auto slot = slots.take();
                const int now = ++running;
                for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
                }
                std::this_thread::yield();
                --running;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(most.load() >= 1);
    CHECK(most.load() <= static_cast<int>(limit));
    CHECK(slots.load().running == 0);
    CHECK(slots.load().queued == 0);
}

TEST_CASE("search slots: the slots held at once have different numbers, handed on with the slot",
          "[search_slots]") {
    const unsigned limit = GENERATE(1u, 3u);
    searchd::SearchSlots slots(limit);
    // Each number is held by one request at a time: a Searcher per number
    // is never used by two threads at once.
    std::vector<std::atomic<int>> holders(limit);
    std::atomic<bool> shared{false}, out_of_range{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 300; ++i) {
                const auto slot = slots.take();
                if (slot.number() >= limit) {
                    out_of_range = true;
                    continue;
                }
                if (++holders[slot.number()] != 1) shared = true;
                std::this_thread::yield();
                --holders[slot.number()];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK_FALSE(out_of_range.load());
    CHECK_FALSE(shared.load());

    // All free again: every number can be held at once.
    std::vector<searchd::SearchSlots::Slot> held;
    std::vector<unsigned> numbers;
    for (unsigned i = 0; i < limit; ++i) {
        held.push_back(slots.take());
        numbers.push_back(held.back().number());
    }
    std::sort(numbers.begin(), numbers.end());
    for (unsigned i = 0; i < limit; ++i) CHECK(numbers[i] == i);
}
