#include "libsearch/index_writer.hpp"

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>
#include <vector>

#include "analysis/analyzer.hpp"
#include "core/schema_terms.hpp"
#include "core/schema_version.hpp"
#include "core/xapian_errors.hpp"
#include "index/bulk_build.hpp"
#include "index/deferred_metadata.hpp"
#include "index/version_grouping.hpp"
#include "index/writer_access.hpp"
#include "index/document_builder.hpp"
#include "index/document_data.hpp"
#include "index/sharded_writer.hpp"
#include "index/uncompressed_scope.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"

namespace libsearch {

namespace {

std::string utc_now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace fs = std::filesystem;

// Where a bulk build's merged index waits, and where the index it replaces
// goes for a moment, while the one is renamed over the other.
std::string merging_path(const std::string& path) { return path + ".merging"; }
std::string previous_path(const std::string& path) { return path + ".previous"; }

// A merge interrupted between its two renames leaves no index at `path` but
// the one it was replacing, intact, at previous_path.
void recover_interrupted_merge(const std::string& path) {
    std::error_code error;
    if (!fs::exists(path, error) && fs::is_directory(previous_path(path), error))
        fs::rename(previous_path(path), path, error);
}

Xapian::WritableDatabase open_writable(const IndexOptions& options) {
    if (options.path.empty()) throw InvalidArgument("path", "an index path is required");
    recover_interrupted_merge(options.path);
    try {
        return Xapian::WritableDatabase(options.path, options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, options.path, options.create ? "creating or opening" : "opening");
    }
}

}  // namespace

struct PreparedArticle::Impl {
    Article article;
    std::string data;
    Xapian::Document document;
};

PreparedArticle::PreparedArticle(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedArticle::~PreparedArticle() = default;
PreparedArticle::PreparedArticle(PreparedArticle&&) noexcept = default;
PreparedArticle& PreparedArticle::operator=(PreparedArticle&&) noexcept = default;
const Article& PreparedArticle::article() const noexcept { return impl_->article; }

struct IndexWriter::Impl {
    IndexOptions options;
    Xapian::WritableDatabase db;
    Language default_language;
    std::size_t pending = 0;
    WriterStats stats;
    std::unique_ptr<index::BulkBuild> bulk;  // while a new index is written in parallel
    // Metadata set while `bulk`: written into the merged index, never into
    // the index before the merge (see finish_bulk).
    index::DeferredMetadata deferred;
    bool marked_stale = false;
    std::unique_ptr<index::ShardedWriter> sharded;  // a sharded index: every call goes there

    Impl(IndexOptions opts, std::unique_ptr<index::ShardedWriter> shards)
        : options(std::move(opts)), sharded(std::move(shards)) {}

    explicit Impl(IndexOptions opts) : options(std::move(opts)), db(open_writable(options)) {
        try {
            check_schema_version(db, options.path);
            std::string stored = db.get_metadata(schema::meta_default_language);
            if (stored.empty()) {
                stored = resolve_language(options.default_language).code;
                db.set_metadata(schema::meta_default_language, stored);
                db.set_metadata(schema::meta_schema, std::to_string(schema::version));
            }
            default_language = resolve_language(stored);
            // Left by an interrupted run; this writer holds the lock now.
            std::error_code ignored;
            fs::remove_all(index::BulkBuild::lanes_dir(options.path), ignored);
            fs::remove_all(merging_path(options.path), ignored);
            if (options.writers > 1 && db.get_doccount() == 0) start_bulk();
        } catch (const Xapian::Error& e) {
            throw_index_error(e, options.path, "opening");
        } catch (const fs::filesystem_error& e) {
            throw IndexNotWritable(options.path, "cannot prepare the parallel writing of index '" + options.path +
                                                     "': " + e.code().message());
        }
    }

    void start_bulk() {
        bulk = std::make_unique<index::BulkBuild>(options.path, options.writers, options.batch_size,
                                                  options.segment_size, options.spelling);
    }

    Xapian::docid find(const std::string& id) const {
        const std::string term = schema_terms::id_term(id);
        auto posting = db.postlist_begin(term);
        return posting == db.postlist_end(term) ? 0 : *posting;
    }

    // The article's document in the index itself, unless a bulk build's
    // lanes hold a newer version. A first bulk build's index is empty: no
    // lookup there, on the path of every article.
    Xapian::docid in_index(const std::string& id) const {
        if (bulk && (db.get_doccount() == 0 || bulk->contains(id))) return 0;
        return find(id);
    }

    // A bulk build's lanes commit on their own; commit() merges them, and so
    // does a bulk build that holds options.merge_every articles, which then
    // goes on with new lanes.
    void changed() {
        if (!marked_stale) {
            db.set_metadata(schema::meta_versions_stale, "1");
            marked_stale = true;
        }
        ++pending;
        if (!bulk && options.batch_size && pending >= options.batch_size) commit();
        if (bulk && options.merge_every && bulk->size() >= options.merge_every) {
            commit();
            start_bulk();
        }
    }

    // `alongside`: see BulkBuild::merge (it runs only when lanes are merged).
    void commit(const index::BulkBuild::Alongside& alongside = {}) {
        try {
            if (bulk && !bulk->empty()) {
                finish_bulk(alongside);
            } else {
                // No article waits in the lanes: nothing to merge.
                deferred.apply([&](const auto& key, const auto& value) { db.set_metadata(key, value); });
                db.set_metadata(schema::meta_last_commit, utc_now_iso8601());
                db.commit();
                if (bulk) {
                    bulk.reset();
                    fs::remove_all(index::BulkBuild::lanes_dir(options.path));
                }
            }
        } catch (const Xapian::Error& e) {
            throw_index_error(e, options.path, bulk ? "merging the parallel parts of" : "committing");
        } catch (const fs::filesystem_error& e) {
            throw IndexNotWritable(options.path, "cannot put the merged index in place at '" + options.path +
                                                     "': " + e.code().message());
        }
        pending = 0;
        ++stats.commits;
    }

    // The lanes and the (committed) index merged into a new directory, which
    // then takes the index's place. The metadata set meanwhile (file states)
    // go into the merged index only: a crash before the renames leaves the
    // index with neither the new articles nor the states that list them, so
    // the next run reads those files again.
    void finish_bulk(const index::BulkBuild::Alongside& alongside) {
        const std::string& path = options.path;
        db.commit();  // articles replaced in the index by newer ones in the lanes: deleted
        db.close();
        bulk->merge(path, merging_path(path), alongside);
        bulk.reset();
        {
            Xapian::WritableDatabase merged(merging_path(path), Xapian::DB_OPEN);
            deferred.apply([&](const auto& key, const auto& value) { merged.set_metadata(key, value); });
            merged.set_metadata(schema::meta_last_commit, utc_now_iso8601());
            merged.commit();
        }
        fs::remove_all(previous_path(path));
        fs::rename(path, previous_path(path));
        fs::rename(merging_path(path), path);
        fs::remove_all(previous_path(path));
        db = Xapian::WritableDatabase(path, Xapian::DB_OPEN);
    }
};

IndexWriter::IndexWriter(IndexOptions options) {
    if (index::ShardedWriter::wanted(options)) {
        auto shards = std::make_unique<index::ShardedWriter>(options);
        impl_ = std::make_unique<Impl>(std::move(options), std::move(shards));
    } else {
        impl_ = std::make_unique<Impl>(std::move(options));
    }
}

// Each call that may write to the database (Xapian also writes when its
// buffer fills during an add, and when a handle closes) stores records and
// term lists uncompressed: see uncompressed_scope.hpp.

IndexWriter::~IndexWriter() {
    if (!impl_ || impl_->sharded) return;
    const index::UncompressedScope uncompressed;
    try {
        if (impl_->pending || impl_->bulk) impl_->commit();
        impl_->db.close();
    } catch (...) {
        // Nothing can be reported from a destructor; commit() exists for callers who care.
    }
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

AddOutcome IndexWriter::add(const Article& article) { return add(prepare(article)); }

PreparedArticle IndexWriter::prepare(const Article& article) const {
    if (impl_->sharded) return impl_->sharded->prepare(article);
    // Each thread analyses with its own stemmers and generator.
    thread_local analysis::AnalyzerCache analyzers;
    thread_local Xapian::TermGenerator generator;
    auto prepared = std::make_unique<PreparedArticle::Impl>();
    prepared->article = index::prepare_article(article, impl_->default_language);
    analyzers.get(resolve_language(prepared->article.language)).configure(generator);
    prepared->document = index::build_document(prepared->article, generator);
    prepared->data = prepared->document.get_data();
    // Xapian's reference counts are not atomic: the document must leave this
    // thread with no reference to it left behind.
    generator.set_document(Xapian::Document());
    return PreparedArticle(std::move(prepared));
}

AddOutcome IndexWriter::add(PreparedArticle&& prepared) {
    const index::UncompressedScope uncompressed;
    if (impl_->sharded) return impl_->sharded->add(std::move(prepared));
    auto& d = *impl_;
    const PreparedArticle::Impl& p = *prepared.impl_;
    // Kept here: in a bulk build the article moves to a lane, which may
    // fail (and free it) before an error message is made.
    const std::string id = p.article.id;
    AddOutcome outcome = AddOutcome::added;
    try {
        const Xapian::docid existing = d.in_index(id);
        if (existing && d.db.get_document(existing, Xapian::DOC_ASSUME_VALID).get_data() == p.data) {
            ++d.stats.unchanged;
            return AddOutcome::unchanged;
        }
        if (d.bulk) {
            // The newer version goes to a lane; the one in the index (after
            // a merge on the way) is deleted there.
            if (existing) d.db.delete_document(existing);
            // The document goes to a lane's thread whole, never shared.
            auto document = std::shared_ptr<const Xapian::Document>(
                std::shared_ptr<PreparedArticle::Impl>(std::move(prepared.impl_)), &p.document);
            outcome = d.bulk->add(id, std::move(document));
            if (existing) outcome = AddOutcome::replaced;
            switch (outcome) {
                case AddOutcome::added: ++d.stats.added; break;
                case AddOutcome::replaced: ++d.stats.replaced; break;
                case AddOutcome::unchanged: ++d.stats.unchanged; return outcome;
            }
            d.changed();
            return outcome;
        }
        if (d.options.spelling) index::add_spelling(d.db, p.document);
        if (existing) {
            d.db.replace_document(existing, p.document);
            ++d.stats.replaced;
            outcome = AddOutcome::replaced;
        } else {
            d.db.add_document(p.document);
            ++d.stats.added;
        }
    } catch (const Xapian::Error& e) {
        throw_index_error(e, d.options.path, "adding article '" + id + "' to");
    }
    d.changed();
    return outcome;
}

bool IndexWriter::remove(const std::string& id) {
    const index::UncompressedScope uncompressed;
    if (impl_->sharded) return impl_->sharded->remove(id);
    auto& d = *impl_;
    try {
        // An article in a lane has no version left in the index: it was
        // deleted there when the newer one came.
        const bool in_lane = d.bulk && d.bulk->remove(id);
        if (!in_lane) {
            const Xapian::docid existing = d.find(id);
            if (!existing) return false;
            d.db.delete_document(existing);
        }
    } catch (const Xapian::Error& e) {
        throw_index_error(e, d.options.path, "removing article '" + id + "' from");
    }
    ++d.stats.removed;
    d.changed();
    return true;
}

bool IndexWriter::contains(const std::string& id) const {
    if (impl_->sharded) return impl_->sharded->contains(id);
    try {
        return (impl_->bulk && impl_->bulk->contains(id)) || impl_->find(id) != 0;
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

std::optional<Article> IndexWriter::article(const std::string& id) const {
    if (impl_->sharded) return impl_->sharded->article(id);
    try {
        if (impl_->bulk && impl_->bulk->contains(id)) {
            const auto data = impl_->bulk->data(id);
            return data ? index::decode_article(*data) : std::nullopt;
        }
        const Xapian::docid existing = impl_->find(id);
        if (!existing) return std::nullopt;
        return index::decode_article(impl_->db.get_document(existing).get_data());
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

std::string IndexWriter::metadata(const std::string& key) const {
    if (impl_->sharded) return impl_->sharded->metadata(key);
    if (impl_->bulk)
        if (auto deferred = impl_->deferred.find(key)) return std::move(*deferred);
    try {
        return impl_->db.get_metadata(key);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    if (key.empty()) throw InvalidArgument("key", "a metadata key cannot be empty");
    if (impl_->sharded) return impl_->sharded->set_metadata(key, value);
    if (impl_->bulk) return impl_->deferred.set(key, value);
    try {
        impl_->db.set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "writing metadata to");
    }
}

std::vector<std::string> IndexWriter::metadata_keys(const std::string& prefix) const {
    if (impl_->sharded) return impl_->sharded->metadata_keys(prefix);
    try {
        std::vector<std::string> stored(impl_->db.metadata_keys_begin(prefix), impl_->db.metadata_keys_end(prefix));
        return impl_->bulk ? impl_->deferred.keys(std::move(stored), prefix) : stored;
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

void IndexWriter::commit() {
    const index::UncompressedScope uncompressed;
    if (impl_->sharded) return impl_->sharded->commit();
    impl_->commit();
}

std::size_t IndexWriter::pending() const noexcept {
    return impl_->sharded ? impl_->sharded->pending() : impl_->pending;
}

std::uint64_t IndexWriter::size() const {
    if (impl_->sharded) return impl_->sharded->size();
    try {
        return (impl_->bulk ? impl_->bulk->size() : 0) + impl_->db.get_doccount();
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

const WriterStats& IndexWriter::stats() const noexcept {
    return impl_->sharded ? impl_->sharded->stats() : impl_->stats;
}

const IndexOptions& IndexWriter::options() const noexcept { return impl_->options; }

bool IndexWriter::versions_stale() const {
    if (impl_->sharded) return impl_->sharded->versions_stale();
    try {
        return impl_->marked_stale || impl_->db.get_metadata(schema::meta_versions_stale) == "1";
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

VersionGrouping IndexWriter::group_versions() {
    const index::UncompressedScope uncompressed;
    if (impl_->sharded) return impl_->sharded->group_versions();
    auto& d = *impl_;
    // Merging a bulk build's lanes is the longest step at the end of a run,
    // on one core: the grouping reads the databases being merged meanwhile,
    // and only its writes (a few per cent of its time) wait for the merge.
    // Whatever stops that grouping, the merge goes on and the grouping is
    // done again on the merged index, as without lanes: the run's articles
    // are committed before any error of the grouping is thrown.
    std::optional<VersionGrouping> grouped;
    std::vector<index::VersionKeyChange> changes;
    d.commit([&](const index::DatabaseSequence& parts) {
        try {
            grouped = index::group_versions(parts, changes);
        } catch (...) {
            grouped.reset();
            changes = {};
        }
    });
    VersionGrouping grouping;
    try {
        grouping = grouped ? index::write_version_keys(d.db, changes, *grouped) : index::group_versions(d.db);
        d.db.set_metadata(schema::meta_versions_stale, "");
    } catch (const Xapian::Error& e) {
        throw_index_error(e, d.options.path, "grouping the versions of stories in");
    }
    d.commit();
    d.marked_stale = false;
    return grouping;
}

namespace index {

Xapian::WritableDatabase& WriterAccess::database(IndexWriter& writer) { return writer.impl_->db; }

void WriterAccess::versions_grouped(IndexWriter& writer) {
    writer.impl_->db.set_metadata(schema::meta_versions_stale, "");
    writer.impl_->marked_stale = false;
}

}  // namespace index

}  // namespace libsearch
