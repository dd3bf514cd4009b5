#pragma once
// One Xapian::WritableDatabase at a time driven by its own thread: the unit
// of parallel writing. Work is queued (bounded, so memory stays bounded) and
// runs in order; the first error stops the lane and is rethrown to the
// caller.

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
    explicit WriterLane(const std::string& path);
    ~WriterLane();
    WriterLane(const WriterLane&) = delete;
    WriterLane& operator=(const WriterLane&) = delete;

    /// Queue work; waits while the queue is full. Rethrows a lane error.
    void submit(Task task);
    /// Queue: commit the database, close it and go on in a new one created
    /// (or overwritten) at `path`.
    void reopen(std::string path);
    /// Wait until all queued work is done. Rethrows a lane error.
    void sync();

  private:
    void loop();
    void rethrow_locked();

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
