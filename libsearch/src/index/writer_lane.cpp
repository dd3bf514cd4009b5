#include "index/writer_lane.hpp"

#include "index/uncompressed_scope.hpp"

namespace libsearch::index {

namespace {
// Queued tasks per lane: enough to keep the lane busy, few enough that
// queued documents cost little memory.
constexpr std::size_t kQueueLimit = 256;

// A lane is scratch space, merged and deleted at the end: it need not
// survive a crash, so its commits skip fsync.
Xapian::WritableDatabase create(const std::string& path) {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
}

}  // namespace

WriterLane::WriterLane(const std::string& path) : db_(create(path)), thread_([this] { loop(); }) {}

WriterLane::~WriterLane() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void WriterLane::rethrow_locked() {
    if (error_) std::rethrow_exception(error_);
}

void WriterLane::submit(Task task) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || queue_.size() < kQueueLimit; });
    rethrow_locked();
    queue_.push_back(std::move(task));
    changed_.notify_all();
}

void WriterLane::reopen(std::string path) {
    submit([path = std::move(path)](Xapian::WritableDatabase& db) {
        db.commit();
        db = create(path);  // the last handle on the old database goes: closed
    });
}

void WriterLane::sync() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || (queue_.empty() && !busy_); });
    rethrow_locked();
}

void WriterLane::loop() {
    const UncompressedScope uncompressed;  // the lane's database is written on this thread only
    for (;;) {
        Task task;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) break;  // stopping, all done
            task = std::move(queue_.front());
            queue_.pop_front();
            busy_ = true;
        }
        std::exception_ptr failure;
        if (!error_) {  // after an error the rest is dropped
            try {
                task(db_);
            } catch (...) {
                failure = std::current_exception();
            }
        }
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
            if (failure && !error_) error_ = failure;
        }
        changed_.notify_all();
    }
    try {
        db_.close();
    } catch (const Xapian::Error&) {
        // The owner syncs (and sees errors) before it destroys the lane.
    }
}

}  // namespace libsearch::index
