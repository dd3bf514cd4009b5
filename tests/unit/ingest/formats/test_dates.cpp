#include <catch2/catch.hpp>
#include <libsearch/ingest/dates.hpp>
#include <string>

using libsearch::date_from_url;
using libsearch::find_date_in_text;
using libsearch::parse_date;

namespace {

struct Row {
    const char* input;
    const char* expected;  // ISO day, or nullptr for "no date"
};

std::string describe(const std::optional<libsearch::Date>& date) { return date ? date->iso() : "(none)"; }

}  // namespace

TEST_CASE("parse_date reads the forms archives write", "[ingest][dates]") {
    const Row rows[] = {
        // ISO 8601
        {"2013-02-15", "2013-02-15"},
        {"  2013-02-15\n", "2013-02-15"},
        {"2013-02-15T10:00:00+03:30", "2013-02-15"},
        {"2013-02-15T23:59:59Z", "2013-02-15"},
        {"2013-02-15T10:00:00.123456-05:00", "2013-02-15"},
        {"2013-02-15T10:00Z", "2013-02-15"},
        {"2013-02-15 10:00:00", "2013-02-15"},
        {"2013-02-15 10:00:00 +0100", "2013-02-15"},
        {"20130215", "2013-02-15"},
        {"20130215T100000Z", "2013-02-15"},
        {"2012-02-29", "2012-02-29"},
        {"2013/02/15", "2013-02-15"},
        {"2013/2/5", "2013-02-05"},
        {"2013.02.15", "2013-02-15"},
        // RFC 2822 and HTTP
        {"Fri, 15 Feb 2013 10:00:00 +0000", "2013-02-15"},
        {"Fri, 15 Feb 2013 10:00:00 GMT", "2013-02-15"},
        {"Fri, 15 Feb 2013 10:00 -0500 (EST)", "2013-02-15"},
        {"15 Feb 2013 10:00:00 +0000", "2013-02-15"},
        {"Fri Feb 15 10:00:00 2013", "2013-02-15"},
        // Reuters-21578
        {"26-FEB-1987 15:01:01.79", "1987-02-26"},
        {" 1-MAR-1987 01:41:26.47", "1987-03-01"},
        {"  5-APR-1987 01:53:30.29", "1987-04-05"},
        {"12-MAR-1987  11:37:07.44", "1987-03-12"},
        {"20-OCT-1987 22:53:18.0", "1987-10-20"},
        {"31-MAR-1987 605:12:19.12", nullptr},
        // Month names
        {"May 5, 2013", "2013-05-05"},
        {"May 5 2013", "2013-05-05"},
        {"Feb 15 2013", "2013-02-15"},
        {"February 15th, 2013", "2013-02-15"},
        {"SEPT. 1, 2013", "2013-09-01"},
        {"5 May 2013", "2013-05-05"},
        {"15 Feb. 2013", "2013-02-15"},
        {"15 February, 2013", "2013-02-15"},
        {"15-Feb-2013", "2013-02-15"},
        {"1st March 2013", "2013-03-01"},
        {"Friday, 15 February 2013", "2013-02-15"},
        {"Friday, 15 February 2013 12:30", "2013-02-15"},
        {"Friday, February 15, 2013", "2013-02-15"},
        {"Fri 15 Feb 2013", "2013-02-15"},
        {"May 5, 2013, 10:30 am", "2013-05-05"},
        {"May 5, 2013 at 9:30 p.m. EST", "2013-05-05"},
        {"december 31, 1999", "1999-12-31"},
        // French, German, Spanish
        {"15 février 2013", "2013-02-15"},
        {"15 FÉVRIER 2013", "2013-02-15"},
        {"1er mai 2013", "2013-05-01"},
        {"vendredi 15 février 2013", "2013-02-15"},
        {"15. März 2013", "2013-03-15"},
        {"Freitag, 15. Februar 2013", "2013-02-15"},
        {"3. Okt. 2013", "2013-10-03"},
        {"15 de febrero de 2013", "2013-02-15"},
        {"viernes, 15 de febrero de 2013", "2013-02-15"},
        {"1 dic 2013", "2013-12-01"},
        // Day-first numbers, only when there is a single reading
        {"15/02/2013", "2013-02-15"},
        {"15.02.2013", "2013-02-15"},
        {"15-02-2013", "2013-02-15"},
        {"5.5.2013", "2013-05-05"},
        {"02/15/2013", "2013-02-15"},
        {"05/06/2013", nullptr},
        {"05.06.2013", nullptr},
        {"02.15.2013", nullptr},
        {"13/14/2013", nullptr},
        // Impossible days
        {"2013-02-29", nullptr},
        {"2013-02-30", nullptr},
        {"2013-13-01", nullptr},
        {"2013-00-10", nullptr},
        {"31 April 2013", nullptr},
        {"30-FEB-1987 10:00:00.00", nullptr},
        {"20131301", nullptr},
        {"0000-01-01", nullptr},
        // Not one date
        {"", nullptr},
        {"   ", nullptr},
        {"2013", nullptr},
        {"May 2013", nullptr},
        {"February", nullptr},
        {"5 May", nullptr},
        {"May 5", nullptr},
        {"12:30", nullptr},
        {"10:00:00 +0000", nullptr},
        {"today", nullptr},
        {"yesterday at 10:30", nullptr},
        {"42", nullptr},
        {"3.14159", nullptr},
        {"123456789", nullptr},
        {"2013-02", nullptr},
        {"15/02/13", nullptr},
        {"555-123-4567", nullptr},
        {"+44 20 7946 0958", nullptr},
        {"1-800-555-0199", nullptr},
        {"2013-02-15 and more", nullptr},
        {"on May 5, 2013", nullptr},
        {"2013-02-15T", nullptr},
        {"2013-02-15T25:00", nullptr},
        {"2013-02-15 10:61", nullptr},
        {"Fri, 15 Feb 2013 10:00:00 +0000 trailing", nullptr},
        {"Someday, 15 Feb 2013", nullptr},
        {"2013-02-15 10:00 hello", nullptr},
        {"2013-02-15\n10:00", nullptr},
        {"15\nFebruary 2013", nullptr},
        {"15 Febber 2013", nullptr},
        {"15 Feb 13", nullptr},
        {"May 5, 20133", nullptr},
        {"2013-02-15-2013", nullptr},
    };
    for (const auto& row : rows) {
        INFO("input: '" << row.input << "'");
        CHECK(describe(parse_date(row.input)) == (row.expected ? row.expected : "(none)"));
    }
}

TEST_CASE("find_date_in_text finds a dateline near the start", "[ingest][dates]") {
    const Row rows[] = {
        {"LONDON, May 5, 2013 - Oil prices rose on Monday.", "2013-05-05"},
        {"Friday, 15 February 2013 12:30\nThe council met ...", "2013-02-15"},
        {"By Jane Doe | Published 15 Feb. 2013 | Updated 16 Feb. 2013", "2013-02-15"},
        {"Posted on 2013-02-15T10:00:00Z by admin", "2013-02-15"},
        {"TEHRAN (Reuters) \xE2\x80\x94 March 3, 2012: talks resumed", "2012-03-03"},
        {"PARIS\xE2\x80\x94May 5, 2013\xE2\x80\x94 rain", "2013-05-05"},
        {"Le 15\xC2\xA0"
         "février 2013, à Paris",
         "2013-02-15"},
        {"Berlin, 3. Oktober 2013. Die Feier", "2013-10-03"},
        {"Madrid, 15 de febrero de 2013 (EFE).", "2013-02-15"},
        {"Updated 15/02/2013 at noon", "2013-02-15"},
        {"(2013/02/15) Notice", "2013-02-15"},
        // Nothing there, or nothing that is surely a date
        {"", nullptr},
        {"Oil prices rose in May 2013 and fell in June.", nullptr},
        {"Call 555-123-4567 or 020 7946 0958 for tickets.", nullptr},
        {"Version 1.15.02.2013 was released.", nullptr},
        {"Order 20130215 shipped.", nullptr},
        {"The meeting starts at 10:30 and ends at 12:00.", nullptr},
        {"They may 5 times a year, in 2013, say so.", nullptr},
        {"Score 3-2, attendance 45,000 in 2013.", nullptr},
        {"Between 05/06/2013 and later", nullptr},
        {"The law of 1987 came into force in 2013.", nullptr},
        {"Page 12\nMarch 2013 issue", nullptr},
    };
    for (const auto& row : rows) {
        INFO("input: '" << row.input << "'");
        CHECK(describe(find_date_in_text(row.input)) == (row.expected ? row.expected : "(none)"));
    }
}

TEST_CASE("find_date_in_text looks only within the window", "[ingest][dates]") {
    const std::string text = std::string(400, 'x') + " May 5, 2013 ";
    CHECK_FALSE(find_date_in_text(text));
    CHECK(describe(find_date_in_text(text, 500)) == "2013-05-05");
    CHECK(describe(find_date_in_text("May 5, 2013", 1)) == "2013-05-05");
    CHECK_FALSE(find_date_in_text("words May 5, 2013", 3));
}

TEST_CASE("date_from_url reads dates in URL paths", "[ingest][dates]") {
    const Row rows[] = {
        {"https://example.com/2013/02/15/council-meets.html", "2013-02-15"},
        {"https://example.com/news/2013/2/5/story", "2013-02-05"},
        {"https://example.com/2013-02-15/story", "2013-02-15"},
        {"https://example.com/news/20130215/story.html", "2013-02-15"},
        {"https://example.com/story-20130215.html", "2013-02-15"},
        {"https://www.theguardian.com/world/2013/feb/15/meteor-russia", "2013-02-15"},
        {"/2013/02/15/", "2013-02-15"},
        {"2013/02/15/story", "2013-02-15"},
        {"http://example.com/2013/02/15", "2013-02-15"},
        // No day, or not a date
        {"https://example.com/2013/02/", nullptr},
        {"https://example.com/2013/02/story.html", nullptr},
        {"https://example.com/2013/", nullptr},
        {"https://example.com/2013/02/30/", nullptr},
        {"https://example.com/2013/13/01/", nullptr},
        {"https://example.com/article/12345678/", nullptr},
        {"https://example.com/2013/02/12345/", nullptr},
        {"https://example.com/story?date=2013-02-15", nullptr},
        {"https://example.com/story#2013/02/15", nullptr},
        {"https://20130215.example.com/story", nullptr},
        {"https://example.com/id2013/02/15x", nullptr},
        {"https://example.com/0999/01/01/", nullptr},
        {"", nullptr},
    };
    for (const auto& row : rows) {
        INFO("url: '" << row.input << "'");
        CHECK(describe(date_from_url(row.input)) == (row.expected ? row.expected : "(none)"));
    }
}
