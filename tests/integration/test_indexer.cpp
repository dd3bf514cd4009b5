// The indexer program, run as a user runs it, on files in a temporary folder.
#include <catch2/catch.hpp>
#include <libsearch/libsearch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "gzip.hpp"
#include "run_process.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

using namespace testsupport;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

void write(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::string jsonl_record(const std::string& id, const std::string& title, const std::string& body,
                         const std::string& category, const std::string& date) {
    return json{{"id", id}, {"url", "https://news.example.org/" + id}, {"title", title}, {"body", body},
                {"category", category}, {"date", date}, {"author", "Staff"}, {"lang", "en"}}
        .dump();
}

ProcessResult indexer(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), INDEXER_PATH);
    return run_process(args, input);
}

json report_of(const ProcessResult& r) {
    INFO(r.out << r.err);
    auto j = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

std::vector<std::string> search(const std::string& db, const std::string& query) {
    libsearch::Searcher searcher(db);
    std::vector<std::string> ids;
    for (const auto& hit : searcher.search({.query = query, .limit = 100}).hits) ids.push_back(hit.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

const std::string kTextPage =
    "News : Human rights\n\n"
    "Court hands activists long sentences\n\n"
    "A court sentenced four activists to long prison terms on Monday, their lawyers said.\n\n"
    "The lawyers said they would appeal against the verdict in the coming weeks.\n\n\n"
    "Most Read\n\n"
    "Oil minister resigns after...\n\n"
    "Talks stall over sanctions...\n";

}  // namespace

TEST_CASE("indexer indexes a folder of mixed formats, then reruns incrementally", "[indexer][integration]") {
    TempDir dir;
    const fs::path in = dir.path() / "archive";
    write(in / "feed.jsonl", jsonl_record("a1", "Camp Liberty residents appeal", "Residents appealed to the UN.",
                                          "Iranian opposition", "2013-02-15") + "\n" +
                                 jsonl_record("a2", "Oil prices rise", "Crude rose on supply fears.", "Economy",
                                              "2014-06-01") + "\n");
    write(in / "more/old.jsonl.gz", gzip(jsonl_record("a3", "Nuclear talks resume", "Negotiators met in Geneva.",
                                                      "Nuclear", "2012-11-24") + "\n"));
    write(in / "pages/court.txt", kTextPage);
    write(in / "README.md", "# About this archive\n\nNotes for people, not an article.\n");
    write(in / "tools/make_feed.py", "print('generator, not an article')\n");
    write(in / ".hidden/ignored.jsonl", jsonl_record("h", "Hidden", "Never read.", "X", "2013-01-01") + "\n");
    const std::string db = dir / "db";

    auto first = indexer({"--db", db, "--json", in.string()});
    INFO(first.err);
    CHECK(first.status == 0);
    auto report = report_of(first);
    CHECK(report["files"]["seen"] == 3);
    CHECK(report["files"]["read"] == 3);
    CHECK(report["articles"]["added"] == 4);
    CHECK(report["skipped"].empty());
    CHECK(search(db, "liberty") == std::vector<std::string>{"a1"});
    CHECK(search(db, "negotiators") == std::vector<std::string>{"a3"});
    CHECK(search(db, "activists").size() == 1);
    CHECK(search(db, "hidden").empty());
    CHECK(search(db, "\"Oil minister\"").empty());  // furniture of the text page

    SECTION("a rerun on unchanged inputs reads nothing") {
        auto again = report_of(indexer({"--db", db, "--json", in.string()}));
        CHECK(again["files"]["unchanged"] == 3);
        CHECK(again["files"]["read"] == 0);
        CHECK(again["articles"]["added"] == 0);
    }
    SECTION("a changed file replaces its articles and drops the ones it lost") {
        write(in / "feed.jsonl", jsonl_record("a1", "Camp Liberty residents appeal again", "Residents appealed.",
                                              "Iranian opposition", "2013-02-15") + "\n");
        auto changed = report_of(indexer({"--db", db, "--json", in.string()}));
        CHECK(changed["files"]["read"] == 1);
        CHECK(changed["articles"]["updated"] == 1);
        CHECK(changed["articles"]["removed"] == 1);
        CHECK(search(db, "crude").empty());
        CHECK(libsearch::Searcher(db).article("a1")->title == "Camp Liberty residents appeal again");
    }
    SECTION("--prune removes the articles of deleted files, and only with --prune") {
        fs::remove(in / "more/old.jsonl.gz");
        auto without = report_of(indexer({"--db", db, "--json", in.string()}));
        CHECK(without["files"]["pruned"] == 0);
        CHECK(search(db, "negotiators") == std::vector<std::string>{"a3"});
        auto pruned = report_of(indexer({"--db", db, "--json", "--prune", in.string()}));
        CHECK(pruned["files"]["pruned"] == 1);
        CHECK(pruned["articles"]["removed"] == 1);
        CHECK(search(db, "negotiators").empty());
        CHECK(libsearch::Searcher(db).size() == 3);
    }
    SECTION("--prune leaves files outside the given paths alone") {
        write(dir.path() / "other/x.jsonl", jsonl_record("x1", "Other", "Elsewhere text.", "Y", "2013-01-01") + "\n");
        indexer({"--db", db, (dir.path() / "other").string()});
        fs::remove(in / "feed.jsonl");
        auto pruned = report_of(indexer({"--db", db, "--json", "--prune", (dir.path() / "other").string()}));
        CHECK(pruned["files"]["pruned"] == 0);
        CHECK(search(db, "liberty") == std::vector<std::string>{"a1"});
    }
}

TEST_CASE("bad inputs are reported with file, line and reason; good ones still go in", "[indexer][integration]") {
    TempDir dir;
    const fs::path in = dir.path() / "in";
    write(in / "good.jsonl", jsonl_record("g1", "Good article", "Fine text here.", "News", "2013-05-05") + "\n" +
                                 "{not json\n" + "[1, 2]\n" +
                                 jsonl_record("g2", "Second good", "More text.", "News", "2013-05-06") + "\n");
    write(in / "empty.txt", "");
    write(in / "binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02\x03", 10) + std::string(500, '\0'));
    write(in / "truncated.jsonl.gz", gzip(jsonl_record("t1", "T", "Body.", "X", "2013-01-01")).substr(0, 20));
    write(in / "latin1.txt", "News : Culture\n\nCaf\xe9 society returns\n\nThe caf\xe9s of the city reopened after "
                             "the long winter, owners said.\n\nCustomers returned in large numbers.\n");
    write(in / "big.jsonl", std::string(2 * 1024 * 1024, ' ') + "\n");
    write(in / "nobody.html", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>");
    const std::string db = dir / "db";

    auto result = indexer({"--db", db, "--json", "--max-size", "1", in.string()});
    CHECK(result.status == 1);
    auto report = report_of(result);
    std::map<std::string, std::string> reasons;
    for (const auto& s : report["skipped"]) {
        std::string where = fs::path(s["source"].get<std::string>()).filename().string();
        if (s.contains("line")) where += ":" + std::to_string(s["line"].get<int>());
        reasons[where] = s["reason"];
    }
    INFO(report.dump(2));
    CHECK_THAT(reasons.at("good.jsonl:2"), Catch::Contains("JSON"));
    CHECK(reasons.count("good.jsonl:3"));
    CHECK_THAT(reasons.at("empty.txt"), Catch::Contains("empty"));
    CHECK_THAT(reasons.at("binary.txt"), Catch::Contains("binary"));
    CHECK_THAT(reasons.at("truncated.jsonl.gz"), Catch::Contains("truncated"));
    CHECK_THAT(reasons.at("big.jsonl"), Catch::Contains("limit"));
    CHECK(reasons.count("nobody.html"));
    CHECK(search(db, "good") == std::vector<std::string>{"g1", "g2"});
    // Latin-1 text is converted, not lost.
    CHECK(search(db, "café").size() == 1);
}

TEST_CASE("the same article in two files is indexed once with both URLs", "[indexer][integration]") {
    TempDir dir;
    const std::string body = "<p>Negotiators met in Geneva on Sunday to discuss the nuclear programme, "
                             "officials said, and agreed to meet again next month.</p>";
    auto page = [&](const std::string& url) {
        return "<html><head><title>Talks in Geneva</title><link rel=canonical href=\"" + url +
               "\"></head><body><article><h1>Talks in Geneva</h1>" + body + "</article></body></html>";
    };
    write(dir.path() / "in/a.html", page("https://one.example.com/geneva"));
    write(dir.path() / "in/b.html", page("https://two.example.net/geneva-talks"));
    const std::string db = dir / "db";
    auto report = report_of(indexer({"--db", db, "--json", (dir.path() / "in").string()}));
    CHECK(report["articles"]["read"] == 2);
    CHECK(report["articles"]["added"] == 1);
    CHECK(report["articles"]["duplicates_merged"] == 1);
    libsearch::Searcher searcher(db);
    REQUIRE(searcher.size() == 1);
    auto ids = search(db, "geneva");
    REQUIRE(ids.size() == 1);
    auto stored = searcher.article(ids[0]);
    CHECK(stored->url == "https://one.example.com/geneva");
    CHECK(stored->other_urls == std::vector<std::string>{"https://two.example.net/geneva-talks"});
    CHECK(search(db, "site:two.example.net") == ids);
}

TEST_CASE("indexer extract prints articles as JSON Lines and writes no index", "[indexer][integration]") {
    TempDir dir;
    write(dir.path() / "feed.jsonl",
          jsonl_record("e1", "Extracted", "Body text.", "News", "2013-05-05") + "\n");
    auto result = indexer({"extract", (dir.path() / "feed.jsonl").string()});
    CHECK(result.status == 0);
    auto article = json::parse(result.out.substr(0, result.out.find('\n')));
    CHECK(article["id"] == "e1");
    CHECK(article["title"] == "Extracted");
    CHECK(article["categories"] == json::array({"News"}));
    CHECK(article["date"] == "2013-05-05");
    for (const char* field : {"url", "body", "author", "language", "source"}) CHECK(article.contains(field));

    auto from_stdin = indexer({"extract", "--format", "text", "-"}, kTextPage);
    CHECK(from_stdin.status == 0);
    auto page_article = json::parse(from_stdin.out.substr(0, from_stdin.out.find('\n')));
    CHECK(page_article["title"] == "Court hands activists long sentences");
    CHECK(page_article["date"].is_null());
    CHECK(page_article["categories"] == json::array({"Human rights"}));
}

TEST_CASE("indexer reads standard input and supports dry runs", "[indexer][integration]") {
    TempDir dir;
    const std::string db = dir / "db";
    auto dry = indexer({"--db", db, "--dry-run", "--json", "-"},
                       jsonl_record("s1", "From stdin", "Piped text.", "News", "2013-05-05") + "\n");
    CHECK(dry.status == 0);
    CHECK(report_of(dry)["articles"]["read"] == 1);
    CHECK_FALSE(fs::exists(db));
    auto real = indexer({"--db", db, "--format", "jsonl", "-"},
                        jsonl_record("s1", "From stdin", "Piped text.", "News", "2013-05-05") + "\n");
    CHECK(real.status == 0);
    CHECK_THAT(real.out, Catch::Contains("1 added"));
    CHECK(search(db, "piped") == std::vector<std::string>{"s1"});
}

TEST_CASE("indexer usage and index errors have their exit codes", "[indexer][integration][errors]") {
    TempDir dir;
    write(dir.path() / "feed.jsonl", jsonl_record("u1", "T", "B.", "C", "2013-01-01") + "\n");
    const std::string feed = dir / "feed.jsonl";

    auto no_db = indexer({feed});
    CHECK(no_db.status == 2);
    CHECK_THAT(no_db.err, Catch::Contains("--db"));
    auto bad_format = indexer({"--db", dir / "db", "--format", "pdf", feed});
    CHECK(bad_format.status == 2);
    CHECK_THAT(bad_format.err, Catch::Contains("unknown format 'pdf'"));
    CHECK(indexer({"--db", dir / "db", "--no-such-flag", feed}).status == 2);
    CHECK(indexer({"--help"}).status == 0);

    auto missing = indexer({"--db", dir / "db", (dir.path() / "nope").string()});
    CHECK(missing.status == 1);
    CHECK_THAT(missing.out, Catch::Contains("no such file or folder"));

    {
        libsearch::IndexWriter holder({.path = dir / "locked"});
        auto locked = indexer({"--db", dir / "locked", feed});
        CHECK(locked.status == 3);
        CHECK_THAT(locked.err, Catch::Contains("locked by another writer"));
    }
    CHECK(indexer({"--db", dir / "locked", feed}).status == 0);
}

TEST_CASE("all of Reuters-21578 goes in through the indexer", "[indexer][integration][reuters]") {
    auto reuters = shared_path("data/reuters21578");
    if (!reuters) return;
    TempDir dir;
    const std::string db = dir / "db";
    std::vector<std::string> args{"--db", db, "--json", "--jobs", "2"};
    for (const auto& entry : fs::directory_iterator(*reuters))
        if (entry.path().extension() == ".sgm") args.push_back(entry.path().string());
    REQUIRE(args.size() == 5 + 22);
    auto result = indexer(args);
    auto report = report_of(result);
    CHECK(report["articles"]["added"] == 21578);
    // NEWID 17192's date cannot be read: a warning, and the article is kept, so all went in.
    CHECK(report["skipped"].empty());
    CHECK(report["complete"] == true);
    REQUIRE(report["warnings"].size() == 1);
    CHECK_THAT(report["warnings"][0]["reason"].get<std::string>(), Catch::Contains("NEWID 17192"));
    libsearch::Searcher searcher(db);
    CHECK(searcher.size() == 21578);
    auto r = searcher.search({.query = "category:acq", .exact = true});
    CHECK(r.total.estimated > 2000);
    auto rerun = report_of(indexer(args));
    CHECK(rerun["files"]["read"] == 0);
    CHECK(rerun["files"]["unchanged"] == 22);
}

TEST_CASE("a file that goes bad keeps its articles and is reported on every run", "[indexer][integration]") {
    TempDir dir;
    const fs::path in = dir.path() / "in";
    const std::string feed = jsonl_record("k1", "Kept article", "Body that must survive.", "News", "2013-01-01") + "\n";
    write(in / "feed.jsonl.gz", gzip(feed));
    const std::string db = dir / "db";
    CHECK(report_of(indexer({"--db", db, "--json", in.string()}))["articles"]["added"] == 1);

    write(in / "feed.jsonl.gz", gzip(feed).substr(0, 15));  // truncated by a failed copy
    for (int run = 0; run < 2; ++run) {
        auto result = indexer({"--db", db, "--json", in.string()});
        CHECK(result.status == 1);
        auto report = report_of(result);
        CHECK(report["files"]["skipped"] == 1);
        CHECK(report["articles"]["removed"] == 0);
        REQUIRE(report["skipped"].size() == 1);
        CHECK_THAT(report["skipped"][0]["reason"].get<std::string>(), Catch::Contains("truncated"));
        CHECK(search(db, "survive") == std::vector<std::string>{"k1"});
    }
    write(in / "feed.jsonl.gz", gzip(feed));  // mended
    auto mended = report_of(indexer({"--db", db, "--json", in.string()}));
    CHECK(mended["skipped"].empty());
    CHECK(mended["files"]["unchanged"] == 1);  // the same bytes as when it was indexed
}
