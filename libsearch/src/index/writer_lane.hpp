#pragma once
// One Xapian::WritableDatabase driven by its own thread: the unit of parallel
// writing. Work is queued (bounded, so memory stays bounded) and runs in
// order; the first error stops the lane and is rethrown to the caller.

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace libsearch::index {

class WriterLane {
  public:
    using Task = std::function<void(Xapian::WritableDatabase&)>;

    /// Creates (or overwrites) the database at `path`.
    explicit WriterLane(std::string path);
    ~WriterLane();
    WriterLane(const WriterLane&) = delete;
    WriterLane& operator=(const WriterLane&) = delete;

    /// Queue work; waits while the queue is full. Rethrows a lane error.
    void submit(Task task);
    /// Wait until all queued work is done. Rethrows a lane error.
    void sync();
    const std::string& path() const noexcept { return path_; }

  private:
    void loop();
    void rethrow_locked();

    std::string path_;
    Xapian::WritableDatabase db_;
    std::deque<Task> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::exception_ptr error_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread thread_;
};

}  // namespace libsearch::index
