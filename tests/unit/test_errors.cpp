#include <catch2/catch.hpp>
#include <libsearch/errors.hpp>
#include <xapian.h>

#include <cerrno>

// The hierarchy the programs rely on when mapping errors to exit codes and
// HTTP statuses.
TEST_CASE("every error type derives from libsearch::Error and carries its context", "[errors]") {
    using namespace libsearch;
    const InvalidArgument invalid("limit", "must be between 1 and 100");
    CHECK(invalid.parameter() == "limit");
    CHECK(std::string(invalid.what()) == "limit: must be between 1 and 100");

    const QuerySyntaxError syntax(9, "date:2013-13 is not a date");
    CHECK(syntax.position() == 9);
    CHECK(syntax.detail() == "date:2013-13 is not a date");
    CHECK(std::string(syntax.what()) == "date:2013-13 is not a date (at position 9)");


    const IndexLocked locked("/srv/index", "locked");
    CHECK(locked.path() == "/srv/index");

    auto is_error = [](const std::exception& e) { return dynamic_cast<const Error*>(&e) != nullptr; };
    CHECK(is_error(invalid));
    CHECK(is_error(syntax));
    CHECK(is_error(locked));
    CHECK(is_error(IndexNotFound("p", "m")));
    CHECK(is_error(IndexCorrupt("p", "m")));
    CHECK(is_error(IndexNotWritable("p", "m")));
    CHECK(dynamic_cast<const IndexError*>(&locked) != nullptr);
}

TEST_CASE("as_index_error turns what reached a last-resort handler into libsearch's errors", "[errors]") {
    using namespace libsearch;
    const auto caught = [](auto thrower) {
        try {
            thrower();
        } catch (...) {
            return std::current_exception();
        }
        return std::exception_ptr{};
    };
    auto what = [](std::exception_ptr error) -> std::string {
        try {
            std::rethrow_exception(error);
        } catch (const IndexNotWritable& e) {
            CHECK(e.path() == "/srv/index");
            return e.what();
        } catch (const Error& e) {
            return std::string("other: ") + e.what();
        }
    };

    CHECK(as_index_error(nullptr, "/srv/index") == nullptr);
    CHECK(as_index_error(caught([] { throw std::runtime_error("not ours"); }), "/srv/index") == nullptr);
    CHECK(as_index_error(caught([] { throw 42; }), "/srv/index") == nullptr);

    const auto ours = caught([] { throw IndexLocked("/srv/index", "locked"); });
    CHECK(as_index_error(ours, "/elsewhere") == ours);

    // What Xapian 1.4.22 throws from a destructor when the disk fills during a commit.
    const auto full = as_index_error(
        caught([] { throw Xapian::DatabaseError("Error writing block 185", ENOSPC); }), "/srv/index");
    REQUIRE(full != nullptr);
    CHECK(what(full) == "index at '/srv/index' is not writable while saving changes: Error writing block 185 "
                        "(No space left on device)");
}
