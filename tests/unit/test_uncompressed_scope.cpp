// Records and term lists are stored uncompressed (index/uncompressed_scope):
// zlib streams set up inside a scope store, everything else in the process
// compresses as before, and indexes written compressed (by earlier versions)
// are still read and updated.
#include <catch2/catch.hpp>

#include <xapian.h>
#include <zlib.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "index/uncompressed_scope.hpp"
#include "test_index.hpp"

using namespace testsupport;
using libsearch::IndexOptions;
using libsearch::IndexWriter;
using libsearch::index::UncompressedScope;

namespace {

// Text zlib shrinks to a few percent.
std::string repetitive_text(std::size_t bytes, const std::string& seed = "") {
    std::string text;
    while (text.size() < bytes)
        text += "The buffer stock manager " + seed + " said cocoa prices would hold through the spring. ";
    return text;
}

// Deflates `input` as Xapian does (raw deflate, default level and strategy)
// into ample room: the output's length, which is the input's or more when
// the stream only stores.
std::size_t deflated_size(const std::string& input) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, input.size()) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = static_cast<uInt>(input.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    const std::size_t size = stream.total_out;
    deflateEnd(&stream);
    return size;
}

std::uintmax_t docdata_bytes(const std::string& index) {
    return std::filesystem::file_size(std::filesystem::path(index) / "docdata.glass");
}

std::vector<libsearch::Article> compressible_articles(int count) {
    std::vector<libsearch::Article> articles;
    for (int i = 0; i < count; ++i)
        articles.push_back(article("a" + std::to_string(i), "Cocoa talks " + std::to_string(i),
                                   repetitive_text(4000, std::to_string(i)), {"cocoa"}, day(1987, 3, 1 + i % 28)));
    return articles;
}

}  // namespace

TEST_CASE("a deflate stream set up inside a scope stores; outside, and on other threads, it compresses",
          "[index]") {
    const std::string text = repetitive_text(20'000);
    CHECK(deflated_size(text) < text.size() / 10);
    CHECK_FALSE(UncompressedScope::active());
    {
        const UncompressedScope outer;
        CHECK(deflated_size(text) >= text.size());
        {
            const UncompressedScope inner;
            CHECK(deflated_size(text) >= text.size());
        }
        CHECK(UncompressedScope::active());  // the outer one still holds
        std::size_t other_thread = 0;
        std::thread([&] { other_thread = deflated_size(text); }).join();
        CHECK(other_thread < text.size() / 10);
    }
    CHECK_FALSE(UncompressedScope::active());
    CHECK(deflated_size(text) < text.size() / 10);
}

TEST_CASE("IndexWriter stores records uncompressed, written in parallel lanes or not", "[index]") {
    const auto articles = compressible_articles(300);  // 1.2 MB of bodies that zlib shrinks 30-fold
    std::size_t body_bytes = 0;
    for (const auto& a : articles) body_bytes += a.body.size();
    for (const unsigned writers : {1u, 2u}) {
        DYNAMIC_SECTION("writers " << writers) {
            const TestIndex index(articles, IndexOptions{.writers = writers});
            CHECK(docdata_bytes(index.path()) >= body_bytes);
            auto searcher = index.searcher();
            CHECK(searcher.size() == articles.size());
            const auto stored = searcher.article("a123");
            REQUIRE(stored);
            CHECK(stored->body == articles[123].body);
            const auto found = searcher.search({.query = "\"buffer stock manager 77\""});
            REQUIRE(found.hits.size() == 1);
            CHECK(found.hits[0].id == "a77");
        }
    }
}

TEST_CASE("an index with compressed records, as earlier versions wrote, is read and updated", "[index]") {
    TempDir dir;
    const auto articles = compressible_articles(200);
    const std::string written = dir / "written";
    {
        IndexWriter writer({.path = written});
        for (int i = 0; i < 150; ++i) writer.add(articles[i]);
        writer.commit();
    }
    // Outside a scope the compactor deflates what it copies, as Xapian
    // always did.
    const std::string compressed = dir / "compressed";
    Xapian::Database(written).compact(compressed);
    REQUIRE(docdata_bytes(compressed) * 4 < docdata_bytes(written));

    for (const unsigned writers : {1u, 2u}) {
        DYNAMIC_SECTION("updated with writers " << writers) {
            const std::string path = dir / ("copy-" + std::to_string(writers));
            std::filesystem::copy(compressed, path);
            {
                IndexWriter writer({.path = path, .writers = writers});
                for (int i = 140; i < 200; ++i) writer.add(articles[i]);  // 10 again, 50 new
                libsearch::Article changed = articles[5];
                changed.body += " A late correction.";
                writer.add(changed);
                writer.group_versions();
            }
            libsearch::Searcher searcher(path);
            CHECK(searcher.size() == 200);
            for (const int i : {0, 5, 99, 145, 199}) {
                const auto stored = searcher.article(articles[i].id);
                REQUIRE(stored);
                CHECK(stored->body == (i == 5 ? articles[5].body + " A late correction." : articles[i].body));
            }
            CHECK(searcher.search({.query = "correction"}).hits.size() == 1);
        }
    }
}
