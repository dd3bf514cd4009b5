#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <xapian.h>

#include <libsearch/schema.hpp>

#include "index/id_table.hpp"

#include "test_index.hpp"

using namespace testsupport;
using libsearch::AddOutcome;
using libsearch::IndexOptions;
using libsearch::IndexWriter;

TEST_CASE("an added article is found and stored whole", "[index]") {
    TempDir dir;
    libsearch::Article a = article("id-1", "Camp Liberty", "Residents of the camp.", {"Iranian opposition", "Iraq"},
                                   day(2013, 2, 15));
    a.url = "https://www.ncr-iran.org/en/news/camp-liberty";
    a.author = "David Kilgour";
    a.language = "English";
    a.source = "seed.txt";
    a.date_source = libsearch::DateSource::crawl;
    a.places = {"iraq", "iran"};
    a.other_urls = {"https://reprints.example.net/liberty", a.url, "https://reprints.example.net/liberty"};
    {
        IndexWriter writer({.path = dir / "db"});
        CHECK(writer.add(a) == AddOutcome::added);
        CHECK(writer.pending() == 1);
        writer.commit();
        CHECK(writer.pending() == 0);
    }
    libsearch::Searcher searcher(dir / "db");
    CHECK(searcher.size() == 1);
    auto stored = searcher.article("id-1");
    REQUIRE(stored);
    CHECK(stored->title == a.title);
    CHECK(stored->body == a.body);
    CHECK(stored->categories == a.categories);
    CHECK(stored->date == a.date);
    CHECK(stored->date_source == libsearch::DateSource::crawl);
    CHECK(stored->places == a.places);
    // Repeats and the primary url are dropped; each url's site is searchable.
    CHECK(stored->other_urls == std::vector<std::string>{"https://reprints.example.net/liberty"});
    CHECK(searcher.search({.query = "site:reprints.example.net"}).hits.size() == 1);
    CHECK(searcher.search({.query = "place:IRAQ"}).hits.size() == 1);
    CHECK(searcher.search({.query = "place:usa"}).hits.empty());
    CHECK(stored->author == a.author);
    CHECK(stored->url == a.url);
    CHECK(stored->source == a.source);
    CHECK(stored->language == "en");  // resolved to its code
    CHECK_FALSE(searcher.article("nope"));
    CHECK_FALSE(searcher.last_commit().empty());
}

TEST_CASE("a date without a stated source counts as the article's own; no date, no source", "[index]") {
    TempDir dir;
    {
        IndexWriter writer({.path = dir / "db"});
        writer.add(article("dated", "t", "b", {}, day(2013, 1, 1)));
        auto undated = article("undated", "t", "b");
        undated.date_source = libsearch::DateSource::crawl;  // contradicts the missing date
        writer.add(undated);
    }
    libsearch::Searcher searcher(dir / "db");
    CHECK(searcher.article("dated")->date_source == libsearch::DateSource::article);
    CHECK(searcher.article("undated")->date_source == libsearch::DateSource::none);
    CHECK_FALSE(searcher.article("undated")->date);
}

TEST_CASE("re-adding an id replaces the article; identical re-adds write nothing", "[index]") {
    TempDir dir;
    IndexWriter writer({.path = dir / "db"});
    CHECK(writer.add(article("x", "First title", "alpha")) == AddOutcome::added);
    CHECK(writer.add(article("x", "First title", "alpha")) == AddOutcome::unchanged);
    CHECK(writer.add(article("x", "Second title", "beta")) == AddOutcome::replaced);
    writer.commit();
    CHECK(writer.size() == 1);
    CHECK(writer.stats().added == 1);
    CHECK(writer.stats().unchanged == 1);
    CHECK(writer.stats().replaced == 1);

    libsearch::Searcher searcher(dir / "db");
    CHECK(ids(searcher.search({.query = "beta"})) == std::vector<std::string>{"x"});
    CHECK(searcher.search({.query = "alpha"}).hits.empty());
    CHECK(searcher.search({.query = "title"}).total.estimated == 1);
}

TEST_CASE("remove deletes by id", "[index]") {
    TempDir dir;
    IndexWriter writer({.path = dir / "db"});
    writer.add(article("a", "One", "text"));
    writer.add(article("b", "Two", "text"));
    CHECK(writer.contains("a"));
    CHECK(writer.remove("a"));
    CHECK_FALSE(writer.remove("a"));
    CHECK_FALSE(writer.contains("a"));
    writer.commit();
    libsearch::Searcher searcher(dir / "db");
    CHECK(ids(searcher.search({.query = "text"})) == std::vector<std::string>{"b"});
}

TEST_CASE("batches commit by themselves and readers see them after reopen", "[index]") {
    TempDir dir;
    IndexWriter writer({.path = dir / "db", .batch_size = 3});
    writer.add(article("1", "t", "word"));
    libsearch::Searcher searcher(dir / "db");
    CHECK(searcher.size() == 0);
    writer.add(article("2", "t", "word"));
    writer.add(article("3", "t", "word"));  // third change: automatic commit
    CHECK(writer.pending() == 0);
    CHECK(writer.stats().commits == 1);
    CHECK(searcher.size() == 0);  // still the old view
    CHECK(searcher.reopen());
    CHECK(searcher.size() == 3);
    writer.add(article("4", "t", "word"));
    CHECK(writer.pending() == 1);
}

TEST_CASE("a writer's destructor commits what is pending", "[index]") {
    TempDir dir;
    { IndexWriter({.path = dir / "db", .batch_size = 0}).add(article("1", "t", "word")); }
    CHECK(libsearch::Searcher(dir / "db").size() == 1);
}

TEST_CASE("the default language is stored in the index and kept", "[index][analysis]") {
    TempDir dir;
    { IndexWriter({.path = dir / "db", .default_language = "french"}).add(article("1", "Les élections", "Élections")); }
    {
        // Reopening with another default does not change the index's language.
        IndexWriter writer({.path = dir / "db", .default_language = "german"});
        writer.add(article("2", "Les chevaux", "Des chevaux"));
    }
    libsearch::Searcher searcher(dir / "db");
    CHECK(searcher.default_language() == "fr");
    CHECK(searcher.article("2")->language == "fr");
    // French stemming joins élection / élections.
    CHECK(searcher.search({.query = "élection"}).hits.size() == 1);
}

TEST_CASE("article ids are validated", "[index][errors]") {
    TempDir dir;
    IndexWriter writer({.path = dir / "db"});
    CHECK_THROWS_AS(writer.add(article("", "t", "b")), libsearch::InvalidArgument);
    CHECK_THROWS_WITH(writer.add(article(std::string(201, 'x'), "t", "b")), Catch::Contains("at most 200"));
    CHECK(writer.add(article(std::string(200, 'x'), "t", "b")) == AddOutcome::added);
}

TEST_CASE("index errors are typed and say what happened", "[index][errors]") {
    TempDir dir;
    SECTION("a second writer gets IndexLocked") {
        IndexWriter first({.path = dir / "db"});
        try {
            IndexWriter second({.path = dir / "db"});
            FAIL("second writer opened");
        } catch (const libsearch::IndexLocked& e) {
            CHECK_THAT(e.what(), Catch::Contains("locked by another writer"));
            CHECK(e.path() == dir / "db");
        }
    }
    SECTION("opening a missing index") {
        CHECK_THROWS_AS(libsearch::Searcher(dir / "missing"), libsearch::IndexNotFound);
        CHECK_THROWS_AS(IndexWriter({.path = dir / "missing", .create = false}), libsearch::IndexNotFound);
        CHECK_THROWS_AS(IndexWriter({.path = ""}), libsearch::InvalidArgument);
        CHECK_THROWS_AS(libsearch::Searcher(""), libsearch::InvalidArgument);
    }
    SECTION("a damaged index") {
        { IndexWriter({.path = dir / "db"}).add(article("1", "t", "word")); }
        for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "db")) {
            if (entry.path().extension() == ".glass") std::filesystem::resize_file(entry.path(), 100);
        }
        CHECK_THROWS_AS(
            [&] {
                libsearch::Searcher searcher(dir / "db");
                searcher.search({.query = "word"});
            }(),
            libsearch::IndexCorrupt);
    }
    SECTION("a path that cannot be created") {
        std::filesystem::create_directories(dir.path() / "ro");
        std::filesystem::permissions(dir.path() / "ro", std::filesystem::perms::owner_read |
                                                             std::filesystem::perms::owner_exec);
        if (geteuid() == 0) {
            // root ignores permissions; a path under a regular file fails for everyone.
            { std::ofstream(dir.path() / "file") << "x"; }
            CHECK_THROWS_AS(IndexWriter({.path = dir / "file/db"}), libsearch::IndexNotWritable);
        } else {
            CHECK_THROWS_AS(IndexWriter({.path = dir / "ro/db"}), libsearch::IndexNotWritable);
        }
        std::filesystem::permissions(dir.path() / "ro", std::filesystem::perms::owner_all);
    }
    SECTION("every library error is a libsearch::Error") {
        CHECK_THROWS_AS(libsearch::Searcher(dir / "missing"), libsearch::Error);
    }
}

TEST_CASE("metadata is stored with the next commit and listed by prefix", "[index]") {
    TempDir dir;
    {
        IndexWriter writer({.path = dir / "db", .batch_size = 0});
        writer.set_metadata("app.file:/a", "1");
        writer.set_metadata("app.file:/b", "2");
        writer.set_metadata("app.other", "3");
        CHECK(writer.metadata("app.file:/a") == "1");
        CHECK(writer.metadata_keys("app.file:") == std::vector<std::string>{"app.file:/a", "app.file:/b"});
        writer.add(article("x", "Title", "Body"));
        CHECK(writer.article("x")->title == "Title");
        CHECK_FALSE(writer.article("y"));
        writer.set_metadata("app.file:/b", "");
        CHECK_THROWS_AS(writer.set_metadata("", "v"), libsearch::InvalidArgument);
    }
    IndexWriter reopened({.path = dir / "db"});
    CHECK(reopened.metadata_keys("app.") == std::vector<std::string>{"app.file:/a", "app.other"});
}

namespace {

// Ids and facts of a search, to compare two indexes that should be equal.
std::vector<std::string> ids_of(libsearch::Searcher& searcher, libsearch::SearchRequest request) {
    request.limit = 100;
    std::vector<std::string> ids;
    for (const auto& hit : searcher.search(request).hits) ids.push_back(hit.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<libsearch::Article> many_articles(int count) {
    std::vector<libsearch::Article> out;
    const std::vector<std::string> words{"oil", "camp", "talks", "bank", "rates", "grain", "gold", "trade"};
    for (int i = 0; i < count; ++i) {
        const std::string a = words[i % words.size()], b = words[(i / 8) % words.size()];
        out.push_back(article("n" + std::to_string(i), a + " report " + std::to_string(i),
                              "The " + a + " and " + b + " story number " + std::to_string(i) + ".",
                              {i % 3 ? "Economy" : "Politics"}, day(2010 + i % 5, 1 + i % 12, 1 + i % 28)));
    }
    return out;
}

}  // namespace

TEST_CASE("a new index written by parallel writers equals one written directly", "[index][parallel]") {
    // Segment size 0: one segment per writer; 40: each of the 3 writers
    // moves through about four segments, so articles are replaced, removed
    // and read in closed segments as well as in the open one; 5: about
    // eleven, sizes doubling after eight. Merging every 120 articles: the
    // same in lanes that follow four merges into the index.
    const auto [segment_size, merge_every] =
        GENERATE(table<std::size_t, std::size_t>({{0, 0}, {40, 0}, {5, 0}, {40, 120}}));
    CAPTURE(segment_size, merge_every);
    TempDir dir;
    const auto articles = many_articles(500);
    {
        IndexWriter direct({.path = dir / "direct"});
        for (const auto& a : articles) direct.add(a);
        direct.add(article("n7", "replaced seven", "A new text for seven.", {"Politics"}));
        direct.add(article("n9", "nine at last", "Nine, final.", {"Politics"}));
        direct.remove("n8");
        direct.set_metadata("app.note", "kept");
    }
    {
        IndexWriter parallel({.path = dir / "parallel",
                              .batch_size = 50,
                              .writers = 3,
                              .segment_size = segment_size,
                              .merge_every = merge_every});
        for (const auto& a : articles) CHECK(parallel.add(a) == AddOutcome::added);
        // Until the merge the writer still answers for what it was given.
        CHECK(parallel.size() == 500);
        CHECK(parallel.contains("n499"));
        CHECK(parallel.add(articles[5]) == AddOutcome::unchanged);
        CHECK(parallel.add(article("n7", "replaced seven", "A new text for seven.", {"Politics"})) ==
              AddOutcome::replaced);
        CHECK(parallel.remove("n8"));
        CHECK_FALSE(parallel.remove("n8"));
        CHECK_FALSE(parallel.contains("n8"));
        auto stored = parallel.article("n7");
        REQUIRE(stored);
        CHECK(stored->title == "replaced seven");
        const auto early = parallel.article("n3"), late = parallel.article("n498");
        REQUIRE(early);
        REQUIRE(late);
        CHECK(early->title == articles[3].title);
        CHECK(late->title == articles[498].title);
        // Replaced twice: the second time in the segment the first put it in.
        CHECK(parallel.add(article("n9", "nine again", "Nine.", {"Politics"})) == AddOutcome::replaced);
        CHECK(parallel.add(article("n9", "nine at last", "Nine, final.", {"Politics"})) == AddOutcome::replaced);
        CHECK(parallel.article("n9")->title == "nine at last");
        CHECK_FALSE(parallel.article("missing"));
        parallel.set_metadata("app.note", "kept");
        // Nothing is visible before a merge.
        CHECK(libsearch::Searcher(dir / "parallel").size() == (merge_every ? 480 : 0));
        parallel.commit();
        CHECK(libsearch::Searcher(dir / "parallel").size() == 499);
        // After the merge the writer writes the index directly.
        CHECK(parallel.add(article("late", "late oil story", "Oil again.", {"Economy"})) == AddOutcome::added);
        CHECK(parallel.contains("late"));
        CHECK(parallel.remove("late"));
        CHECK(parallel.metadata("app.note") == "kept");
    }
    CHECK_FALSE(std::filesystem::exists(dir / "parallel/.lanes"));
    CHECK_FALSE(std::filesystem::exists(dir / "parallel.merging"));
    libsearch::Searcher direct(dir / "direct"), parallel(dir / "parallel");
    CHECK(parallel.size() == direct.size());
    for (const std::string q :
         {"oil", "camp talks", "\"bank and gold\"", "replaced", "story -grain", "gold seven", "nine", "again"}) {
        CAPTURE(q);
        libsearch::SearchRequest request{.query = q, .exact = true};
        const auto a = direct.search(request), b = parallel.search(request);
        // Documents are numbered differently, so only whole match sets compare.
        if (a.total.estimated <= 100) CHECK(ids_of(parallel, request) == ids_of(direct, request));
        CHECK(a.total.estimated == b.total.estimated);
        CHECK(a.facets.category == b.facets.category);
        CHECK(a.facets.month == b.facets.month);
    }
    // Spelling data is merged too.
    CHECK(parallel.search({.query = "trdae"}).suggestion == direct.search({.query = "trdae"}).suggestion);
    CHECK(parallel.search({.query = "trdae"}).suggestion == "trade");
}

TEST_CASE("a parallel build commits metadata only with the articles of the same merge", "[index][parallel]") {
    TempDir dir;
    const std::string path = dir / "db";
    const auto articles = many_articles(230);
    IndexWriter writer({.path = path, .writers = 2, .merge_every = 100});
    const auto committed = [&](const std::string& key) { return Xapian::Database(path).get_metadata(key); };
    for (std::size_t i = 0; i < 50; ++i) writer.add(articles[i]);
    writer.set_metadata("state.first", "50");
    CHECK(committed("state.first").empty());
    CHECK(writer.metadata("state.first") == "50");
    for (std::size_t i = 50; i < 100; ++i) writer.add(articles[i]);  // the 100th merges
    CHECK(Xapian::Database(path).get_doccount() == 100);
    CHECK(committed("state.first") == "50");
    writer.set_metadata("state.second", "130");
    writer.set_metadata("state.first", "");
    for (std::size_t i = 100; i < 130; ++i) writer.add(articles[i]);
    // Held back until the articles it describes are merged.
    CHECK(committed("state.second").empty());
    CHECK(committed("state.first") == "50");
    CHECK(writer.metadata("state.second") == "130");
    CHECK(writer.metadata("state.first").empty());
    CHECK(writer.metadata_keys("state.") == std::vector<std::string>{"state.second"});
    CHECK(writer.size() == 130);
    writer.commit();
    CHECK(Xapian::Database(path).get_doccount() == 130);
    CHECK(committed("state.second") == "130");
    CHECK(committed("state.first").empty());
    CHECK_FALSE(std::filesystem::exists(path + "/.lanes"));
}

TEST_CASE("parallel writers are used only for a new index", "[index][parallel]") {
    TempDir dir;
    { IndexWriter({.path = dir / "db"}).add(article("first", "First", "Body.")); }
    IndexWriter writer({.path = dir / "db", .writers = 4});
    writer.add(article("second", "Second", "Body."));
    CHECK_FALSE(std::filesystem::exists(dir / "db/.lanes"));
    CHECK(writer.size() == 2);
}

TEST_CASE("what an interrupted parallel build leaves behind is cleaned up", "[index][parallel]") {
    TempDir dir;
    const std::string path = dir / "db";
    { IndexWriter({.path = path}).add(article("kept", "Kept", "Body.")); }
    // A run killed during its merge, between the two renames.
    std::filesystem::rename(path, path + ".previous");
    std::filesystem::create_directories(path + ".merging");
    {
        IndexWriter writer({.path = path, .writers = 2});
        CHECK(writer.contains("kept"));
        CHECK_FALSE(std::filesystem::exists(path + ".merging"));
    }
    // A run killed while its lanes were writing: the index opens as it was.
    std::filesystem::create_directories(path + "/.lanes/lane-0");
    libsearch::Searcher searcher(path);
    CHECK(searcher.size() == 1);
    IndexWriter writer({.path = path, .writers = 2});
    CHECK_FALSE(std::filesystem::exists(path + "/.lanes"));
}

TEST_CASE("an index made under another schema is refused with a way out", "[index][errors]") {
    TempDir dir;
    const std::string path = dir / "db";
    { IndexWriter({.path = path}).add(article("a", "Title", "Body.")); }
    {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        db.set_metadata(libsearch::schema::meta_schema, "1");
        db.commit();
    }
    auto refused = [&](auto open) {
        try {
            open();
        } catch (const libsearch::IndexCorrupt& e) {
            return std::string(e.what()).find("schema 1") != std::string::npos &&
                   std::string(e.what()).find("rebuild") != std::string::npos;
        }
        return false;
    };
    CHECK(refused([&] { libsearch::Searcher searcher(path); }));
    CHECK(refused([&] { IndexWriter writer({.path = path}); }));
}

TEST_CASE("the id table of a bulk build finds, replaces and forgets ids", "[index][parallel]") {
    libsearch::index::IdTable table;
    for (int i = 0; i < 50'000; ++i) REQUIRE(table.insert("id-" + std::to_string(i), static_cast<std::uint64_t>(i)));
    CHECK(table.size() == 50'000);
    CHECK_FALSE(table.insert("id-7", 99));
    REQUIRE(table.find("id-7"));
    CHECK(*table.find("id-7") == 7);
    CHECK_FALSE(table.find("id-50000"));
    CHECK_FALSE(table.find(""));
    for (int i = 0; i < 50'000; i += 2) REQUIRE(table.erase("id-" + std::to_string(i)));
    CHECK_FALSE(table.erase("id-0"));
    CHECK(table.size() == 25'000);
    CHECK_FALSE(table.find("id-10"));
    REQUIRE(table.find("id-11"));
    CHECK(*table.find("id-11") == 11);
    CHECK(table.insert("id-10", 1));  // an erased id comes back
    CHECK(*table.find("id-10") == 1);
}
