// Scale-out on Xapian's own machinery: indexer --shards, a stub database
// naming local shards and remote ones served by xapian-tcpsrv, what a dead or
// hung shard does to a search, and read replicas kept by xapian-replicate.
// Everything on 127.0.0.1, ports chosen free, every helper process stopped.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libsearch/libsearch.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "child_process.hpp"
#include "run_process.hpp"
#include "server_process.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

using namespace testsupport;
using json = nlohmann::json;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace Catch {
template <>
struct StringMaker<libsearch::FacetValue> {
    static std::string convert(const libsearch::FacetValue& v) { return v.value + "=" + std::to_string(v.count); }
};
}  // namespace Catch

namespace {

constexpr std::size_t kShards = 3;

// The documented routing: FNV-1a 64 of the id, modulo the number of shards.
std::size_t shard_of(const std::string& id, std::size_t shards) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const unsigned char c : id) hash = (hash ^ c) * 0x100000001b3ULL;
    return hash % shards;
}

// xapian-tools (scripts/setup.sh) provides the servers; without them the
// remote tests skip, or fail under CI=true.
bool have_xapian_tools() {
    for (const char* tool : {"xapian-tcpsrv", "xapian-replicate-server", "xapian-replicate"}) {
        if (run_process({"/bin/sh", "-c", std::string("command -v ") + tool}).status != 0) {
            const char* ci = std::getenv("CI");
            if (ci && std::string(ci) == "true") FAIL(tool << " missing: install xapian-tools (scripts/setup.sh)");
            WARN("skipped: " << tool << " not found (xapian-tools)");
            return false;
        }
    }
    return true;
}

ProcessResult indexer(const std::vector<std::string>& args, int expected_status = 0) {
    std::vector<std::string> argv{INDEXER_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto result = run_process(argv);
    INFO("indexer stderr: " << result.err);
    REQUIRE(result.status == expected_status);
    return result;
}

// All of Reuters-21578 (21,578 articles, 22 files).
std::optional<std::vector<std::string>> reuters_files() {
    const auto dir = shared_path("data/reuters21578");
    if (!dir) return std::nullopt;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(*dir))
        if (entry.path().extension() == ".sgm") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// A xapian-tcpsrv serving `db` on a free port of 127.0.0.1.
struct ShardServer {
    std::unique_ptr<ChildProcess> process;
    int port = 0;

    explicit ShardServer(const std::string& db) { start(db); }

    void start(const std::string& db) {
        for (int attempt = 0; attempt < 5; ++attempt) {  // another process may take the port first
            port = free_port();
            process = std::make_unique<ChildProcess>(std::vector<std::string>{
                "xapian-tcpsrv", "--port", std::to_string(port), "--interface", "127.0.0.1", "--quiet", db});
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (process->running() && std::chrono::steady_clock::now() < deadline) {
                if (accepts(port)) return;
                std::this_thread::sleep_for(milliseconds(20));
            }
            process->stop();
        }
        FAIL("xapian-tcpsrv did not start on " << db);
    }
    std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port); }
};

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
}

// The fixed query mix: words, phrases, boolean operators, filters and sorts
// over what Reuters of early 1987 talks about. No wildcards: Xapian 1.4
// weighs a wildcard's expansion per shard (the answer says so, see below).
struct MixQuery {
    std::string q;
    std::vector<std::string> categories = {};
    std::string from = {};
    std::string to = {};
    libsearch::SortOrder sort = libsearch::SortOrder::relevance;
};

std::vector<MixQuery> query_mix() {
    std::vector<MixQuery> mix;
    for (const char* q : {"oil",
                          "crude oil",
                          "grain exports",
                          "wheat",
                          "\"interest rates\"",
                          "bank rate",
                          "trade deficit",
                          "japan",
                          "opec",
                          "gold",
                          "coffee",
                          "sugar",
                          "dollar",
                          "stock split",
                          "dividend",
                          "acquisition",
                          "merger",
                          "net loss",
                          "profit",
                          "shares",
                          "tonnes",
                          "corn",
                          "soybeans",
                          "shipping",
                          "strike",
                          "federal reserve",
                          "bundesbank",
                          "yen",
                          "money supply",
                          "inflation",
                          "reserves",
                          "tax",
                          "budget deficit",
                          "debt",
                          "brazil debt",
                          "mexico",
                          "canada",
                          "china",
                          "iran",
                          "kuwait",
                          "saudi arabia",
                          "gulf",
                          "natural gas",
                          "copper",
                          "tin",
                          "rubber",
                          "cocoa",
                          "cotton",
                          "cattle",
                          "earnings",
                          "oil -gas",
                          "oil OR gas",
                          "wheat AND corn",
                          "\"first quarter\"",
                          "computer",
                          "steel",
                          "bonds",
                          "treasury",
                          "exchange rate",
                          "unemployment"})
        mix.push_back({q});
    mix.push_back({"", {"crude"}});
    mix.push_back({"prices", {"grain", "wheat"}});
    mix.push_back({"oil", {}, "1987-03-01", "1987-03-05"});
    mix.push_back({"", {}, "1987-03-02", "1987-03-03"});
    mix.push_back({"oil", {}, {}, {}, libsearch::SortOrder::newest});
    mix.push_back({"bank", {"money-fx"}, {}, {}, libsearch::SortOrder::newest});
    return mix;
}

libsearch::SearchRequest request_of(const MixQuery& m) {
    libsearch::SearchRequest r;
    r.query = m.q;
    r.categories = m.categories;
    r.from = m.from;
    r.to = m.to;
    r.sort = m.sort;
    r.limit = 10;
    r.exact = true;
    r.snippets = false;
    return r;
}

// Top 10 as the order key each hit was ranked by (score, or date then
// score), and the ids of each key. Ids of hits with equal keys are in an
// order Xapian leaves to document numbers, which differ between a single
// database and shards: tied ids are compared as sets, and the last tie
// group, which the cut at 10 may split, by its keys only.
struct Ranked {
    std::vector<std::string> keys;
    std::vector<std::set<std::string>> groups;
};

Ranked ranked(const libsearch::SearchResponse& response, libsearch::SortOrder sort) {
    Ranked out;
    for (const auto& hit : response.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.9f", hit.score);
        const bool by_date = sort != libsearch::SortOrder::relevance || response.hits.front().score == 0;
        const std::string key = by_date ? (hit.date ? hit.date->iso() : "-") + " " + score : std::string(score);
        if (out.keys.empty() || out.keys.back() != key) {
            out.keys.push_back(key);
            out.groups.emplace_back();
        }
        out.groups.back().insert(hit.id);
    }
    return out;
}

void require_same_answer(libsearch::Searcher& expected, libsearch::Searcher& actual, const MixQuery& m) {
    INFO("query '" << m.q << "'");
    const auto want = expected.search(request_of(m));
    const auto got = actual.search(request_of(m));
    REQUIRE(got.total.estimated == want.total.estimated);
    REQUIRE(want.total.exact());
    REQUIRE(got.total.exact());
    const Ranked a = ranked(want, m.sort), b = ranked(got, m.sort);
    REQUIRE(b.keys == a.keys);
    for (std::size_t i = 0; i + 1 < a.groups.size(); ++i) REQUIRE(b.groups[i] == a.groups[i]);
    // What each hit shows is read from its own shard (hit by hit on remote
    // shards, through one value stream over all local ones): as on one database.
    std::map<std::string, const libsearch::Hit*> by_id;
    for (const auto& hit : want.hits) by_id[hit.id] = &hit;
    for (const auto& hit : got.hits) {
        const auto found = by_id.find(hit.id);
        if (found == by_id.end()) continue;  // a tie cut at 10 differently
        INFO("hit " << hit.id);
        const auto& w = *found->second;
        REQUIRE(hit.title == w.title);
        REQUIRE(hit.title_html == w.title_html);
        REQUIRE(hit.url == w.url);
        REQUIRE(hit.date == w.date);
        REQUIRE(hit.categories == w.categories);
        // Not version_group: grouping is greedy in document order, and
        // shards order documents differently (tests/bench/RESULTS.md, "Open").
    }
    REQUIRE(got.facets.exact);
    INFO("total " << want.total.estimated << ", " << got.hits.size() << " hits");
    REQUIRE(got.facets.category == want.facets.category);
    REQUIRE(got.facets.month == want.facets.month);
    REQUIRE(got.facets.year == want.facets.year);
    // Remote shards never suggest a spelling; where one would be looked
    // for, the answer says so instead.
    std::vector<std::string> warnings;
    bool spelling_note = false;
    for (const auto& w : got.warnings) {
        if (w.starts_with("no spelling suggestion"))
            spelling_note = true;
        else
            warnings.push_back(w);
    }
    REQUIRE(warnings == want.warnings);
    if (got.suggestion != want.suggestion) REQUIRE(spelling_note);
}

// The archive indexed twice: one database, and kShards shards, in `where`.
struct Indexes {
    fs::path dir;
    std::string single = dir / "single";
    std::string sharded = dir / "sharded";
    std::vector<std::string> files;

    Indexes(fs::path where, std::vector<std::string> inputs) : dir(std::move(where)), files(std::move(inputs)) {}
    void build() const {
        build_into({"--db", single});
        build_sharded();
    }
    void build_sharded() const { build_into({"--db", sharded, "--shards", std::to_string(kShards)}); }
    void build_into(std::vector<std::string> args) const {
        args.insert(args.end(), files.begin(), files.end());
        // NEWID 17192's date cannot be read: a warning; the article is kept, undated.
        indexer(args, 0);
    }
    std::string shard(std::size_t i) const { return sharded + "/shard-" + std::to_string(i); }
    fs::path built_marker() const { return dir / "built"; }
};

// Each test case runs in a process of its own, and indexing all of Reuters
// twice takes a minute and a half under the sanitizers. So under ctest the
// setup test below builds the indexes once, into the directory
// $LIBSEARCH_SHARDS_FIXTURE (tests/CMakeLists.txt), and the test cases only
// read them there; run by hand without it, a process builds its own.
const char* fixture_dir() { return std::getenv("LIBSEARCH_SHARDS_FIXTURE"); }

Indexes& indexes_of(const std::vector<std::string>& files) {
    static std::unique_ptr<TempDir> own;
    static std::unique_ptr<Indexes> built;
    if (built) return *built;
    if (const char* shared = fixture_dir()) {
        built = std::make_unique<Indexes>(shared, files);
        INFO("the setup test \"shards: the Reuters indexes the shard tests read are built\" did not finish");
        REQUIRE(fs::exists(built->built_marker()));
    } else {
        own = std::make_unique<TempDir>();
        built = std::make_unique<Indexes>(own->path(), files);
        built->build();
    }
    return *built;
}

}  // namespace

// The setup test of the fixture (hidden from test discovery).
TEST_CASE("the Reuters indexes the shard tests read are built", "[.][shards-fixture]") {
    const auto files = reuters_files();
    if (!files) return;
    const char* shared = fixture_dir();
    REQUIRE(shared);
    const Indexes indexes(shared, *files);
    fs::remove_all(indexes.dir);
    fs::create_directories(indexes.dir);
    indexes.build();
    std::ofstream(indexes.built_marker()) << "built\n";
}

TEST_CASE("indexer --shards spreads articles by id and searches as one database", "[shards]") {
    const auto files = reuters_files();
    if (!files) return;
    Indexes& indexes = indexes_of(*files);

    // The stub Xapian and every tool read: one line per shard.
    std::ifstream stub(indexes.sharded + "/XAPIANDB");
    std::string text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    for (std::size_t i = 0; i < kShards; ++i)
        REQUIRE(text.find("auto shard-" + std::to_string(i) + "\n") != std::string::npos);

    libsearch::Searcher single(indexes.single), sharded(indexes.sharded);
    REQUIRE(sharded.size() == single.size());
    REQUIRE(single.size() == 21578);
    REQUIRE(sharded.last_commit() >= single.last_commit().substr(0, 4));

    // Every article sits in the shard its id hashes to, and each shard has some.
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < kShards; ++i) {
        libsearch::Searcher shard(indexes.shard(i));
        REQUIRE(shard.size() > 400);
        total += shard.size();
        libsearch::SearchRequest all;
        all.limit = 100;
        all.snippets = false;
        for (const auto& hit : shard.search(all).hits) {
            INFO("article " << hit.id << " in shard " << i);
            REQUIRE(shard_of(hit.id, kShards) == i);
        }
    }
    REQUIRE(total == single.size());

    for (const auto& m : query_mix()) require_same_answer(single, sharded, m);

    // Xapian's own tools open the directory as one database.
    const auto delve =
        run_process({"/bin/sh", "-c", "xapian-delve '" + indexes.sharded + "' | grep 'number of documents'"});
    if (delve.status == 0) REQUIRE(delve.out.find("= 21578") != std::string::npos);

    SECTION("a re-run is incremental, and another number of shards is refused") {
        std::vector<std::string> again{"--db", indexes.sharded, "--shards", std::to_string(kShards), "--json"};
        again.insert(again.end(), indexes.files.begin(), indexes.files.end());
        const json report = json::parse(indexer(again).out);
        REQUIRE(report["files"]["read"] == 0);
        REQUIRE(report["files"]["unchanged"] == indexes.files.size());

        std::vector<std::string> other{"--db", indexes.sharded, "--shards", "2"};
        other.insert(other.end(), indexes.files.begin(), indexes.files.end());
        const std::string refused = indexer(other, 2).err;
        REQUIRE(refused.find("has 3 shards, not 2") != std::string::npos);

        std::vector<std::string> onto_single{"--db", indexes.single, "--shards", "3"};
        onto_single.insert(onto_single.end(), indexes.files.begin(), indexes.files.end());
        REQUIRE(indexer(onto_single, 2).err.find("single (unsharded) index") != std::string::npos);
    }

    SECTION("--prune removes a vanished file's articles from every shard") {
        TempDir inputs;
        fs::copy_file(indexes.files[0], inputs / "a.sgm");
        fs::copy_file(indexes.files[1], inputs / "b.sgm");
        TempDir output;
        const std::string db = output / "db";
        indexer({"--db", db, "--shards", "3", inputs.path().string()});
        REQUIRE(libsearch::Searcher(db).size() == 2000);
        fs::remove(inputs / "b.sgm");
        indexer({"--db", db, "--prune", inputs.path().string()});
        libsearch::Searcher pruned(db);
        REQUIRE(pruned.size() == 1000);
        for (std::size_t i = 0; i < kShards; ++i)
            REQUIRE(libsearch::Searcher(db + "/shard-" + std::to_string(i)).size() < 1000);
    }
}

TEST_CASE("remote shards served by xapian-tcpsrv answer as the single database does", "[shards]") {
    const auto files = reuters_files();
    if (!files || !have_xapian_tools()) return;
    Indexes& indexes = indexes_of(*files);
    std::vector<std::unique_ptr<ShardServer>> servers;
    for (std::size_t i = 0; i < kShards; ++i) servers.push_back(std::make_unique<ShardServer>(indexes.shard(i)));

    // Two remote shards and one local, as a stub written by hand says.
    const std::string stub = indexes.dir / "mixed.stub";
    write_file(stub, "# shards 0 and 1 on their servers, 2 on this machine\n" + servers[0]->stub_line() + "\n" +
                         servers[1]->stub_line() + "\nauto sharded/shard-2\n");
    libsearch::Searcher single(indexes.single);
    libsearch::Searcher remote(stub, {.shard_timeout_ms = 5000, .shard_connect_timeout_ms = 2000});
    REQUIRE(remote.size() == single.size());
    REQUIRE(remote.default_language() == single.default_language());
    const auto mix = query_mix();
    REQUIRE(mix.size() >= 50);
    for (const auto& m : mix) require_same_answer(single, remote, m);

    // Every shard on its own server.
    const std::string all_remote = indexes.dir / "remote.stub";
    write_file(all_remote, servers[0]->stub_line() + "\n" + servers[1]->stub_line() + "\n" + servers[2]->stub_line() + "\n");
    libsearch::Searcher three(all_remote, {.shard_timeout_ms = 5000, .shard_connect_timeout_ms = 2000});
    REQUIRE(three.size() == single.size());
    for (const auto& m : mix) require_same_answer(single, three, m);

    SECTION("what remote shards cannot run is left out with a note, never silently") {
        libsearch::SearchRequest recent;
        recent.query = "oil";
        recent.recency_half_life_days = 30;
        const auto answer = remote.search(recent);
        REQUIRE(answer.total.estimated == single.search(recent).total.estimated);
        REQUIRE(answer.warnings.size() == 1);
        REQUIRE(answer.warnings[0].find("recency is not applied") != std::string::npos);

        libsearch::SearchRequest misspelt;
        misspelt.query = "petroleun exportz";
        REQUIRE(single.search(misspelt).suggestion.size() > 0);
        const auto unsuggested = remote.search(misspelt);
        REQUIRE(unsuggested.suggestion.empty());
        REQUIRE(unsuggested.warnings.at(0).find("no spelling suggestion") != std::string::npos);

        libsearch::SearchRequest wildcard;
        wildcard.query = "export*";
        wildcard.exact = true;
        const auto expanded = remote.search(wildcard);
        REQUIRE(expanded.total.estimated == single.search(wildcard).total.estimated);
        REQUIRE(expanded.warnings.at(0).find("wildcard matches are complete") != std::string::npos);
    }

    SECTION("timeline, articles and completions read through the remote shards") {
        libsearch::TimelineRequest timeline;
        timeline.queries = {"oil", ""};
        const auto want = single.timeline(timeline), got = remote.timeline(timeline);
        REQUIRE(got.periods == want.periods);
        REQUIRE(got.articles == want.articles);
        for (std::size_t i = 0; i < want.series.size(); ++i) REQUIRE(got.series[i].counts == want.series[i].counts);
        const std::string id = single.search({.query = "opec", .limit = 1}).hits.at(0).id;
        REQUIRE(remote.article(id)->title == single.article(id)->title);
        REQUIRE(remote.highlighted_article(id, "opec")->body_html == single.highlighted_article(id, "opec")->body_html);
        auto words = [](const std::vector<libsearch::Suggestion>& all) {
            std::vector<std::string> out;
            for (const auto& s : all)
                if (s.kind == libsearch::Suggestion::Kind::term) out.push_back(s.text);
            return out;
        };
        REQUIRE(words(remote.suggest("crude pri")) == words(single.suggest("crude pri")));
        REQUIRE(words(single.suggest("crude pri")).size() == 5);
    }
}

TEST_CASE("a remote shard that is down or hung fails the search fast, naming it", "[shards]") {
    const auto files = reuters_files();
    if (!files || !have_xapian_tools()) return;
    // Two files of Reuters are enough to fail over; the answers are compared above.
    TempDir dir;
    const Indexes indexes(dir.path(), {(*files)[0], (*files)[1]});
    indexes.build_sharded();
    std::vector<std::unique_ptr<ShardServer>> servers;
    std::string lines;
    for (std::size_t i = 0; i < kShards; ++i) {
        servers.push_back(std::make_unique<ShardServer>(indexes.shard(i)));
        lines += servers.back()->stub_line() + "\n";
    }
    const std::string stub = indexes.dir / "remote.stub";
    write_file(stub, lines);
    ServerProcess searchd(SEARCHD_PATH, {"--db", stub, "--web", "", "--quiet", "--threads", "2", "--shard-timeout",
                                         "1000", "--shard-connect-timeout", "1000"});
    httplib::Client client("127.0.0.1", searchd.port());
    client.set_read_timeout(30, 0);
    auto search = [&](const std::string& q) {
        const auto start = std::chrono::steady_clock::now();
        auto result = client.Get(("/api/search?q=" + q).c_str());
        REQUIRE(result);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::pair{result->status, std::pair{json::parse(result->body), seconds}};
    };
    REQUIRE(search("oil").first == 200);

    // A shard whose server is gone: refused at once.
    servers[1]->process->stop();
    for (int i = 0; i < 3; ++i) {
        const auto [status, answer] = search("oil");
        const auto& [body, seconds] = answer;
        INFO(body.dump());
        REQUIRE(status == 503);
        REQUIRE(body["error"]["code"] == "shard_unavailable");
        REQUIRE(body["error"]["shards"] == json::array({servers[1]->stub_line()}));
        REQUIRE(body["error"]["message"].get<std::string>().find(servers[1]->stub_line()) != std::string::npos);
        REQUIRE(seconds < 4.0);
    }

    // Back on the same port: the next search reconnects.
    const int port = servers[1]->port;
    servers[1]->process = std::make_unique<ChildProcess>(std::vector<std::string>{
        "xapian-tcpsrv", "--port", std::to_string(port), "--interface", "127.0.0.1", "--quiet", indexes.shard(1)});
    for (int i = 0; i < 250 && !accepts(port); ++i) std::this_thread::sleep_for(milliseconds(20));
    REQUIRE(search("oil").first == 200);

    // A hung shard (stopped, connections open): bounded by --shard-timeout.
    servers[2]->process->pause();
    const auto [status, answer] = search("grain");
    const auto& [body, seconds] = answer;
    INFO(body.dump());
    REQUIRE(status == 503);
    REQUIRE(body["error"]["shards"] == json::array({servers[2]->stub_line()}));
    REQUIRE(seconds < 6.0);
    servers[2]->process->resume();
    REQUIRE(search("grain").first == 200);

    // The library's own error, for embedders.
    servers[0]->process->stop();
    try {
        libsearch::Searcher direct(stub, {.shard_timeout_ms = 1000, .shard_connect_timeout_ms = 1000});
        FAIL("opened with a shard down");
    } catch (const libsearch::ShardUnavailable& e) {
        REQUIRE(e.shards() == std::vector<std::string>{servers[0]->stub_line()});
    }
}

TEST_CASE("a read replica kept by xapian-replicate follows the master, and searchd on it sees commits", "[shards]") {
    const auto files = reuters_files();
    if (!files || !have_xapian_tools()) return;
    TempDir dir;
    const std::string masters = dir / "masters", master = masters + "/archive", replica = dir / "replica";
    fs::create_directories(masters);
    // Changesets let the replica take each commit as a delta (searchd/DEPLOY.md).
    struct Changesets {
        Changesets() { setenv("XAPIAN_MAX_CHANGESETS", "10", 1); }
        ~Changesets() { unsetenv("XAPIAN_MAX_CHANGESETS"); }
    } changesets;
    indexer({"--db", master, (*files)[0]});

    const int port = free_port();
    ChildProcess server({"xapian-replicate-server", "-I", "127.0.0.1", "-p", std::to_string(port), masters});
    for (int i = 0; i < 250 && !accepts(port); ++i) std::this_thread::sleep_for(milliseconds(20));
    REQUIRE(accepts(port));
    auto replicate = [&] {
        ChildProcess client({"xapian-replicate", "-h", "127.0.0.1", "-p", std::to_string(port), "-m", "archive", "-o",
                             "-r", "0", "-t", "10", replica});
        const int status = client.wait_exit(std::chrono::seconds(30));
        INFO(client.output());
        REQUIRE(status == 0);
    };
    replicate();
    REQUIRE(libsearch::Searcher(replica).size() == 1000);

    ServerProcess searchd(SEARCHD_PATH, {"--db", replica, "--web", "", "--quiet", "--threads", "1"});
    httplib::Client client("127.0.0.1", searchd.port());
    auto total = [&] {
        auto result = client.Get("/api/search?q=");
        REQUIRE(result);
        REQUIRE(result->status == 200);
        return json::parse(result->body)["total"].get<int>();
    };
    REQUIRE(total() == 1000);

    indexer({"--db", master, (*files)[0], (*files)[1]});  // an incremental run: one more file
    replicate();
    REQUIRE(libsearch::Searcher(replica).size() == 2000);
    int seen = 0;
    for (int i = 0; i < 100 && seen != 2000; ++i) {  // searchd looks for commits every second
        seen = total();
        if (seen != 2000) std::this_thread::sleep_for(milliseconds(100));
    }
    REQUIRE(seen == 2000);
}

TEST_CASE("stubs libsearch cannot search or write are refused, naming the line", "[shards]") {
    TempDir dir;
    auto refused = [&](const std::string& text) -> std::string {
        write_file(dir / "bad.stub", text);
        try {
            libsearch::Searcher searcher(dir / "bad.stub");
        } catch (const libsearch::IndexCorrupt& e) {
            return e.what();
        }
        FAIL("opened the stub " << text);
        return {};
    };
    REQUIRE(refused("# only a comment\n").find("lists no database") != std::string::npos);
    REQUIRE(refused("auto shard-0\nremote nohost\n").find("line 2") != std::string::npos);
    REQUIRE(refused("remote 127.0.0.1:99999\n").find("bad port") != std::string::npos);
    REQUIRE(refused("inmemory\n").find("line 1") != std::string::npos);
    REQUIRE(refused("chert /srv/old\n").find("only auto, glass and remote") != std::string::npos);

    // A replica's stub, or one naming remote shards, is no place to write.
    fs::create_directories(dir / "replica");
    write_file(dir / "replica/XAPIANDB", "auto replica_0\n");
    try {
        libsearch::IndexWriter writer({.path = dir / "replica"});
        FAIL("wrote into a replica");
    } catch (const libsearch::InvalidArgument& e) {
        REQUIRE(std::string(e.what()).find("stub database that indexer did not write") != std::string::npos);
    }
}

TEST_CASE("IndexWriter over shards routes every call by id and keeps metadata in shard 0", "[shards]") {
    TempDir dir;
    const std::string db = dir / "db";
    {
        libsearch::IndexWriter writer({.path = db, .batch_size = 7, .shards = 3});
        for (int i = 0; i < 30; ++i) {
            libsearch::Article a;
            a.id = "article-" + std::to_string(i);
            a.title = "Title " + std::to_string(i);
            a.body = "Body of article number " + std::to_string(i) + " about grain.";
            REQUIRE(writer.add(a) == libsearch::AddOutcome::added);
            REQUIRE(writer.add(a) == libsearch::AddOutcome::unchanged);
        }
        REQUIRE(writer.size() == 30);
        REQUIRE(writer.contains("article-7"));
        REQUIRE(writer.article("article-7")->title == "Title 7");
        REQUIRE(writer.remove("article-7"));
        REQUIRE_FALSE(writer.remove("article-7"));
        REQUIRE_FALSE(writer.contains("article-7"));
        writer.set_metadata("app.note", "kept");
        writer.commit();
        REQUIRE(writer.stats().added == 30);
        REQUIRE(writer.stats().unchanged == 30);
        REQUIRE(writer.stats().removed == 1);
        REQUIRE(writer.pending() == 0);
    }
    // Reopened without --shards: the layout on disk decides.
    libsearch::IndexWriter again({.path = db});
    REQUIRE(again.size() == 29);
    REQUIRE(again.metadata("app.note") == "kept");
    REQUIRE(again.metadata_keys("app.") == std::vector<std::string>{"app.note"});
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        libsearch::Searcher shard(db + "/shard-" + std::to_string(i));
        total += shard.size();
        libsearch::SearchRequest all;
        all.limit = 100;
        for (const auto& hit : shard.search(all).hits) REQUIRE(shard_of(hit.id, 3) == i);
    }
    REQUIRE(total == 29);
    REQUIRE(libsearch::Searcher(db).search({.query = "grain", .limit = 100}).hits.size() == 29);
}
