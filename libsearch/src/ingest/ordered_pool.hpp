#pragma once
// Runs a function over items on worker threads and hands the results back in
// item order, with at most `window` results waiting: parallel reading and
// parsing, one consumer, bounded memory. An exception thrown by the function
// (std::bad_alloc, say) reaches the consumer from next(), in item order,
// rather than ending the process from a worker thread.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace libsearch::ingest {

template <typename Result>
class OrderedPool {
  public:
    OrderedPool(std::size_t count, unsigned threads, std::function<Result(std::size_t)> work)
        : work_(std::move(work)), results_(count), errors_(count), window_(threads * 2 + 1) {
        for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { loop(); });
    }

    ~OrderedPool() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        for (auto& worker : workers_) worker.join();
    }

    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    /// The next result in order; nullopt after the last.
    /// @throws whatever the function threw for that item
    std::optional<Result> next() {
        std::unique_lock lock(mutex_);
        if (consumed_ == results_.size()) return std::nullopt;
        changed_.wait(lock, [&] { return results_[consumed_].has_value() || errors_[consumed_]; });
        if (auto error = std::exchange(errors_[consumed_], nullptr)) {
            ++consumed_;
            changed_.notify_all();
            std::rethrow_exception(error);
        }
        std::optional<Result> result = std::move(results_[consumed_]);
        results_[consumed_].reset();
        ++consumed_;
        changed_.notify_all();
        return result;
    }

  private:
    void loop() {
        while (true) {
            std::size_t index;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] {
                    return stopping_ || next_ == results_.size() || next_ < consumed_ + window_;
                });
                if (stopping_ || next_ == results_.size()) return;
                index = next_++;
            }
            std::optional<Result> result;
            std::exception_ptr error;
            try {
                result.emplace(work_(index));
            } catch (...) {
                error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex_);
                if (error) errors_[index] = error;
                else results_[index] = std::move(result);
            }
            changed_.notify_all();
        }
    }

    std::function<Result(std::size_t)> work_;
    std::vector<std::optional<Result>> results_;
    std::vector<std::exception_ptr> errors_;
    std::size_t window_;
    std::size_t next_ = 0;
    std::size_t consumed_ = 0;
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::thread> workers_;
};

}  // namespace libsearch::ingest
