// Databases read one after another (index/database_sequence), as the merge
// of a parallel build will join them: numbering, documents and value
// streams across parts, empty parts and gaps included.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "index/bulk_build.hpp"
#include "index/database_sequence.hpp"
#include "temp_dir.hpp"

using libsearch::index::DatabaseSequence;
using testsupport::TempDir;

namespace {

constexpr Xapian::valueno kSlot = 3;

// A database whose documents carry `name`:<docid> as data, and a value in
// kSlot for the docids in `valued`; the docids in `deleted` are removed.
Xapian::Database part(const std::string& path, const std::string& name, Xapian::docid count,
                      const std::vector<Xapian::docid>& valued, const std::vector<Xapian::docid>& deleted = {}) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (Xapian::docid d = 1; d <= count; ++d) {
        Xapian::Document doc;
        doc.set_data(name + ":" + std::to_string(d));
        for (const Xapian::docid v : valued)
            if (v == d) doc.add_value(kSlot, name + "-value-" + std::to_string(d));
        db.add_document(doc);
    }
    for (const Xapian::docid d : deleted) db.delete_document(d);
    db.commit();
    return Xapian::Database(path);
}

std::vector<std::pair<Xapian::docid, std::string>> all_values(const DatabaseSequence& sequence) {
    std::vector<std::pair<Xapian::docid, std::string>> out;
    for (auto v = sequence.values(kSlot); !v.at_end(); v.next()) out.emplace_back(v.docid(), v.value());
    return out;
}

}  // namespace

TEST_CASE("a sequence of databases numbers their documents on, in order", "[index]") {
    TempDir dir;
    // An empty index first, and a part with no documents (spelling data) in
    // the middle, as a bulk build's merge lists them.
    const DatabaseSequence sequence({part(dir / "empty", "e", 0, {}), part(dir / "a", "a", 4, {2, 4}, {3}),
                                     part(dir / "none", "n", 0, {}), part(dir / "b", "b", 3, {1, 3})});
    CHECK(sequence.last_docid() == 7);
    CHECK(sequence.doccount() == 6);
    CHECK(sequence.document(1).get_data() == "a:1");
    CHECK(sequence.document(4).get_data() == "a:4");
    CHECK(sequence.document(5).get_data() == "b:1");
    CHECK(sequence.document(7).get_data() == "b:3");

    using Values = std::vector<std::pair<Xapian::docid, std::string>>;
    CHECK(all_values(sequence) == Values{{2, "a-value-2"}, {4, "a-value-4"}, {5, "b-value-1"}, {7, "b-value-3"}});

    auto stream = sequence.values(kSlot);
    stream.skip_to(3);  // inside the first part, between values
    REQUIRE_FALSE(stream.at_end());
    CHECK(stream.docid() == 4);
    stream.skip_to(4);  // where it is: stays
    CHECK(stream.docid() == 4);
    stream.skip_to(6);  // past a part's end into the next
    REQUIRE_FALSE(stream.at_end());
    CHECK(stream.docid() == 7);
    CHECK(stream.value() == "b-value-3");
    stream.next();
    CHECK(stream.at_end());

    auto from_start = sequence.values(kSlot);
    from_start.skip_to(5);  // a part's first document, from the part before
    REQUIRE_FALSE(from_start.at_end());
    CHECK(from_start.docid() == 5);
    from_start.skip_to(8);  // past the end
    CHECK(from_start.at_end());
}

TEST_CASE("a sequence of one database numbers it as it is; of none, is empty", "[index]") {
    TempDir dir;
    const DatabaseSequence one({part(dir / "a", "a", 5, {1, 5}, {1, 2})});
    CHECK(one.last_docid() == 5);
    CHECK(one.doccount() == 3);
    CHECK(one.document(3).get_data() == "a:3");
    using Values = std::vector<std::pair<Xapian::docid, std::string>>;
    CHECK(all_values(one) == Values{{5, "a-value-5"}});

    const DatabaseSequence none({});
    CHECK(none.last_docid() == 0);
    CHECK(none.values(kSlot).at_end());
}

TEST_CASE("work beside a merge sees the databases being merged, and its failure reaches the caller after the merge",
          "[index]") {
    TempDir dir;
    const std::string index = dir / "index";
    Xapian::WritableDatabase(index, Xapian::DB_CREATE).close();
    for (const bool fail : {false, true}) {
        DYNAMIC_SECTION((fail ? "failing" : "succeeding") << " work") {
            libsearch::index::BulkBuild build(index, 2, 0, 0, false);
            for (int i = 0; i < 10; ++i) {
                auto doc = std::make_shared<Xapian::Document>();
                doc->set_data("article " + std::to_string(i));
                doc->add_boolean_term("Qa" + std::to_string(i));
                REQUIRE(build.add("a" + std::to_string(i), doc) == libsearch::AddOutcome::added);
            }
            const std::string output = dir / (fail ? "merged-failing" : "merged");
            Xapian::doccount seen = 0;
            auto beside = [&](const DatabaseSequence& parts) {
                seen = parts.doccount();
                if (fail) throw std::runtime_error("beside failed");
            };
            if (fail) CHECK_THROWS_WITH(build.merge(index, output, beside), "beside failed");
            else build.merge(index, output, beside);
            CHECK(seen == 10);
            // The merge itself was done either way.
            CHECK(Xapian::Database(output).get_doccount() == 10);
        }
    }
}
