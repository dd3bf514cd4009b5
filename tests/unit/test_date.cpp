#include <catch2/catch.hpp>
#include <libsearch/date.hpp>
#include <libsearch/errors.hpp>

using libsearch::BoundSide;
using libsearch::Date;

TEST_CASE("Date::make accepts real days only", "[date]") {
    CHECK(Date::make(2013, 2, 28));
    CHECK_FALSE(Date::make(2013, 2, 29));
    CHECK(Date::make(2012, 2, 29));
    CHECK_FALSE(Date::make(1900, 2, 29));
    CHECK(Date::make(2000, 2, 29));
    CHECK_FALSE(Date::make(2013, 13, 1));
    CHECK_FALSE(Date::make(2013, 4, 31));
    CHECK_FALSE(Date::make(0, 1, 1));
    CHECK(Date::make(2013, 1, 5)->iso() == "2013-01-05");
    CHECK(Date::make(2013, 1, 5)->key() == "20130105");
}

TEST_CASE("date bounds cover the whole period they name", "[date]") {
    struct Row {
        const char* text;
        BoundSide side;
        const char* expected;
    };
    const Row rows[] = {
        {"2013", BoundSide::first_day, "2013-01-01"},    {"2013", BoundSide::last_day, "2013-12-31"},
        {"2013-06", BoundSide::first_day, "2013-06-01"}, {"2013-06", BoundSide::last_day, "2013-06-30"},
        {"2012-02", BoundSide::last_day, "2012-02-29"},  {"2013-02", BoundSide::last_day, "2013-02-28"},
        {"2013-06-15", BoundSide::first_day, "2013-06-15"}, {"2013-06-15", BoundSide::last_day, "2013-06-15"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(libsearch::parse_date_bound(row.text, row.side, "from").iso() == row.expected);
    }
}

TEST_CASE("malformed date bounds name the parameter", "[date][errors]") {
    for (const char* bad : {"", "13", "2013-1", "2013-13", "2013-02-30", "2013/06/01", "2013-06-01T00:00", "abcd",
                            "2013-00", " 2013"}) {
        INFO(bad);
        CHECK_FALSE(libsearch::try_parse_date_bound(bad, BoundSide::first_day));
        try {
            libsearch::parse_date_bound(bad, BoundSide::first_day, "to");
            FAIL("no exception");
        } catch (const libsearch::InvalidArgument& e) {
            CHECK(e.parameter() == "to");
            CHECK_THAT(e.what(), Catch::Contains("YYYY-MM-DD"));
        }
    }
}

TEST_CASE("parse_iso_date is strict", "[date]") {
    CHECK(libsearch::parse_iso_date("2013-06-15") == Date::make(2013, 6, 15));
    CHECK_FALSE(libsearch::parse_iso_date("2013-06"));
    CHECK_FALSE(libsearch::parse_iso_date("2013-6-15"));
    CHECK_FALSE(libsearch::parse_iso_date("2013-06-31"));
}
