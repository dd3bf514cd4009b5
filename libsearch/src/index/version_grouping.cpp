#include "index/version_grouping.hpp"

#include <chrono>
#include <map>
#include <unordered_map>

#include "index/versions.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::index {

namespace {

class Groups {
  public:
    // Iterative, so a long chain cannot exhaust the stack.
    Xapian::docid root(Xapian::docid d) {
        Xapian::docid r = d;
        for (auto it = parent_.find(r); it != parent_.end() && it->second != r; it = parent_.find(r)) r = it->second;
        while (d != r) {
            auto it = parent_.find(d);
            d = it->second;
            it->second = r;
        }
        return r;
    }
    void join(Xapian::docid a, Xapian::docid b) {
        a = root(a);
        b = root(b);
        if (a == b) return;
        if (a > b) std::swap(a, b);
        parent_[b] = a;
        parent_.try_emplace(a, a);
    }
    const std::unordered_map<Xapian::docid, Xapian::docid>& members() const { return parent_; }

  private:
    std::unordered_map<Xapian::docid, Xapian::docid> parent_;
};

}  // namespace

VersionGrouping group_versions(const Xapian::Database& db, const WriteVersionKey& write) {
    const auto start = std::chrono::steady_clock::now();
    VersionGrouping result;
    Groups groups;
    auto samples_of = [&db](Xapian::docid d) {
        return unpack_version_samples(db.get_document(d, Xapian::DOC_ASSUME_VALID).get_value(schema::slot_version_samples));
    };
    const std::string prefix = schema::prefix_version_sample;
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        const Xapian::doccount sharing = term.get_termfreq();
        if (sharing < 2 || sharing > kMaxSharedSample) continue;
        auto posting = db.postlist_begin(*term);
        const Xapian::docid first = *posting;
        std::vector<std::uint64_t> first_samples;
        for (++posting; posting != db.postlist_end(*term); ++posting) {
            const Xapian::docid other = *posting;
            if (groups.root(first) == groups.root(other)) continue;
            if (first_samples.empty()) first_samples = samples_of(first);
            ++result.compared;
            if (same_story(overlap(first_samples, samples_of(other)))) groups.join(first, other);
        }
    }

    // Texts too short to carry a sample are versions only of the same text.
    std::unordered_map<std::string, Xapian::docid> short_texts;
    auto sampled = db.valuestream_begin(schema::slot_version_samples);
    const auto sampled_end = db.valuestream_end(schema::slot_version_samples);
    for (auto v = db.valuestream_begin(schema::slot_content_hash); v != db.valuestream_end(schema::slot_content_hash); ++v) {
        const Xapian::docid d = v.get_docid();
        if (sampled != sampled_end && sampled.get_docid() < d) sampled.skip_to(d);
        if (sampled != sampled_end && sampled.get_docid() == d) continue;
        auto [it, fresh] = short_texts.try_emplace(*v, d);
        if (!fresh) groups.join(it->second, d);
    }

    // A group's key: the smallest content hash among its members, which stays
    // the same however documents are numbered and in whatever order they came.
    // Each member's document is read once: its content hash, and the key it has now.
    std::map<Xapian::docid, std::string> key_of_root;
    std::unordered_map<Xapian::docid, std::string> key_now;
    for (const auto& [member, parent] : groups.members()) {
        const Xapian::docid r = groups.root(member);
        const Xapian::Document doc = db.get_document(member, Xapian::DOC_ASSUME_VALID);
        key_now.emplace(member, doc.get_value(schema::slot_version_group));
        std::string hash = doc.get_value(schema::slot_content_hash);
        auto [it, fresh] = key_of_root.try_emplace(r, hash);
        if (!fresh && hash < it->second) it->second = std::move(hash);
    }
    result.groups = key_of_root.size();
    result.articles = groups.members().size();

    // Articles that were grouped before and are alone now (a version removed
    // or changed) lose their key first.
    std::vector<Xapian::docid> ungrouped;
    for (auto v = db.valuestream_begin(schema::slot_version_group); v != db.valuestream_end(schema::slot_version_group); ++v)
        if (!groups.members().count(v.get_docid())) ungrouped.push_back(v.get_docid());
    for (Xapian::docid d : ungrouped) write(d, "");
    result.written = ungrouped.size();
    for (const auto& [member, parent] : groups.members()) {
        const std::string& key = key_of_root.at(groups.root(member));
        if (key_now.at(member) == key) continue;
        write(member, key);
        ++result.written;
    }

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

void write_version_key(Xapian::WritableDatabase& db, Xapian::docid d, const std::string& key) {
    Xapian::Document doc = db.get_document(d);
    if (key.empty()) doc.remove_value(schema::slot_version_group);
    else doc.add_value(schema::slot_version_group, key);
    db.replace_document(d, doc);
}

VersionGrouping group_versions(Xapian::WritableDatabase& db) {
    return group_versions(db, [&db](Xapian::docid d, const std::string& key) { write_version_key(db, d, key); });
}

}  // namespace libsearch::index
