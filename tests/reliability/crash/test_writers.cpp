// Two indexers on one index, and a disk that fills up: the failing run says
// why and names the index, exits 3, and the index keeps its last commit.
#include <catch2/catch.hpp>
#include <libsearch/libsearch.hpp>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>

#include "child_process.hpp"
#include "index_checks.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

using namespace crashtest;
using testsupport::TempDir;
namespace fs = std::filesystem;

namespace {

Ended run(const std::vector<std::string>& argv, double guard = 300) {
    ChildProcess child(argv);
    Ended ended = child.wait(guard);
    CHECK_FALSE(ended.hung);
    return ended;
}

Truth merged(Truth a, const Truth& b) {
    a.insert(b.begin(), b.end());
    return a;
}

// Waits (at most a minute) until `ready()`; false when the child ended first.
bool wait_for(ChildProcess& child, const std::function<bool()>& ready) {
    for (int i = 0; i < 60'000; ++i) {
        if (ready()) return true;
        if (!child.running()) return false;
        usleep(1000);
    }
    return false;
}

std::uint64_t articles_in(const std::string& db) {
    try {
        return libsearch::Searcher(db).size();
    } catch (const libsearch::Error&) {
        return 0;
    }
}

// Xapian 1.4.22 leaks two small allocations (112 and 3,999 bytes, every frame
// inside libxapian) when ENOSPC strikes during a commit rather than while
// adding. Under the sanitizer build the indexers would then exit 99 instead of
// 3; the test is about how libsearch reports a full disk, so the indexers it
// starts suppress leaks in Xapian's own frames (children inherit the
// environment). The previous LSAN_OPTIONS come back at the end of the test.
class XapianLeaksSuppressed {
  public:
    explicit XapianLeaksSuppressed(const std::string& dir) : file_(dir + "/xapian-enospc.supp") {
        std::ofstream(file_) << "leak:libxapian.so\n";
        if (const char* old = std::getenv("LSAN_OPTIONS")) old_ = old;
        const std::string options = old_ ? *old_ + ":suppressions=" + file_ : "suppressions=" + file_;
        setenv("LSAN_OPTIONS", options.c_str(), 1);
    }
    ~XapianLeaksSuppressed() {
        if (old_) setenv("LSAN_OPTIONS", old_->c_str(), 1);
        else unsetenv("LSAN_OPTIONS");
    }
    XapianLeaksSuppressed(const XapianLeaksSuppressed&) = delete;
    XapianLeaksSuppressed& operator=(const XapianLeaksSuppressed&) = delete;

  private:
    std::string file_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("a second indexer on the same index is refused clearly and harms nothing",
          "[reliability][crash][lock][reuters]") {
    auto reuters = testsupport::shared_path("data/reuters21578");
    if (!reuters) return;
    const auto files = reuters_files(*reuters);
    REQUIRE(files.size() == 22);
    const std::vector<std::string> first_files(files.begin(), files.begin() + 6);
    const std::vector<std::string> second_files{files[6]};
    const Truth first = extract_truth(first_files), second = extract_truth(second_files);
    TempDir dir;
    const std::string db = dir / "db";

    std::vector<std::string> first_options;
    std::function<bool()> writing;  // true once the first run holds the index
    Truth already;                  // articles indexed before the first run
    SECTION("while the first writes a new index in parallel lanes") {
        first_options = {"--jobs", "2"};
        writing = [&] { return fs::exists(db + "/.lanes"); };
    }
    SECTION("while the first writes an index directly") {
        // An index with articles is written directly.
        REQUIRE(run(indexer_argv(db, {}, {files[7]})).status == 0);
        already = extract_truth({files[7]});
        first_options = {"--jobs", "1", "--batch-size", "300"};
        writing = [&] { return articles_in(db) > already.size(); };
    }

    ChildProcess writer(indexer_argv(db, first_options, first_files));
    REQUIRE(wait_for(writer, writing));
    const Ended refused = run(indexer_argv(db, {"--jobs", "1"}, second_files));
    const bool overlapped = writer.running();
    const Ended done = writer.wait(300);
    INFO("first: " << done.said() << "\nsecond: " << refused.said());
    REQUIRE(overlapped);  // the second ran while the first held the index
    CHECK(done.status == 0);
    CHECK(refused.status == 3);
    CHECK_THAT(refused.err, Catch::Contains("locked by another writer") && Catch::Contains(db));
    std::cout << "second writer: " << refused.err;

    // The first run's articles are all there, once and whole; nothing of the second.
    const Truth expected = merged(already, first);
    check_exactly(db, expected, second);
    // Once the first is done, the second goes in.
    CHECK(run(indexer_argv(db, {}, second_files)).status == 0);
    check_exactly(db, merged(expected, second));
}

namespace {

// A small tmpfs mounted for one test (root only), unmounted at the end.
class TmpfsMount {
  public:
    TmpfsMount(const std::string& path, std::size_t bytes) : path_(path) {
        fs::create_directories(path);
        const std::string options = "size=" + std::to_string(bytes);
        mounted_ = ::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~TmpfsMount() {
        if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;

    bool mounted() const { return mounted_; }
    bool resize(std::size_t bytes) {
        const std::string options = "size=" + std::to_string(bytes);
        return ::mount("tmpfs", path_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) == 0;
    }

  private:
    std::string path_;
    bool mounted_ = false;
};

std::uintmax_t bytes_under(const fs::path& dir, bool largest_file_only) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file())
            total = largest_file_only ? std::max(total, entry.file_size()) : total + entry.file_size();
    return total;
}

// The failing run: exit 3, and a message that names the index and why.
void check_refused_for_space(const Ended& ended, const std::string& db) {
    INFO(ended.said());
    CHECK(ended.status == 3);
    CHECK_THAT(ended.err, Catch::Contains(db));
    CHECK_THAT(ended.err, Catch::Contains("No space left") || Catch::Contains("File too large"));
    std::cout << "  " << ended.err.substr(0, ended.err.find('\n')) << std::endl;
}

}  // namespace

TEST_CASE("a full disk stops indexing with a clear error and keeps the last commit",
          "[reliability][crash][disk-full][reuters]") {
    auto reuters = testsupport::shared_path("data/reuters21578");
    if (!reuters) return;
    const auto files = reuters_files(*reuters);
    REQUIRE(files.size() == 22);
    const std::vector<std::string> first_file{files[0]};
    const std::vector<std::string> six_files(files.begin(), files.begin() + 6);
    const Truth first = extract_truth(first_file), all = extract_truth(six_files);
    std::mt19937_64 rng(1);
    TempDir dir;
    const XapianLeaksSuppressed xapian_leaks(dir.path().string());

    // The size of an index of the first file sets how small the disk is.
    const std::string probe = dir / "probe";
    REQUIRE(run(indexer_argv(probe, {"--jobs", "1"}, first_file)).status == 0);
    const std::uintmax_t probe_total = bytes_under(probe, false), probe_largest = bytes_under(probe, true);

    const std::uintmax_t disk = 2 * probe_total + (1 << 20);  // the tmpfs
    std::string db;
    std::vector<std::string> limited;  // the command prefix that runs the indexer on a small disk
    std::unique_ptr<TmpfsMount> mount;
    SECTION("a small tmpfs (root only)") {
        if (geteuid() != 0) {
            WARN("skipped: not root, cannot mount a tmpfs (the RLIMIT_FSIZE section covers disk full)");
            return;
        }
        mount = std::make_unique<TmpfsMount>(dir / "disk", disk);
        if (!mount->mounted()) {
            WARN("skipped: mounting a tmpfs failed (the RLIMIT_FSIZE section covers disk full)");
            return;
        }
        db = dir / "disk/db";
        std::cout << "disk full: tmpfs of " << disk / 1024 << " KiB" << std::endl;
    }
    SECTION("a file size limit (RLIMIT_FSIZE)") {
        db = dir / "db";
        limited = {FSIZE_EXEC_PATH, std::to_string(2 * probe_largest)};
        std::cout << "disk full: RLIMIT_FSIZE of " << 2 * probe_largest / 1024 << " KiB" << std::endl;
    }
    auto on_small_disk = [&](std::vector<std::string> argv) {
        argv.insert(argv.begin(), limited.begin(), limited.end());
        return argv;
    };

    // A new index written in parallel lanes: the lanes fill the disk, the
    // index stays empty and usable. Where the disk fills decides which of
    // Xapian's paths fails (adding, flushing postings, writing values during
    // a commit, which ends in std::terminate), so the tmpfs tries several
    // sizes, growing (scratch left by a failed run is removed by the next
    // one), and ends at the size the rest of the test uses.
    std::vector<std::uintmax_t> disk_sizes{disk};
    if (mount) disk_sizes = {disk / 2, disk * 5 / 8, disk * 3 / 4, disk * 7 / 8, disk};
    for (const std::uintmax_t size : disk_sizes) {
        if (mount) REQUIRE(mount->resize(size));
        INFO("disk of " << size / 1024 << " KiB");
        check_refused_for_space(run(on_small_disk(indexer_argv(db, {"--jobs", "2"}, six_files))), db);
        CHECK(check_whole(db, all, rng).size == 0);
    }

    // One file goes in; then more do not fit, whether the run would commit
    // at the end or every 300 articles.
    REQUIRE(run(on_small_disk(indexer_argv(db, {"--jobs", "1"}, first_file))).status == 0);
    check_exactly(db, first);
    check_refused_for_space(run(on_small_disk(indexer_argv(db, {"--jobs", "1", "--batch-size", "100000"}, six_files))),
                            db);
    check_exactly(db, first);  // exactly the last commit
    check_refused_for_space(run(on_small_disk(indexer_argv(db, {"--jobs", "1", "--batch-size", "300"}, six_files))),
                            db);
    const Observed seen = check_whole(db, all, rng);
    CHECK(seen.size >= first.size());
    check_exactly(db, first, {}, false);

    // With room again, a rerun finishes the job.
    if (mount) REQUIRE(mount->resize(std::size_t{1} << 30));
    CHECK(run(indexer_argv(db, {}, six_files)).status == 0);
    check_exactly(db, all);
}
