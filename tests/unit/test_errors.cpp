#include <catch2/catch.hpp>
#include <libsearch/errors.hpp>

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
