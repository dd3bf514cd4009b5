#include "search_slots.hpp"

#include <algorithm>
#include <thread>

namespace searchd {

SearchSlots::SearchSlots(unsigned slots)
    : slots_(slots > 0 ? slots : 2 * std::max(1u, std::thread::hardware_concurrency())) {
    // Taken from the back: slot 0 first, so a lightly loaded server keeps
    // using the same few.
    for (unsigned number = slots_; number-- > 0;) free_.push_back(number);
}

SearchSlots::Slot SearchSlots::take() {
    std::unique_lock lock(mutex_);
    if (running_ < slots_ && queue_.empty()) {
        ++running_;
        const unsigned number = free_.back();
        free_.pop_back();
        return Slot(*this, number);
    }
    Waiter me;
    queue_.push_back(&me);
    me.turn.wait(lock, [&] { return me.granted; });
    return Slot(*this, me.number);
}

void SearchSlots::release(unsigned number) {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) {
        --running_;
        free_.push_back(number);
        return;
    }
    // The slot passes straight to the first in line, so no later arrival can take it first.
    Waiter* next = queue_.front();
    queue_.pop_front();
    next->number = number;
    next->granted = true;
    next->turn.notify_one();
}

SearchSlots::Load SearchSlots::load() const {
    std::lock_guard lock(mutex_);
    return {running_, queue_.size()};
}

}  // namespace searchd
