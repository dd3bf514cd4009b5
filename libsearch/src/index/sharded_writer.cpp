#include "index/sharded_writer.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>

#include "core/stub_database.hpp"
#include "index/version_grouping.hpp"
#include "index/writer_access.hpp"
#include "libsearch/errors.hpp"

namespace libsearch::index {

namespace fs = std::filesystem;

namespace {

// Recorded in each shard: which one it is and of how many, so a shard
// copied to the wrong place, or a stub edited by hand, is caught.
constexpr const char* kShardKey = "libsearch.shard";
constexpr unsigned kMaxShards = 1024;

// The number of shards of the sharded index at `dir`, 0 for anything that
// is no stub. A stub indexer did not write (a replica's, one naming remote
// shards, a stub file) is refused: writing there would bypass or break it.
std::size_t shards_on_disk(const std::string& dir) {
    const auto file = stub::stub_file_of(dir);
    if (!file) return 0;
    const auto entries = stub::read(*file);
    std::error_code error;
    bool ours = fs::is_directory(dir, error);  // not a stub file given as the index
    for (std::size_t i = 0; ours && i < entries.size(); ++i)
        ours = entries[i].kind == stub::Entry::Kind::local &&
               fs::path(entries[i].target) == fs::path(stub::shard_dir(dir, i)).lexically_normal();
    if (!ours)
        throw InvalidArgument("path", "'" + dir +
                                          "' is a stub database that indexer did not write (a replica, or one "
                                          "naming remote shards): index into the master, or the shards' own "
                                          "directories");
    return entries.size();
}

}  // namespace

bool ShardedWriter::wanted(const IndexOptions& options) {
    if (options.path.empty()) return false;  // IndexWriter says why
    std::error_code error;
    const std::size_t existing = shards_on_disk(options.path);
    if (existing) {
        if (options.shards && options.shards != existing)
            throw InvalidArgument("shards", "the index at '" + options.path + "' has " + std::to_string(existing) +
                                                " shards, not " + std::to_string(options.shards) +
                                                ": run with --shards " + std::to_string(existing) +
                                                " (or none), or index into a new directory to change the number");
        return true;
    }
    if (!options.shards) return false;
    if (options.shards > kMaxShards)
        throw InvalidArgument(
            "shards", "at most " + std::to_string(kMaxShards) + " shards, got " + std::to_string(options.shards));
    if (fs::exists(options.path, error) && !fs::is_empty(options.path, error))
        throw InvalidArgument("shards", "'" + options.path +
                                            "' holds a single (unsharded) index or other files: index into a new "
                                            "directory to shard it");
    return true;
}

ShardedWriter::ShardedWriter(const IndexOptions& options) : options_(options) {
    const std::size_t existing = shards_on_disk(options.path);
    const std::size_t count = existing ? existing : options.shards;
    if (!existing && !options.create) throw IndexNotFound(options.path, "no index at '" + options.path + "'");
    std::error_code error;
    fs::create_directories(options.path, error);
    if (error)
        throw IndexNotWritable(options.path,
                               "cannot create the index directory '" + options.path + "': " + error.message());
    // Lanes per shard: the writer threads asked for, shared out. Shard 0 is
    // written directly (see bulk_): it holds the file states, which must
    // never be committed ahead of its own articles.
    const unsigned lanes = std::max(2u, options.writers / static_cast<unsigned>(count));
    bool all_new = true;
    for (std::size_t i = 0; i < count; ++i) {
        IndexOptions shard = options;
        shard.path = stub::shard_dir(options.path, i);
        shard.shards = 0;
        shard.batch_size = 0;  // this writer commits all shards together
        shard.writers = i == 0 || options.writers <= 1 ? 1 : lanes;
        shards_.push_back(std::make_unique<IndexWriter>(shard));
        const std::string mark = std::to_string(i) + "/" + std::to_string(count);
        const std::string stored = shards_.back()->metadata(kShardKey);
        if (!stored.empty() && stored != mark)
            throw IndexCorrupt(shard.path, "'" + shard.path + "' is shard " + stored + ", not " + mark +
                                               ": the shard directories or the stub were moved by hand");
        if (stored.empty()) shards_.back()->set_metadata(kShardKey, mark);
        all_new = all_new && shards_.back()->size() == 0;
    }
    bulk_ = all_new && options.writers > 1 && count > 1;
    if (!existing) stub::write_shards(options.path, count);
}

ShardedWriter::~ShardedWriter() {
    try {
        if (pending_ || bulk_) commit();
    } catch (...) {
        // As IndexWriter's destructor: commit() exists for callers who care.
    }
    while (shards_.size() > 1) shards_.pop_back();  // shard 0 last, as in commit()
}

IndexWriter& ShardedWriter::shard(const std::string& id) const { return *shards_[stub::shard_of(id, shards_.size())]; }

void ShardedWriter::changed() {
    ++pending_;
    if (!bulk_ && options_.batch_size && pending_ >= options_.batch_size) commit();
}

PreparedArticle ShardedWriter::prepare(const Article& article) const { return shards_[0]->prepare(article); }

AddOutcome ShardedWriter::add(PreparedArticle&& prepared) {
    const AddOutcome outcome = shard(prepared.article().id).add(std::move(prepared));
    if (outcome != AddOutcome::unchanged) changed();
    return outcome;
}

bool ShardedWriter::remove(const std::string& id) {
    if (!shard(id).remove(id)) return false;
    changed();
    return true;
}

bool ShardedWriter::contains(const std::string& id) const { return shard(id).contains(id); }

std::optional<Article> ShardedWriter::article(const std::string& id) const { return shard(id).article(id); }

std::string ShardedWriter::metadata(const std::string& key) const {
    if (auto deferred = deferred_.find(key)) return std::move(*deferred);
    return shards_[0]->metadata(key);
}

void ShardedWriter::set_metadata(const std::string& key, const std::string& value) {
    if (bulk_)
        deferred_.set(key, value);
    else
        shards_[0]->set_metadata(key, value);
}

std::vector<std::string> ShardedWriter::metadata_keys(const std::string& prefix) const {
    return deferred_.keys(shards_[0]->metadata_keys(prefix), prefix);
}

void ShardedWriter::commit() {
    // The other shards at once (a commit is mostly waiting for the disk, a
    // first one also merging lanes), then shard 0 with the file states.
    std::vector<std::exception_ptr> errors(shards_.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < shards_.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                shards_[i]->commit();
            } catch (...) {
                errors[i] = std::current_exception();
            }
        });
    for (auto& thread : threads) thread.join();
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    deferred_.apply([&](const std::string& key, const std::string& value) { shards_[0]->set_metadata(key, value); });
    shards_[0]->commit();
    pending_ = 0;
    bulk_ = false;
    ++commits_;
}

std::uint64_t ShardedWriter::size() const {
    std::uint64_t total = 0;
    for (const auto& writer : shards_) total += writer->size();
    return total;
}

const WriterStats& ShardedWriter::stats() const {
    stats_ = WriterStats{};
    for (const auto& writer : shards_) {
        const WriterStats& s = writer->stats();
        stats_.added += s.added;
        stats_.replaced += s.replaced;
        stats_.unchanged += s.unchanged;
        stats_.removed += s.removed;
    }
    stats_.commits = commits_;
    return stats_;
}

bool ShardedWriter::versions_stale() const {
    for (const auto& writer : shards_)
        if (writer->versions_stale()) return true;
    return false;
}

VersionGrouping ShardedWriter::group_versions() {
    commit();
    // The shards read as one (Xapian numbers a document of shard i, local
    // number l, as (l - 1) * n + i + 1), each key written to its own shard.
    Xapian::Database all;
    for (const auto& writer : shards_) all.add_database(WriterAccess::database(*writer));
    const Xapian::docid n = static_cast<Xapian::docid>(shards_.size());
    VersionGrouping grouping;
    try {
        grouping = index::group_versions(all, [&](Xapian::docid d, const std::string& key) {
            write_version_key(WriterAccess::database(*shards_[(d - 1) % n]), (d - 1) / n + 1, key);
        });
    } catch (const Xapian::Error& e) {
        throw IndexError(options_.path, "cannot group the versions of stories in index '" + options_.path +
                                            "': " + e.get_msg());
    }
    for (const auto& writer : shards_) WriterAccess::versions_grouped(*writer);
    commit();
    return grouping;
}

}  // namespace libsearch::index
