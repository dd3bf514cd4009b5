#include "search/shard_set.hpp"

#include <algorithm>
#include <fstream>
#include <future>
#include <iterator>

#include "core/schema_version.hpp"
#include "core/xapian_errors.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::search {

ShardSet::ShardSet(std::string path, SearcherOptions options) : path_(std::move(path)), options_(options) {
    if (const auto file = stub::stub_file_of(path_)) entries_ = stub::read(*file);
    for (const auto& entry : entries_) has_remote_ = has_remote_ || entry.kind == stub::Entry::Kind::remote;
}

Xapian::Database ShardSet::open_remote(const stub::Entry& entry) const {
    return Xapian::Remote::open(entry.target, entry.port, options_.shard_timeout_ms, options_.shard_connect_timeout_ms);
}

Xapian::Database ShardSet::open() {
    std::vector<Xapian::Database> parts;
    if (entries_.empty()) {
        parts.emplace_back(path_);
        check_schema_version(parts.back(), path_);
    } else {
        // Remote shards connect at once: the wait for a dead one is one
        // connect timeout, not one per shard.
        std::vector<std::future<Xapian::Database>> remote(entries_.size());
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].kind == stub::Entry::Kind::remote)
                remote[i] = std::async(std::launch::async, [this, i] { return open_remote(entries_[i]); });
        std::vector<std::string> down;
        std::string why;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const stub::Entry& entry = entries_[i];
            try {
                if (entry.kind == stub::Entry::Kind::remote) {
                    parts.push_back(remote[i].get());
                } else {
                    try {
                        parts.emplace_back(entry.target);
                    } catch (const Xapian::Error& e) {
                        throw_index_error(e, entry.target, "opening");
                    }
                }
                check_schema_version(parts.back(), entry.kind == stub::Entry::Kind::local ? entry.target : entry.line);
            } catch (const Xapian::NetworkError& e) {
                down.push_back(entry.line);
                if (why.empty()) why = e.get_msg();
            }
        }
        if (!down.empty()) {
            std::string names;
            for (const auto& name : down) names += (names.empty() ? "'" : ", '") + name + "'";
            throw ShardUnavailable(path_, down,
                                   "shard" + std::string(down.size() > 1 ? "s " : " ") + names + " of index '" + path_ +
                                       "' cannot be reached (" + why + ")");
        }
    }
    Xapian::Database all;
    for (const auto& part : parts) all.add_database(part);
    parts_ = std::move(parts);
    layout_ = layout_text();
    return all;
}

void ShardSet::unavailable(const Xapian::NetworkError& error, std::string_view action) const {
    // Xapian does not say which sub-database failed: ask each remote shard
    // again, all at once, each within its timeouts.
    std::vector<std::future<bool>> answers;
    for (const auto& entry : entries_) {
        answers.push_back(std::async(std::launch::async, [this, &entry] {
            if (entry.kind != stub::Entry::Kind::remote) return true;
            try {
                open_remote(entry).get_doccount();
                return true;
            } catch (const Xapian::Error&) {
                return false;
            }
        }));
    }
    std::vector<std::string> down;
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (!answers[i].get()) down.push_back(entries_[i].line);
    std::string names;
    for (const auto& name : down) names += (names.empty() ? "'" : ", '") + name + "'";
    const std::string what = down.empty() ? "a remote shard of index '" + path_ + "' failed"
                                          : "shard" + std::string(down.size() > 1 ? "s " : " ") + names +
                                                " of index '" + path_ + "' cannot be reached";
    throw ShardUnavailable(path_, down, what + " while " + std::string(action) + " (" + error.get_msg() + ")");
}

std::string ShardSet::layout_text() const {
    auto text_of = [](const std::optional<std::string>& file) {
        if (!file) return std::string();
        std::ifstream in(*file);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) + '\0';
    };
    std::string text = text_of(stub::stub_file_of(path_));
    for (const auto& entry : entries_)
        if (entry.kind == stub::Entry::Kind::local) text += text_of(stub::stub_file_of(entry.target));
    return text;
}

bool ShardSet::reload_layout() {
    if (layout_text() == layout_) return false;
    const auto file = stub::stub_file_of(path_);
    if (!file) return true;  // a replica's plain directory: open it again
    try {
        entries_ = stub::read(*file);
    } catch (const IndexError&) {
        return false;  // being rewritten, or broken: keep reading what is open
    }
    has_remote_ = false;
    for (const auto& entry : entries_) has_remote_ = has_remote_ || entry.kind == stub::Entry::Kind::remote;
    return true;
}

std::string ShardSet::last_commit() const {
    std::string newest;
    for (const auto& part : parts_) newest = std::max(newest, part.get_metadata(schema::meta_last_commit));
    return newest;
}

std::string ShardSet::state_key() const {
    // Several databases searched as one: a match spy there is not told which
    // database a document number belongs to, so no table can be keyed by it.
    if (parts_.size() != 1 || has_remote_) return {};
    return parts_.front().get_uuid() + '@' + std::to_string(parts_.front().get_revision());
}

}  // namespace libsearch::search
