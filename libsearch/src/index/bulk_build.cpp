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

void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& document) {
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        const std::string& word = *term;
        // Unprefixed, unstemmed words only: prefixes and "Z" are capitals.
        if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) continue;
        const Xapian::termcount occurrences = term.positionlist_count();
        if (occurrences) db.add_spelling(word, occurrences);
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
    auto [entry, is_new] = ids_.try_emplace(id, hash);
    if (!is_new && entry->second == hash) return AddOutcome::unchanged;
    entry->second = hash;
    const std::size_t lane = lane_of(id);
    lanes_[lane]->submit([document, id_term = schema_terms::id_term(id), is_new, batch = batch_size_,
                          spelling = spelling_, changes = changes_[lane]](Xapian::WritableDatabase& db) {
        if (spelling) add_spelling(db, *document);
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
        lane->submit([](Xapian::WritableDatabase& db) { db.commit(); });
        lane->sync();
    }
    Xapian::Database all(index_path);
    for (auto& lane : lanes_) all.add_database(Xapian::Database(lane->path()));
    lanes_.clear();  // closes the lane databases
    fs::remove_all(output);
    all.compact(output);
}

}  // namespace libsearch::index
