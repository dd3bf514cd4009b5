#include "libsearch/index_writer.hpp"

#include <xapian.h>

#include <chrono>
#include <ctime>

#include "analysis/analyzer.hpp"
#include "core/schema_terms.hpp"
#include "core/xapian_errors.hpp"
#include "index/document_builder.hpp"
#include "index/document_data.hpp"
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

Xapian::WritableDatabase open_writable(const IndexOptions& options) {
    if (options.path.empty()) throw InvalidArgument("path", "an index path is required");
    try {
        return Xapian::WritableDatabase(options.path, options.create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, options.path, options.create ? "creating or opening" : "opening");
    }
}

}  // namespace

struct IndexWriter::Impl {
    IndexOptions options;
    Xapian::WritableDatabase db;
    Language default_language;
    analysis::AnalyzerCache analyzers;
    Xapian::TermGenerator generator;
    std::size_t pending = 0;
    WriterStats stats;

    explicit Impl(IndexOptions opts) : options(std::move(opts)), db(open_writable(options)) {
        try {
            std::string stored = db.get_metadata(schema::meta_default_language);
            if (stored.empty()) {
                stored = resolve_language(options.default_language).code;
                db.set_metadata(schema::meta_default_language, stored);
                db.set_metadata(schema::meta_schema, std::to_string(schema::version));
            }
            default_language = resolve_language(stored);
            if (options.spelling) {
                generator.set_database(db);
                generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
            }
        } catch (const Xapian::Error& e) {
            throw_index_error(e, options.path, "opening");
        }
    }

    Xapian::docid find(const std::string& id) const {
        const std::string term = schema_terms::id_term(id);
        auto posting = db.postlist_begin(term);
        return posting == db.postlist_end(term) ? 0 : *posting;
    }

    void changed() {
        ++pending;
        if (options.batch_size && pending >= options.batch_size) commit();
    }

    void commit() {
        try {
            db.set_metadata(schema::meta_last_commit, utc_now_iso8601());
            db.commit();
        } catch (const Xapian::Error& e) {
            throw_index_error(e, options.path, "committing");
        }
        pending = 0;
        ++stats.commits;
    }
};

IndexWriter::IndexWriter(IndexOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

IndexWriter::~IndexWriter() {
    if (!impl_) return;
    try {
        if (impl_->pending) impl_->commit();
        impl_->db.close();
    } catch (...) {
        // Nothing can be reported from a destructor; commit() exists for callers who care.
    }
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

AddOutcome IndexWriter::add(const Article& article) {
    auto& d = *impl_;
    const Article prepared = index::prepare_article(article, d.default_language);
    AddOutcome outcome = AddOutcome::added;
    try {
        const Xapian::docid existing = d.find(prepared.id);
        const std::string data = index::encode_article(prepared);
        if (existing && d.db.get_document(existing, Xapian::DOC_ASSUME_VALID).get_data() == data) {
            ++d.stats.unchanged;
            return AddOutcome::unchanged;
        }
        d.analyzers.get(resolve_language(prepared.language)).configure(d.generator);
        Xapian::Document doc = index::build_document(prepared, d.generator);
        if (existing) {
            d.db.replace_document(existing, doc);
            ++d.stats.replaced;
            outcome = AddOutcome::replaced;
        } else {
            d.db.add_document(doc);
            ++d.stats.added;
        }
    } catch (const Xapian::Error& e) {
        throw_index_error(e, d.options.path, "adding article '" + prepared.id + "' to");
    }
    d.changed();
    return outcome;
}

bool IndexWriter::remove(const std::string& id) {
    auto& d = *impl_;
    try {
        const Xapian::docid existing = d.find(id);
        if (!existing) return false;
        d.db.delete_document(existing);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, d.options.path, "removing article '" + id + "' from");
    }
    ++d.stats.removed;
    d.changed();
    return true;
}

bool IndexWriter::contains(const std::string& id) const {
    try {
        return impl_->find(id) != 0;
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

std::optional<Article> IndexWriter::article(const std::string& id) const {
    try {
        const Xapian::docid existing = impl_->find(id);
        if (!existing) return std::nullopt;
        return index::decode_article(impl_->db.get_document(existing).get_data());
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

std::string IndexWriter::metadata(const std::string& key) const {
    try {
        return impl_->db.get_metadata(key);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    if (key.empty()) throw InvalidArgument("key", "a metadata key cannot be empty");
    try {
        impl_->db.set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "writing metadata to");
    }
}

std::vector<std::string> IndexWriter::metadata_keys(const std::string& prefix) const {
    try {
        return {impl_->db.metadata_keys_begin(prefix), impl_->db.metadata_keys_end(prefix)};
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

void IndexWriter::commit() { impl_->commit(); }

std::size_t IndexWriter::pending() const noexcept { return impl_->pending; }

std::uint64_t IndexWriter::size() const {
    try {
        return impl_->db.get_doccount();
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->options.path, "reading");
    }
}

const WriterStats& IndexWriter::stats() const noexcept { return impl_->stats; }

const IndexOptions& IndexWriter::options() const noexcept { return impl_->options; }

}  // namespace libsearch
