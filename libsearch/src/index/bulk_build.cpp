#include "index/bulk_build.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <thread>

#include "core/fnv1a.hpp"
#include "core/schema_terms.hpp"
#include "index/uncompressed_scope.hpp"

namespace libsearch::index {

namespace fs = std::filesystem;

namespace {

std::uint64_t data_hash(const std::string& data) {
    Fnv1a hash;
    hash.add(data);
    return hash.value();
}

}  // namespace

bool is_spelling_word(const std::string& term) {
    // Prefixes, and "Z" of stems, are capitals; numbers are never misspelt.
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    return term.find_first_of("0123456789") == std::string::npos;
}

void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& document) {
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
        if (is_spelling_word(*term)) db.add_spelling(*term);
}

void add_vocabulary_spelling(Xapian::WritableDatabase& out, const Xapian::Database& vocabulary) {
    // Xapian keeps spelling changes in memory until a commit, several
    // entries per word: commit every so many words to bound memory.
    constexpr std::size_t kWordsPerCommit = 20'000;
    std::size_t pending = 0;
    // Words sort after digits and the capital prefixes.
    auto term = vocabulary.allterms_begin();
    term.skip_to("a");
    for (; term != vocabulary.allterms_end(); ++term) {
        if (!is_spelling_word(*term)) continue;
        out.add_spelling(*term, term.get_termfreq());
        if (++pending == kWordsPerCommit) {
            out.commit();
            pending = 0;
        }
    }
    out.commit();
}

namespace {

// The id table's value: the data hash, its low bits replaced by the segment
// that holds the article. 48 bits of hash still tell a changed article from
// an unchanged one (a false "unchanged" has odds of 2^-48), and a lane has
// room for 65,535 segments (far more than doubling sizes ever make).
constexpr std::uint64_t kSegmentMask = 0xffff;

std::uint64_t table_value(std::uint64_t hash, unsigned segment) { return (hash & ~kSegmentMask) | segment; }
unsigned segment_of(std::uint64_t value) { return static_cast<unsigned>(value & kSegmentMask); }
bool same_data(std::uint64_t value, std::uint64_t hash) { return (value & ~kSegmentMask) == (hash & ~kSegmentMask); }

}  // namespace

BulkBuild::BulkBuild(const std::string& index_path, unsigned lanes, std::size_t batch_size,
                     std::size_t segment_size, bool spelling)
    : dir_(lanes_dir(index_path)), batch_size_(batch_size), segment_size_(segment_size), spelling_(spelling) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    lanes_.resize(lanes);
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        lanes_[i].writer = std::make_unique<WriterLane>(segment_path(i, 0));
        lanes_[i].changes = std::make_shared<std::size_t>(0);
    }
}

BulkBuild::~BulkBuild() = default;

std::size_t BulkBuild::lane_of(const std::string& id) const {
    // The same id always lands in the same lane, so a replacement finds it.
    Fnv1a hash;
    hash.add(id);
    return hash.value() % lanes_.size();
}

std::string BulkBuild::segment_path(std::size_t lane, unsigned segment) const {
    return dir_ + "/lane-" + std::to_string(lane) + "." + std::to_string(segment);
}

std::string BulkBuild::spelling_path(std::size_t lane) const {
    return dir_ + "/spelling-" + std::to_string(lane);
}

void BulkBuild::submit_change(Lane& lane, std::function<void(Xapian::WritableDatabase&)> change) {
    lane.writer->submit([change = std::move(change), batch = batch_size_,
                         changes = lane.changes](Xapian::WritableDatabase& db) {
        change(db);
        if (batch && ++*changes % batch == 0) db.commit();
    });
}

void BulkBuild::add_to_segment(std::size_t index, std::shared_ptr<const Xapian::Document> document) {
    Lane& lane = lanes_[index];
    submit_change(lane, [document](Xapian::WritableDatabase& db) { db.add_document(*document); });
    // Segments double in size every eight, so that a lane of n articles has
    // about 8 log2(n / (8 segment_size) + 1) of them, not n / segment_size: the
    // merge opens every segment at once, with a few file descriptors each.
    const std::size_t limit = segment_size_ << std::min(lane.segment / 8, 16u);
    if (segment_size_ && ++lane.in_segment >= limit && lane.segment < kSegmentMask) {
        lane.writer->reopen(segment_path(index, ++lane.segment));
        lane.in_segment = 0;
    }
}

AddOutcome BulkBuild::add(const std::string& id, std::shared_ptr<const Xapian::Document> document) {
    const std::uint64_t hash = data_hash(document->get_data());
    std::uint64_t* stored = ids_.find(id);
    if (stored && same_data(*stored, hash)) return AddOutcome::unchanged;
    const std::size_t index = lane_of(id);
    Lane& lane = lanes_[index];
    if (!stored) {
        ids_.insert(id, table_value(hash, lane.segment));
        add_to_segment(index, std::move(document));
        return AddOutcome::added;
    }
    if (segment_of(*stored) == lane.segment) {
        *stored = table_value(hash, lane.segment);
        submit_change(lane, [document, id_term = schema_terms::id_term(id)](Xapian::WritableDatabase& db) {
            db.replace_document(id_term, *document);
        });
    } else {
        lane.stale[segment_of(*stored)].push_back(schema_terms::id_term(id));
        *stored = table_value(hash, lane.segment);  // before add_to_segment may start the next one
        add_to_segment(index, std::move(document));
    }
    return AddOutcome::replaced;
}

bool BulkBuild::remove(const std::string& id) {
    const std::uint64_t* stored = ids_.find(id);
    if (!stored) return false;
    const unsigned segment = segment_of(*stored);
    ids_.erase(id);
    Lane& lane = lanes_[lane_of(id)];
    if (segment == lane.segment) {
        lane.writer->submit(
            [id_term = schema_terms::id_term(id)](Xapian::WritableDatabase& db) { db.delete_document(id_term); });
    } else {
        lane.stale[segment].push_back(schema_terms::id_term(id));
    }
    return true;
}

std::optional<std::string> BulkBuild::data(const std::string& id) {
    const std::uint64_t* stored = ids_.find(id);
    if (!stored) return std::nullopt;
    auto result = std::make_shared<std::promise<std::optional<std::string>>>();
    auto future = result->get_future();
    const std::size_t index = lane_of(id);
    WriterLane& lane = *lanes_[index].writer;
    // A closed segment was committed when the lane left it (tasks run in order).
    std::string closed;
    if (segment_of(*stored) != lanes_[index].segment) closed = segment_path(index, segment_of(*stored));
    lane.submit([result, closed, id_term = schema_terms::id_term(id)](Xapian::WritableDatabase& current) {
        const Xapian::Database db = closed.empty() ? Xapian::Database(current) : Xapian::Database(closed);
        auto posting = db.postlist_begin(id_term);
        if (posting == db.postlist_end(id_term)) result->set_value(std::nullopt);
        else result->set_value(db.get_document(*posting).get_data());
    });
    try {
        return future.get();
    } catch (const std::future_error&) {
        lane.sync();  // the lane failed before it ran the read: its error
        throw;
    }
}

void BulkBuild::finish_lane(std::size_t index) {
    Lane& lane = lanes_[index];
    lane.writer->submit([this, index, stale = std::move(lane.stale), last = lane.segment,
                         spelling = spelling_](Xapian::WritableDatabase& current) {
        current.commit();
        for (const auto& [segment, id_terms] : stale) {
            Xapian::WritableDatabase db(segment_path(index, segment), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            for (const auto& id_term : id_terms) db.delete_document(id_term);
            db.commit();
        }
        if (!spelling) return;
        // One pass over the lane's whole vocabulary: per segment, a word
        // would be written once for each segment that uses it.
        Xapian::Database vocabulary;
        for (unsigned segment = 0; segment <= last; ++segment)
            vocabulary.add_database(Xapian::Database(segment_path(index, segment)));
        Xapian::WritableDatabase out(spelling_path(index), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        add_vocabulary_spelling(out, vocabulary);
    });
    lane.stale.clear();
}

void BulkBuild::merge(const std::string& index_path, const std::string& output, const Alongside& alongside) {
    for (std::size_t i = 0; i < lanes_.size(); ++i) finish_lane(i);
    for (auto& lane : lanes_) lane.writer->sync();
    std::vector<std::string> sources{index_path};
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        for (unsigned segment = 0; segment <= lanes_[i].segment; ++segment) sources.push_back(segment_path(i, segment));
        if (spelling_) sources.push_back(spelling_path(i));
    }
    Xapian::Database all;
    for (const auto& source : sources) all.add_database(Xapian::Database(source));
    lanes_.clear();  // closes the lane databases
    fs::remove_all(output);

    std::exception_ptr beside_failed;
    std::thread beside;
    if (alongside)
        beside = std::thread([&] {
            try {
                std::vector<Xapian::Database> parts;
                for (const auto& source : sources) parts.emplace_back(source);
                alongside(DatabaseSequence(std::move(parts)));
            } catch (...) {
                beside_failed = std::current_exception();
            }
        });
    try {
        // The compactor writes what it copies again: tags it finds
        // uncompressed it would deflate, on this one thread, after all the
        // lanes' work.
        const UncompressedScope uncompressed;
        all.compact(output);
    } catch (...) {
        if (beside.joinable()) beside.join();
        throw;
    }
    if (beside.joinable()) beside.join();
    if (beside_failed) std::rethrow_exception(beside_failed);
}

}  // namespace libsearch::index
