#include <catch2/catch.hpp>
#include <libsearch/ingester.hpp>
#include <libsearch/searcher.hpp>

#include <sys/stat.h>
#include <utime.h>

#include <filesystem>
#include <fstream>

#include "temp_dir.hpp"

using namespace testsupport;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

const std::string kUndatedPage =
    "News : Culture\n\nLibrary reopens after restoration\n\nThe city library reopened on Monday after three years "
    "of restoration work, officials said.\n\nVisitors queued from early morning to see the restored reading room.\n";

}  // namespace

TEST_CASE("list_input_files walks folders, sorted, passing over what is not archive content", "[ingest][ingester]") {
    TempDir dir;
    write(dir.path() / "b/2.txt", "x");
    write(dir.path() / "a/1.html", "x");
    write(dir.path() / "a/README.md", "x");
    write(dir.path() / "a/SHA256SUMS", "x");
    write(dir.path() / "a/tool.py", "x");
    write(dir.path() / ".git/config", "x");
    auto files = libsearch::list_input_files({dir.path().string(), (dir.path() / "a/1.html").string(), "-",
                                              (dir.path() / "missing").string()});
    CHECK(files.files == std::vector<std::string>{(dir.path() / "a/1.html").string(),
                                                  (dir.path() / "b/2.txt").string(), "-"});
    REQUIRE(files.skipped.size() == 1);
    CHECK(files.skipped[0].reason == "no such file or folder");
    // Named explicitly, any file is read.
    CHECK(libsearch::list_input_files({(dir.path() / "a/README.md").string()}).files.size() == 1);
}

TEST_CASE("the ingester never invents a date, unless asked to use the file's", "[ingest][ingester]") {
    TempDir dir;
    write(dir.path() / "in/page.txt", kUndatedPage);
    struct utimbuf times{};
    times.actime = times.modtime = 1371600000;  // 2013-06-19 UTC
    utime((dir.path() / "in/page.txt").c_str(), &times);
    {
        libsearch::IndexWriter writer({.path = dir / "plain"});
        libsearch::Ingester(&writer, {}).run({(dir.path() / "in").string()});
    }
    libsearch::Searcher plain(dir / "plain");
    auto hit = plain.search({.query = "library"}).hits.at(0);
    CHECK_FALSE(hit.date);

    {
        libsearch::IndexWriter writer({.path = dir / "mtime"});
        libsearch::Ingester(&writer, {.date_from_mtime = true}).run({(dir.path() / "in").string()});
    }
    libsearch::Searcher dated(dir / "mtime");
    const auto article = dated.article(dated.search({.query = "library"}).hits.at(0).id);
    REQUIRE(article->date);
    CHECK(article->date->year == 2013);
    CHECK(article->date_source == libsearch::DateSource::file);
}

TEST_CASE("a stop request ends the run early and is reported", "[ingest][ingester]") {
    TempDir dir;
    write(dir.path() / "in/page.txt", kUndatedPage);
    std::atomic<bool> stop{true};
    libsearch::IndexWriter writer({.path = dir / "db"});
    auto report = libsearch::Ingester(&writer, {.stop = &stop}).run({(dir.path() / "in").string()});
    CHECK(report.interrupted);
    CHECK_FALSE(report.complete());
    CHECK(report.articles_read == 0);
}

TEST_CASE("forced runs re-read unchanged files; a touched file is not re-parsed", "[ingest][ingester]") {
    TempDir dir;
    write(dir.path() / "in/page.txt", kUndatedPage);
    libsearch::IndexWriter writer({.path = dir / "db"});
    const std::vector<std::string> paths{(dir.path() / "in").string()};
    CHECK(libsearch::Ingester(&writer, {}).run(paths).files_read == 1);
    CHECK(libsearch::Ingester(&writer, {}).run(paths).files_unchanged == 1);
    auto forced = libsearch::Ingester(&writer, {.force = true}).run(paths);
    CHECK(forced.files_read == 1);
    CHECK(forced.articles_unchanged == 1);
    // Same bytes, new modification time: recognised by its hash.
    struct utimbuf times{};
    times.actime = times.modtime = 1400000000;
    utime((dir.path() / "in/page.txt").c_str(), &times);
    auto touched = libsearch::Ingester(&writer, {}).run(paths);
    CHECK(touched.files_unchanged == 1);
    CHECK(touched.files_read == 0);
    CHECK(libsearch::Ingester(&writer, {}).run(paths).files_unchanged == 1);
}

TEST_CASE("a merged duplicate keeps what either copy knew", "[ingest][ingester]") {
    TempDir dir;
    // The same text: once undated without a URL, once in an HTML page with both.
    write(dir.path() / "in/a.txt", kUndatedPage);
    write(dir.path() / "in/b.jsonl",
          R"({"text": "Library reopens after restoration\n\nThe city library reopened on Monday after three years )"
          R"(of restoration work, officials said.\n\nVisitors queued from early morning to see the restored )"
          R"(reading room.", "url": "https://city.example.org/library", "timestamp": "2014-03-02T10:00:00Z"})"
          "\n");
    libsearch::IndexWriter writer({.path = dir / "db"});
    auto report = libsearch::Ingester(&writer, {}).run({(dir.path() / "in").string()});
    INFO("skipped: " << report.skipped.size());
    CHECK(report.duplicates_merged == 1);
    CHECK(writer.size() == 1);
    writer.commit();
    libsearch::Searcher searcher(dir / "db");
    const auto merged = searcher.article(searcher.search({.query = "library"}).hits.at(0).id);
    CHECK(merged->source == (dir.path() / "in/a.txt").string());
    CHECK(merged->url == "https://city.example.org/library");
    CHECK(merged->date == libsearch::Date::make(2014, 3, 2));
    CHECK(merged->date_source == libsearch::DateSource::crawl);
    CHECK(merged->categories == std::vector<std::string>{"Culture"});
}
