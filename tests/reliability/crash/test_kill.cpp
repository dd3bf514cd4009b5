// Crash safety of indexing: the indexer is killed with SIGKILL at random
// moments (from a printed seed) while it indexes Reuters-21578 or prunes an
// index, and after every kill the index must open, search, and hold only
// whole articles, each once, never fewer than it had committed before; a
// final run without a kill must reach exactly the articles of the files.
#include <catch2/catch.hpp>
#include <libsearch/libsearch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
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

// One indexer run that ends normally (a hang guard of ten minutes).
Ended run_to_end(const std::vector<std::string>& argv) {
    ChildProcess child(argv);
    Ended ended = child.wait(600);
    INFO(ended.said());
    CHECK_FALSE(ended.hung);
    CHECK(ended.status == 0);  // every story goes in (NEWID 17192 undated, with a warning)
    return ended;
}

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("indexing Reuters-21578 survives SIGKILL at any moment", "[reliability][crash][reuters]") {
    auto reuters = testsupport::shared_path("data/reuters21578");
    if (!reuters) return;
    const auto files = reuters_files(*reuters);
    REQUIRE(files.size() == 22);
    const auto seed = test_seed("kill during indexing");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    const auto started = std::chrono::steady_clock::now();
    const Truth truth = extract_truth(files);
    REQUIRE(truth.size() == 21578);

    TempDir dir;
    const std::string db = dir / "db";
    const std::vector<std::string> two_files(files.begin(), files.begin() + 2);
    std::uniform_real_distribution<double> delay(0.05, 4.0);
    int kills = 0, attempts = 0;
    bool index_made = false;     // a look after a kill has opened the index
    std::uint64_t committed = 0;  // articles seen in the index: never fewer later

    // Runs the indexer, kills it after `after` seconds (or, without, as soon
    // as the merge of a parallel build has begun), then looks at the index.
    auto attempt = [&](const std::string& mode, const std::vector<std::string>& options,
                       const std::vector<std::string>& inputs, std::optional<double> after) {
        ChildProcess child(indexer_argv(db, options, inputs));
        const Ended ended = after ? child.kill_after(*after)
                                  : child.kill_when([&] { return fs::exists(db + ".merging"); }, 600);
        ++attempts;
        INFO("attempt " << attempts << ": " << mode << "\n" << ended.said());
        if (ended.killed) ++kills;
        else CHECK((ended.status == 0 || ended.status == 1));
        std::printf("  attempt %2d  %-38s kill at %5s s: %-8s", attempts, mode.c_str(),
                    after ? std::to_string(*after).substr(0, 4).c_str() : "merge",
                    ended.killed ? "killed" : ("exit " + std::to_string(ended.status)).c_str());

        std::string where = db;
        if (!fs::exists(db) && fs::exists(db + ".previous")) {
            // Killed between the two renames that put a merged index in place:
            // the next writer puts the previous one back (checked by the runs that follow).
            WARN("attempt " << attempts << " was killed between the merge's two renames");
            where = db + ".previous";
        }
        if (!index_made) {
            try {
                libsearch::Searcher probe(where);
            } catch (const libsearch::IndexNotFound&) {
                std::printf(" no index yet\n");
                return;  // killed before the index was created
            }
        }
        const Observed seen = check_whole(where, truth, rng);
        index_made = true;
        CHECK(seen.size >= committed);  // a kill never takes back what was committed
        committed = std::max(committed, seen.size);
        std::printf(" index: %5llu articles, %zu hits and %zu sampled articles whole\n",
                    static_cast<unsigned long long>(seen.size), seen.hits_checked, seen.sample_found);
        std::fflush(stdout);
    };

    std::cout << "Kills while indexing Reuters-21578 (22 files, 21,578 articles):" << std::endl;
    // A new index written in parallel lanes, killed while lanes fill up...
    for (int i = 0; i < 4; ++i) attempt("new index, --jobs 2 (lanes)", {"--jobs", "2"}, files, delay(rng));
    // ...or while they are merged into the index, or at any moment of a short run.
    attempt("new index, 2 files, --jobs 2", {"--jobs", "2"}, two_files, std::nullopt);
    for (int i = 0; i < 3; ++i) attempt("new index, 2 files, --jobs 2", {"--jobs", "2"}, two_files, delay(rng));
    // Direct writing, committing every 300 articles with the files' state.
    for (int i = 0; i < 6; ++i)
        attempt("--jobs 1 --batch-size 300", {"--jobs", "1", "--batch-size", "300"}, files, delay(rng));
    // Reruns on an index that has part of the articles (written directly);
    // every other one re-reads every file (--force), so it is still busy
    // when the index is nearly complete.
    // A --force rerun takes about 2.5 s here: kill it within 1.5 s, or a
    // quick machine finishes it first.
    std::uniform_real_distribution<double> rerun_delay(0.05, 1.5);
    while (kills < 20 && attempts < 50) {
        if (attempts % 2) attempt("rerun, --force", {"--force"}, files, rerun_delay(rng));
        else attempt("rerun on the partial index", {}, files, delay(rng));
    }

    // A run without a kill finishes the job: every article, once, whole.
    const Ended last = run_to_end(indexer_argv(db, {"--json"}, files));
    INFO(last.said());
    CHECK(last.out.find("\"interrupted\":false") != std::string::npos);
    check_exactly(db, truth);
    CHECK_FALSE(fs::exists(db + "/.lanes"));
    CHECK_FALSE(fs::exists(db + ".merging"));
    CHECK(kills >= 20);

    // A bounded parallel build (--merge-every) killed as its second merge
    // begins, into an index that holds the first merge's articles: the
    // index keeps exactly those, whole, and the file states that came with
    // them, none of later files; a rerun completes.
    const std::string bounded = dir / "bounded";
    {
        ChildProcess child(indexer_argv(bounded, {"--jobs", "2", "--merge-every", "4000"}, files));
        int merges = 0;
        bool merging = false;
        const Ended ended = child.kill_when(
            [&] {
                const bool now = fs::exists(bounded + ".merging");
                if (now && !merging) ++merges;
                merging = now;
                return merges == 2;
            },
            600);
        INFO(ended.said());
        REQUIRE(ended.killed);
        const Observed seen = check_whole(bounded, truth, rng);
        CHECK(seen.size == 4000);
    }
    const Ended rerun = run_to_end(indexer_argv(bounded, {"--json"}, files));
    INFO(rerun.said());
    CHECK(rerun.out.find("\"interrupted\":false") != std::string::npos);
    check_exactly(bounded, truth);
    std::printf("kill during indexing: %d kills in %d runs, final run %.1f s, a bounded build killed in its second "
                "merge and rerun (%.1f s), whole test %.1f s\n",
                kills, attempts, last.seconds, rerun.seconds, since(started));
}

TEST_CASE("a --prune run killed at any moment keeps what it must and a rerun finishes it",
          "[reliability][crash][reuters]") {
    auto reuters = testsupport::shared_path("data/reuters21578");
    if (!reuters) return;
    const auto all_files = reuters_files(*reuters);
    REQUIRE(all_files.size() == 22);
    const auto seed = test_seed("kill during --prune");
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    const auto started = std::chrono::steady_clock::now();

    // Six files in a folder of our own; two of them will go.
    TempDir dir;
    const fs::path in = dir.path() / "in";
    fs::create_directories(in);
    std::vector<std::string> copies, names, gone_names, kept_names;
    for (std::size_t i = 0; i < 6; ++i) {
        const fs::path copy = in / fs::path(all_files[i]).filename();
        fs::copy_file(all_files[i], copy);
        copies.push_back(copy.string());
        names.push_back(copy.filename().string());
        (i == 1 || i == 4 ? gone_names : kept_names).push_back(names.back());
    }
    const Truth truth = extract_truth(copies);
    const Truth kept = truth_of_files(truth, kept_names), gone = truth_of_files(truth, gone_names);
    REQUIRE(kept.size() + gone.size() == truth.size());
    REQUIRE(gone.size() > 1000);

    const std::string base = dir / "base";
    run_to_end(indexer_argv(base, {}, {in.string()}));
    check_exactly(base, truth);
    for (const auto& name : gone_names) fs::remove(in / name);

    // Small batches: the removals are committed in many steps.
    const std::vector<std::string> prune = {"--prune", "--batch-size", "50", "--json"};
    const std::string clean = dir / "clean";
    copy_tree(base, clean);
    const Ended timed = run_to_end(indexer_argv(clean, prune, {in.string()}));
    check_exactly(clean, kept, gone);
    std::cout << "Kills during --prune (" << gone.size() << " of " << truth.size() << " articles to remove; "
              << "an uninterrupted prune takes " << timed.seconds << " s):" << std::endl;

    // Kill times within the first 80% of an uninterrupted prune: on a loaded
    // machine a later kill often came after the end (CI once had 2 kills in 8
    // runs). Rounds go on until 4 kills landed, 8 rounds at most.
    std::uniform_real_distribution<double> delay(0.02, std::max(0.1, 0.8 * timed.seconds));
    int kills = 0, runs = 0;
    for (int round = 0; round < 8 && kills < 4; ++round) {
        const std::string db = dir / ("round-" + std::to_string(round));
        copy_tree(base, db);
        for (int k = 0; k < 2; ++k) {
            const double after = delay(rng);
            ChildProcess child(indexer_argv(db, prune, {in.string()}));
            const Ended ended = child.kill_after(after);
            ++runs;
            INFO("round " << round << ", kill " << k << " at " << after << " s\n" << ended.said());
            if (ended.killed) ++kills;
            else CHECK(ended.status == 0);
            const Observed seen = check_whole(db, truth, rng);
            check_exactly(db, kept, {}, false);  // nothing of the files still there is lost
            std::printf("  round %d  kill at %.2f s: %-7s index: %llu articles\n", round, after,
                        ended.killed ? "killed" : "ended", static_cast<unsigned long long>(seen.size));
        }
        run_to_end(indexer_argv(db, prune, {in.string()}));
        check_exactly(db, kept, gone);
    }
    CHECK(kills >= 4);
    std::printf("kill during --prune: %d kills in %d runs, whole test %.1f s\n", kills, runs, since(started));
}
