#include "index/bulk_build.hpp"

#include <filesystem>
#include <future>

#include "core/fnv1a.hpp"
#include "core/schema_terms.hpp"

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

void add_vocabulary_spelling(Xapian::WritableDatabase& db) {
    // Xapian keeps spelling changes in memory until a commit, several
    // entries per word: commit every so many words to bound memory. Those
    // commits write only the spelling table, so the walk over the terms
    // (committed before) is not disturbed.
    constexpr std::size_t kWordsPerCommit = 20'000;
    std::size_t pending = 0;
    db.commit();
    // Words sort after digits and the capital prefixes.
    auto term = db.allterms_begin();
    term.skip_to("a");
    for (; term != db.allterms_end(); ++term) {
        if (!is_spelling_word(*term)) continue;
        db.add_spelling(*term, term.get_termfreq());
        if (++pending == kWordsPerCommit) {
            db.commit();
            pending = 0;
        }
    }
}

BulkBuild::BulkBuild(const std::string& index_path, unsigned lanes, std::size_t batch_size, bool spelling)
    : batch_size_(batch_size), spelling_(spelling) {
    const std::string dir = lanes_dir(index_path);
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (unsigned i = 0; i < lanes; ++i) {
        lanes_.push_back(std::make_unique<WriterLane>(dir + "/lane-" + std::to_string(i)));
        changes_.push_back(std::make_shared<std::size_t>(0));
    }
}

BulkBuild::~BulkBuild() = default;

std::size_t BulkBuild::lane_of(const std::string& id) const {
    // The same id always lands in the same lane, so a replacement finds it.
    Fnv1a hash;
    hash.add(id);
    return hash.value() % lanes_.size();
}

AddOutcome BulkBuild::add(const std::string& id, std::shared_ptr<const Xapian::Document> document) {
    const std::uint64_t hash = data_hash(document->get_data());
    std::uint64_t* stored = ids_.find(id);
    const bool is_new = stored == nullptr;
    if (!is_new && *stored == hash) return AddOutcome::unchanged;
    if (is_new) ids_.insert(id, hash);
    else *stored = hash;
    const std::size_t lane = lane_of(id);
    lanes_[lane]->submit([document, id_term = schema_terms::id_term(id), is_new, batch = batch_size_,
                          changes = changes_[lane]](Xapian::WritableDatabase& db) {
        if (is_new) db.add_document(*document);
        else db.replace_document(id_term, *document);
        if (batch && ++*changes % batch == 0) db.commit();
    });
    return is_new ? AddOutcome::added : AddOutcome::replaced;
}

bool BulkBuild::remove(const std::string& id) {
    if (!ids_.erase(id)) return false;
    lanes_[lane_of(id)]->submit(
        [id_term = schema_terms::id_term(id)](Xapian::WritableDatabase& db) { db.delete_document(id_term); });
    return true;
}

std::optional<std::string> BulkBuild::data(const std::string& id) {
    if (!contains(id)) return std::nullopt;
    auto result = std::make_shared<std::promise<std::optional<std::string>>>();
    auto future = result->get_future();
    WriterLane& lane = *lanes_[lane_of(id)];
    lane.submit([result, id_term = schema_terms::id_term(id)](Xapian::WritableDatabase& db) {
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

void BulkBuild::merge(const std::string& index_path, const std::string& output) {
    for (auto& lane : lanes_) {
        lane->submit([spelling = spelling_](Xapian::WritableDatabase& db) {
            if (spelling) add_vocabulary_spelling(db);
            db.commit();
        });
    }
    for (auto& lane : lanes_) lane->sync();
    Xapian::Database all(index_path);
    for (auto& lane : lanes_) all.add_database(Xapian::Database(lane->path()));
    lanes_.clear();  // closes the lane databases
    fs::remove_all(output);
    all.compact(output);
}

}  // namespace libsearch::index
