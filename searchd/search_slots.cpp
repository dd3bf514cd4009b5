#include "search_slots.hpp"

#include <algorithm>
#include <thread>

namespace searchd {

SearchSlots::SearchSlots(unsigned slots)
    : slots_(slots > 0 ? slots : 2 * std::max(1u, std::thread::hardware_concurrency())) {}

SearchSlots::Slot SearchSlots::take() {
    std::unique_lock lock(mutex_);
    if (running_ < slots_ && queue_.empty()) {
        ++running_;
        return Slot(*this);
    }
    Waiter me;
    queue_.push_back(&me);
    me.turn.wait(lock, [&] { return me.granted; });
    return Slot(*this);
}

void SearchSlots::release() {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) {
        --running_;
        return;
    }
    // The slot passes straight to the first in line, so no later arrival can take it first.
    Waiter* next = queue_.front();
    queue_.pop_front();
    next->granted = true;
    next->turn.notify_one();
}

SearchSlots::Load SearchSlots::load() const {
    std::lock_guard lock(mutex_);
    return {running_, queue_.size()};
}

}  // namespace searchd
