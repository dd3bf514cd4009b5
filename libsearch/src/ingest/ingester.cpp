#include "libsearch/ingester.hpp"

#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include "ingest/file_bytes.hpp"
#include "libsearch/errors.hpp"
#include "ingest/file_state.hpp"
#include "ingest/ordered_pool.hpp"

namespace libsearch {

namespace fs = std::filesystem;
using ingest::FileState;

namespace {

// Articles are analysed (IndexWriter::prepare) on worker threads in groups
// of this many: a file with more is spread over the workers.
constexpr std::size_t kPrepareChunk = 256;

// How many files hold an article, kept in the index's metadata only for ids
// that two or more files hold.
constexpr std::string_view kHoldersPrefix = "libsearch.holders:";

// An article ready for the writer, or why it cannot be indexed.
struct Prepared {
    std::optional<PreparedArticle> article;
    bool id_from_content = false;  // its id derives from its text: copies elsewhere merge
    Skipped problem;
};

// What a worker learnt about one input file.
struct FileOutcome {
    enum class Kind { unchanged, touched, read, unreadable } kind = Kind::read;
    std::string path;  // as listed
    FileState state;   // new state (size, mtime, hash; ids filled by the writer side)
    ReadResult result;
    std::vector<Prepared> prepared;  // result.articles analysed, for files of at most one chunk
};

struct FileStat {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

std::optional<FileStat> stat_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStat{static_cast<std::uint64_t>(st.st_size),
                    static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::optional<Date> local_day(std::int64_t mtime_ns) {
    const std::time_t seconds = static_cast<std::time_t>(mtime_ns / 1'000'000'000);
    std::tm tm{};
    if (!localtime_r(&seconds, &tm)) return std::nullopt;
    return Date::make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string absolute(const std::string& path) {
    std::error_code error;
    const auto canonical = fs::weakly_canonical(fs::absolute(path, error), error);
    return error ? path : canonical.string();
}

class Run {
  public:
    Run(IndexWriter* writer, const IngestOptions& options) : writer_(writer), options_(options) {}

    IngestReport go(const std::vector<std::string>& paths, const std::function<void(const IngestProgress&)>& progress);

  private:
    void load_states();
    FileOutcome examine(const std::string& path) const;
    Prepared prepare(const Article& article, const std::string& path) const;
    void apply(FileOutcome&& outcome);
    // Ids a file gave, each with whether the index held it before the file did.
    using FileIds = std::map<std::string, bool>;
    void add_articles(FileOutcome& outcome, FileIds& ids);
    void add_article(Prepared&& prepared, FileIds& ids);
    void release(const std::string& id);
    FileState stored_state(const std::string& path) const;
    std::size_t holders(const std::string& id) const;
    void set_holders(const std::string& id, std::size_t count);
    void prune(const std::vector<std::string>& roots, const std::set<std::string>& visited);

    IndexWriter* writer_;
    const IngestOptions& options_;
    unsigned threads_ = 1;
    IngestReport report_;
    // Per file, not per article: memory does not grow with the archive. A
    // file's article ids are read from its stored state when needed.
    std::set<std::string> tracked_;                   // absolute paths with a stored state
    std::map<std::string, FileStat> known_;           // read-only copy for the reading threads
    std::map<std::string, std::string> known_hash_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

void Run::load_states() {
    if (!writer_) return;
    // File states are committed together with the articles they list. An
    // index written in parallel lanes by earlier versions committed them just
    // before it merged the lanes, so a run killed (or failing) during the
    // merge left the states of its files and no article. Trusted, they would
    // pass those files over as unchanged for ever. In an index without
    // articles, file states and holder counts are stale: they are deleted,
    // with this run's first commit, and every file is read again, as if new.
    if (writer_->size() == 0) {
        for (const std::string_view prefix : {ingest::kFileStatePrefix, kHoldersPrefix})
            for (const auto& key : writer_->metadata_keys(std::string(prefix))) writer_->set_metadata(key, "");
        return;
    }
    for (const auto& key : writer_->metadata_keys(std::string(ingest::kFileStatePrefix))) {
        auto state = ingest::decode_file_state(writer_->metadata(key));
        if (!state) continue;
        known_[state->path] = FileStat{state->size, state->mtime_ns};
        known_hash_[state->path] = state->hash;
        tracked_.insert(state->path);
    }
}

FileState Run::stored_state(const std::string& path) const {
    auto state = ingest::decode_file_state(writer_->metadata(ingest::file_state_key(path)));
    if (state) return std::move(*state);
    FileState none;
    none.path = path;
    return none;
}

// An article found in several files (a reprint: its id comes from its text)
// stays until the last of them lets it go (the count: kHoldersPrefix).

std::size_t Run::holders(const std::string& id) const {
    const std::string count = writer_->metadata(std::string(kHoldersPrefix) + id);
    try {
        return count.empty() ? 1 : std::max<std::size_t>(1, std::stoul(count));
    } catch (const std::exception&) {
        return 1;
    }
}

void Run::set_holders(const std::string& id, std::size_t count) {
    writer_->set_metadata(std::string(kHoldersPrefix) + id, count >= 2 ? std::to_string(count) : "");
}

FileOutcome Run::examine(const std::string& path) const {
    FileOutcome outcome;
    outcome.path = path;
    if (path == "-") {
        std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        outcome.result = read_input(bytes, "<stdin>", options_.read);
        return outcome;
    }
    outcome.state.path = absolute(path);
    const auto st = stat_file(path);
    if (!st) {
        outcome.kind = FileOutcome::Kind::unreadable;
        outcome.result.skipped.push_back({path, 0, "cannot read file: it disappeared or is not accessible"});
        return outcome;
    }
    outcome.state.size = st->size;
    outcome.state.mtime_ns = st->mtime_ns;
    const auto old = known_.find(outcome.state.path);
    const bool known = old != known_.end();
    if (known && !options_.force && old->second.size == st->size && old->second.mtime_ns == st->mtime_ns) {
        outcome.kind = FileOutcome::Kind::unchanged;
        return outcome;
    }
    std::string bytes, error;
    if (!ingest::read_file_bytes(path, options_.read.max_bytes, bytes, error)) {
        outcome.kind = FileOutcome::Kind::unreadable;
        outcome.result.skipped.push_back({path, 0, error});
        return outcome;
    }
    outcome.state.hash = ingest::bytes_hash(bytes);
    if (known && !options_.force && known_hash_.at(outcome.state.path) == outcome.state.hash) {
        outcome.kind = FileOutcome::Kind::touched;
        return outcome;
    }
    outcome.result = read_input(bytes, path, options_.read);
    if (options_.date_from_mtime) {
        for (auto& article : outcome.result.articles) {
            if (article.date) continue;
            article.date = local_day(st->mtime_ns);
            article.date_source = article.date ? DateSource::file : DateSource::none;
        }
    }
    // A small file is analysed here, in parallel with other files; a large
    // one is spread over the workers when it is applied.
    if (writer_ && outcome.result.articles.size() <= kPrepareChunk) {
        for (const auto& article : outcome.result.articles) outcome.prepared.push_back(prepare(article, path));
        outcome.result.articles.clear();
    }
    return outcome;
}

Prepared Run::prepare(const Article& article, const std::string& path) const {
    Prepared out;
    out.id_from_content = article.id == content_id(article);
    try {
        out.article = writer_->prepare(article);
    } catch (const InvalidArgument& e) {
        out.problem = {article.source.empty() ? path : article.source, 0,
                       "article '" + article.id.substr(0, 80) + "' not indexed: " + e.what()};
    }
    return out;
}

// The same article met in another file (its id derives from its content):
// keep one, with every URL it was found at, and what either copy knew.
void merge_into(Article& stored, const Article& found) {
    if (!found.url.empty() && found.url != stored.url) {
        if (stored.url.empty()) stored.url = found.url;
        else stored.other_urls.push_back(found.url);
    }
    if (!stored.date && found.date) {
        stored.date = found.date;
        stored.date_source = found.date_source;
    }
    if (stored.author.empty()) stored.author = found.author;
    if (stored.categories.empty()) stored.categories = found.categories;
}

void Run::add_article(Prepared&& prepared, FileIds& ids) {
    if (!prepared.article) {
        report_.skipped.push_back(std::move(prepared.problem));
        return;
    }
    ++report_.articles_read;
    const Article& article = prepared.article->article();
    if (!ids.count(article.id)) ids.emplace(article.id, writer_->contains(article.id));
    if (prepared.id_from_content) {
        if (auto stored = writer_->article(article.id); stored && stored->source != article.source) {
            ++report_.duplicates_merged;
            merge_into(*stored, article);
            prepared.article = writer_->prepare(*stored);
        }
    }
    switch (writer_->add(std::move(*prepared.article))) {
        case AddOutcome::added: ++report_.articles_added; break;
        case AddOutcome::replaced: ++report_.articles_updated; break;
        case AddOutcome::unchanged: ++report_.articles_unchanged; break;
    }
}

void Run::add_articles(FileOutcome& outcome, FileIds& ids) {
    if (!writer_) {  // a dry run: read, count, write nothing
        for (const auto& article : outcome.result.articles) {
            ++report_.articles_read;
            ids.emplace(article.id, false);
        }
        return;
    }
    for (auto& prepared : outcome.prepared) add_article(std::move(prepared), ids);
    const auto& articles = outcome.result.articles;
    if (articles.empty()) return;
    const std::size_t chunks = (articles.size() + kPrepareChunk - 1) / kPrepareChunk;
    ingest::OrderedPool<std::vector<Prepared>> pool(chunks, threads_, [&](std::size_t chunk) {
        std::vector<Prepared> out;
        const std::size_t end = std::min(articles.size(), (chunk + 1) * kPrepareChunk);
        for (std::size_t i = chunk * kPrepareChunk; i < end; ++i) out.push_back(prepare(articles[i], outcome.path));
        return out;
    });
    while (auto chunk = pool.next())
        for (auto& prepared : *chunk) add_article(std::move(prepared), ids);
}

// A file no longer holds `id`: remove the article unless another file does.
void Run::release(const std::string& id) {
    if (const std::size_t count = holders(id); count > 1) {
        set_holders(id, count - 1);
        return;
    }
    if (writer_->remove(id)) ++report_.articles_removed;
}

void Run::apply(FileOutcome&& outcome) {
    bool whole_file_skipped = false;
    for (auto& skipped : outcome.result.skipped) {
        whole_file_skipped = whole_file_skipped || skipped.line == 0;
        report_.skipped.push_back(std::move(skipped));
    }
    for (auto& warning : outcome.result.warnings) report_.warnings.push_back(std::move(warning));
    // An unusable file (damaged, truncated, too large, now binary) keeps the
    // articles it gave before and its state, so it is reported again on every
    // run until it is mended: nothing already indexed is lost.
    if (whole_file_skipped && outcome.result.articles.empty() && outcome.prepared.empty()) {
        ++report_.files_skipped;
        return;
    }
    switch (outcome.kind) {
        case FileOutcome::Kind::unreadable:
            return;
        case FileOutcome::Kind::unchanged:
            ++report_.files_unchanged;
            return;
        case FileOutcome::Kind::touched: {
            ++report_.files_unchanged;
            if (!writer_) return;
            FileState state = stored_state(outcome.state.path);
            state.mtime_ns = outcome.state.mtime_ns;
            writer_->set_metadata(ingest::file_state_key(state.path), ingest::encode_file_state(state));
            return;
        }
        case FileOutcome::Kind::read:
            break;
    }
    ++report_.files_read;
    report_.bytes_read += outcome.state.size;
    FileIds ids;
    add_articles(outcome, ids);
    if (outcome.path == "-" || !writer_) return;

    const FileState old = stored_state(outcome.state.path);
    const std::set<std::string> old_ids(old.ids.begin(), old.ids.end());
    for (const auto& [id, held_before] : ids)
        if (held_before && !old_ids.count(id)) set_holders(id, holders(id) + 1);
    for (const auto& id : old_ids)
        if (!ids.count(id)) release(id);
    for (const auto& [id, held_before] : ids) outcome.state.ids.push_back(id);
    tracked_.insert(outcome.state.path);
    writer_->set_metadata(ingest::file_state_key(outcome.state.path), ingest::encode_file_state(outcome.state));
}

void Run::prune(const std::vector<std::string>& roots, const std::set<std::string>& visited) {
    std::vector<std::string> root_paths;
    for (const auto& root : roots)
        if (root != "-") root_paths.push_back(absolute(root));
    auto under_a_root = [&](const std::string& path) {
        for (const auto& root : root_paths)
            if (path == root || (path.starts_with(root) && path.size() > root.size() && path[root.size()] == '/'))
                return true;
        return false;
    };
    for (auto it = tracked_.begin(); it != tracked_.end();) {
        const std::string& path = *it;
        std::error_code error;
        if (visited.count(path) || !under_a_root(path) || fs::exists(path, error)) {
            ++it;
            continue;
        }
        for (const auto& id : stored_state(path).ids) release(id);
        writer_->set_metadata(ingest::file_state_key(path), "");
        ++report_.files_pruned;
        it = tracked_.erase(it);
    }
}

IngestReport Run::go(const std::vector<std::string>& paths,
                     const std::function<void(const IngestProgress&)>& progress) {
    InputFiles inputs = list_input_files(paths);
    report_.skipped = std::move(inputs.skipped);
    report_.files_seen = inputs.files.size();
    load_states();

    IngestProgress where;
    where.files_total = inputs.files.size();
    for (const auto& file : inputs.files)
        if (auto st = file == "-" ? std::nullopt : stat_file(file)) where.bytes_total += st->size;

    threads_ = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::set<std::string> visited;
    {
        ingest::OrderedPool<FileOutcome> pool(inputs.files.size(), threads_, [&](std::size_t i) {
            try {
                return examine(inputs.files[i]);
            } catch (const std::exception& e) {
                FileOutcome failed;
                failed.kind = FileOutcome::Kind::unreadable;
                failed.result.skipped.push_back({inputs.files[i], 0, std::string("cannot read: ") + e.what()});
                return failed;
            }
        });
        while (auto outcome = pool.next()) {
            if (options_.stop && options_.stop->load()) {
                report_.interrupted = true;
                break;
            }
            visited.insert(outcome->state.path);
            where.bytes_done += outcome->state.size;
            apply(std::move(*outcome));
            ++where.files_done;
            where.articles = report_.articles_read;
            where.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
            if (progress) progress(where);
        }
    }
    if (writer_ && options_.prune && !report_.interrupted) prune(paths, visited);
    // After an interruption too: what was committed is searched now.
    // group_versions() commits first (and groups beside a merge of lanes).
    if (writer_ && writer_->versions_stale()) report_.versions = writer_->group_versions();
    else if (writer_) writer_->commit();
    report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    return report_;
}

}  // namespace

Ingester::Ingester(IndexWriter* writer, IngestOptions options) : writer_(writer), options_(std::move(options)) {}

IngestReport Ingester::run(const std::vector<std::string>& paths,
                           const std::function<void(const IngestProgress&)>& progress) {
    return Run(writer_, options_).go(paths, progress);
}

}  // namespace libsearch
