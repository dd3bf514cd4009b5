#include "index/version_grouping.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>
#include <vector>

#include "index/versions.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::index {

namespace {

// Union-find over document numbers, in one array (4 bytes a document:
// cheaper to probe than a hash table, and the pass probes it for every
// candidate pair). parent 0: not in a group.
class Groups {
  public:
    explicit Groups(Xapian::docid last) : parent_(static_cast<std::size_t>(last) + 1, 0) {}
    // Iterative, so a long chain cannot exhaust the stack.
    Xapian::docid root(Xapian::docid d) {
        if (d >= parent_.size() || parent_[d] == 0) return d;
        Xapian::docid r = d;
        while (parent_[r] != r) r = parent_[r];
        while (d != r) {
            const Xapian::docid next = parent_[d];
            parent_[d] = r;
            d = next;
        }
        return r;
    }
    void join(Xapian::docid a, Xapian::docid b) {
        a = root(a);
        b = root(b);
        if (a == b) return;
        if (a > b) std::swap(a, b);
        if (parent_[b] == 0) ++members_;
        parent_[b] = a;
        if (parent_[a] == 0) {
            parent_[a] = a;
            ++members_;
        }
    }
    bool member(Xapian::docid d) const { return d < parent_.size() && parent_[d] != 0; }
    std::size_t members() const { return members_; }
    /// Calls f(d) for each document in a group, in ascending order.
    template <typename F>
    void for_each_member(F&& f) const {
        for (Xapian::docid d = 1; d < parent_.size(); ++d)
            if (parent_[d] != 0) f(d);
    }

  private:
    std::vector<Xapian::docid> parent_;
    std::size_t members_ = 0;
};

// Candidates come from the samples value, not from terms (sample terms made
// indexing a tenth slower and the index larger): the (sample, article) pairs
// of the candidate samples, sorted, put the articles that share a sample
// side by side. A large index's pairs are made in parts, one pass over the
// values each, so that a part's pairs stay within kCandidateBytes. At a
// million articles that is 3 passes (11 with the 32 MB of before); the
// grouping then peaks at 84 MB of RSS, the indexer at 267 MB while writing.
constexpr std::size_t kCandidateBytes = std::size_t(96) << 20;

#pragma pack(push, 4)
struct Candidate {  // 12 bytes, not 16
    std::uint64_t sample;
    Xapian::docid docid;
    bool operator<(const Candidate& o) const { return sample != o.sample ? sample < o.sample : docid < o.docid; }
};
#pragma pack(pop)
static_assert(sizeof(Candidate) == 12);

// Two articles found apart are met again at every other candidate sample they
// share, and comparing them reads a value at random: remembering recent
// rejections (in a fixed table, so a collision only costs a comparison)
// spares a quarter of them on the scaled corpus (a million articles: 4.18 to
// 3.00 million comparisons, 28.9 to 21.7 s with the larger parts above). A
// pair's answer never changes, so the groups are the same.
class RejectedPairs {
  public:
    bool contains(Xapian::docid a, Xapian::docid b) const { return slots_[slot(a, b)] == key(a, b); }
    void add(Xapian::docid a, Xapian::docid b) { slots_[slot(a, b)] = key(a, b); }

  private:
    static constexpr std::size_t kSlots = std::size_t(1) << 20;  // 8 MB
    static std::uint64_t key(Xapian::docid a, Xapian::docid b) { return (std::uint64_t(a) << 32) | b; }
    static std::size_t slot(Xapian::docid a, Xapian::docid b) {
        return static_cast<std::size_t>((key(a, b) * 0x9E3779B97F4A7C15ULL) >> 44);
    }
    std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(kSlots, 0);
};

// At most this many candidates in all (every article with all its candidate samples).
std::size_t most_candidates(const DatabaseSequence& db) {
    constexpr std::size_t per_article = kLeadSamples + (kMaxSamples - kLeadSamples) / kCandidateEvery + 1;
    return std::size_t(db.doccount()) * per_article;
}

std::size_t candidate_parts(const DatabaseSequence& db) {
    const std::size_t most = most_candidates(db) * sizeof(Candidate);
    return std::max<std::size_t>(1, (most + kCandidateBytes - 1) / kCandidateBytes);
}

// Calls visit(begin, end) for each run of articles sharing a candidate sample,
// in docid order, when the run is evidence (2 to kMaxSharedSample articles).
template <typename Visit>
void for_each_shared_sample(const DatabaseSequence& db, Visit&& visit) {
    const std::size_t parts = candidate_parts(db);
    std::vector<Candidate> candidates;
    // Room for a part, so that the vector does not double (and hold both
    // copies at once) on the way: parts split the samples by hash, evenly.
    candidates.reserve(most_candidates(db) / parts + most_candidates(db) / parts / 8);
    for (std::size_t part = 0; part < parts; ++part) {
        candidates.clear();
        for (auto v = db.values(schema::slot_version_samples); !v.at_end(); v.next()) {
            const auto samples = unpack_version_samples(v.value());
            for (std::size_t i = 0; i < samples.size(); ++i)
                if (is_candidate_sample(i, samples[i]) && (samples[i] >> 24) % parts == part)
                    candidates.push_back({samples[i], v.docid()});
        }
        std::sort(candidates.begin(), candidates.end());
        for (std::size_t run = 0; run < candidates.size();) {
            std::size_t next = run + 1;
            while (next < candidates.size() && candidates[next].sample == candidates[run].sample) ++next;
            if (next - run >= 2 && next - run <= kMaxSharedSample) visit(&candidates[run], &candidates[next]);
            run = next;
        }
    }
}

}  // namespace

VersionGrouping group_versions(const DatabaseSequence& db, const WriteVersionKey& write) {
    const auto start = std::chrono::steady_clock::now();
    VersionGrouping result;
    Groups groups(db.last_docid());
    // Sorted, as overlap_sorted() wants them.
    auto samples_of = [&db](Xapian::docid d) {
        auto samples = unpack_version_samples(db.document(d).get_value(schema::slot_version_samples));
        std::sort(samples.begin(), samples.end());
        return samples;
    };
    RejectedPairs rejected;
    for_each_shared_sample(db, [&](const Candidate* run, const Candidate* end) {
        const Xapian::docid first = run->docid;
        std::vector<std::uint64_t> first_samples;
        for (const Candidate* c = run + 1; c != end; ++c) {
            const Xapian::docid other = c->docid;
            if (groups.root(first) == groups.root(other) || rejected.contains(first, other)) continue;
            if (first_samples.empty()) first_samples = samples_of(first);
            ++result.compared;
            if (same_story(overlap_sorted(first_samples, samples_of(other)))) groups.join(first, other);
            else rejected.add(first, other);
        }
    });

    // Texts too short to carry a sample are versions only of the same text.
    std::unordered_map<std::string, Xapian::docid> short_texts;
    auto sampled = db.values(schema::slot_version_samples);
    for (auto v = db.values(schema::slot_content_hash); !v.at_end(); v.next()) {
        const Xapian::docid d = v.docid();
        if (!sampled.at_end() && sampled.docid() < d) sampled.skip_to(d);
        if (!sampled.at_end() && sampled.docid() == d) continue;
        auto [it, fresh] = short_texts.try_emplace(v.value(), d);
        if (!fresh) groups.join(it->second, d);
    }

    // A group's key: the smallest content hash among its members, which stays
    // the same however documents are numbered and in whatever order they came.
    // Each member's document is read once: its content hash, and the key it has now.
    std::map<Xapian::docid, std::string> key_of_root;
    std::unordered_map<Xapian::docid, std::string> key_now;
    groups.for_each_member([&](Xapian::docid member) {
        const Xapian::docid r = groups.root(member);
        const Xapian::Document doc = db.document(member);
        key_now.emplace(member, doc.get_value(schema::slot_version_group));
        std::string hash = doc.get_value(schema::slot_content_hash);
        auto [it, fresh] = key_of_root.try_emplace(r, hash);
        if (!fresh && hash < it->second) it->second = std::move(hash);
    });
    result.groups = key_of_root.size();
    result.articles = groups.members();

    // Articles that were grouped before and are alone now (a version removed
    // or changed) lose their key first.
    std::vector<Xapian::docid> ungrouped;
    for (auto v = db.values(schema::slot_version_group); !v.at_end(); v.next())
        if (!groups.member(v.docid())) ungrouped.push_back(v.docid());
    for (Xapian::docid d : ungrouped) write(d, "");
    result.written = ungrouped.size();
    groups.for_each_member([&](Xapian::docid member) {
        const std::string& key = key_of_root.at(groups.root(member));
        if (key_now.at(member) == key) return;
        write(member, key);
        ++result.written;
    });

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

void write_version_key(Xapian::WritableDatabase& db, Xapian::docid d, const std::string& key) {
    Xapian::Document doc = db.get_document(d);
    if (key.empty()) doc.remove_value(schema::slot_version_group);
    else doc.add_value(schema::slot_version_group, key);
    db.replace_document(d, doc);
}

VersionGrouping group_versions(const Xapian::Database& read, const WriteVersionKey& write) {
    return group_versions(DatabaseSequence({read}), write);
}

VersionGrouping group_versions(Xapian::WritableDatabase& db) {
    return group_versions(db, [&db](Xapian::docid d, const std::string& key) { write_version_key(db, d, key); });
}

namespace {

std::string id_term_of(const Xapian::Document& doc) {
    auto term = doc.termlist_begin();
    term.skip_to(schema::prefix_id);
    if (term == doc.termlist_end() || !(*term).starts_with(schema::prefix_id))
        throw Xapian::DatabaseCorruptError("a document without an id term");
    return *term;
}

}  // namespace

VersionGrouping group_versions(const DatabaseSequence& parts, std::vector<VersionKeyChange>& changes) {
    return group_versions(parts, [&](Xapian::docid d, const std::string& key) {
        changes.push_back({id_term_of(parts.document(d)), key});
    });
}

VersionGrouping write_version_keys(Xapian::WritableDatabase& db, const std::vector<VersionKeyChange>& changes,
                                   VersionGrouping grouping) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& change : changes) {
        auto posting = db.postlist_begin(change.id_term);
        if (posting != db.postlist_end(change.id_term)) write_version_key(db, *posting, change.key);
    }
    grouping.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return grouping;
}

}  // namespace libsearch::index
