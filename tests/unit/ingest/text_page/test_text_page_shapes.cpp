// The line- and unit-level rules of the text-page reader, as tables.

#include <catch2/catch.hpp>

#include "ingest/text_page/line_shape.hpp"
#include "ingest/text_page/page_units.hpp"
#include "ingest/text_page/section_line.hpp"

using namespace libsearch::ingest::text_page;

TEST_CASE("a unit's kind comes from its length and end punctuation", "[ingest][text_page]") {
    struct Row {
        const char* text;
        UnitKind kind;
    };
    const Row rows[] = {
        {"Intensification of Camp Liberty medical blockade", UnitKind::line},
        {"Measures by Government of Iraq is war crime and crime against humanity according to Rome Statute",
         UnitKind::line},
        {"The Secretariat of the National Council of Resistance of Iran issued a statement:", UnitKind::prose},
        {"He declined to comment.", UnitKind::prose},
        {"Is Iran ready?", UnitKind::line},
        {"Estimating Support for the...", UnitKind::ellipsis},
        {"Rubio asks for Justice\xE2\x80\xA6", UnitKind::ellipsis},
        {"Hon. David Kilgour, JD", UnitKind::line},
        {"The talks went on late into the night and the delegates, tired and divided, could not agree on a "
         "single line of the text...",
         UnitKind::ellipsis},  // its neighbours decide (mark_furniture)
        {"Why is the regime so afraid of the exiles in Albania?", UnitKind::line},
        {"- Execution of five prisoners in Gohardasht", UnitKind::prose},
        {"2) The release of all political prisoners", UnitKind::prose},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(classify(row.text) == row.kind);
    }
}

TEST_CASE("byline-like lines", "[ingest][text_page]") {
    struct Row {
        const char* text;
        bool byline;
        bool strong;
    };
    const Row rows[] = {
        {"Hon. David Kilgour, JD", true, true},
        {"Co-Chair, Ottawa", true, true},
        {"By Leila Farahani", true, true},
        {"\xE2\x80\x94 Marc Dubois", true, true},
        {"Jane Doe", true, false},
        {"Latest INU tweet", false, false},
        {"Latest News", false, false},
        {"Follow Us", false, false},
        {"Intensification of Camp Liberty medical blockade", false, false},
        {"Estimating Support for the...", false, false},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(is_byline_like(row.text) == row.byline);
        CHECK(is_byline_like(row.text, /*strong=*/true) == row.strong);
    }
}

TEST_CASE("the section line names the category", "[ingest][text_page]") {
    struct Row {
        const char* line;
        const char* next;      // nullptr: nothing follows
        const char* category;  // nullptr: not a section line
    };
    const Row rows[] = {
        {"News : Iranian opposition", "A title", "Iranian opposition"},
        {"News : Iranian opposition", nullptr, "Iranian opposition"},
        {"Articles : Human rights : Women", "A title", "Human rights : Women"},
        {"News: Economy", "A title", "Economy"},
        {"Iran: Protesters handed harsh sentences", "A title", nullptr},
        {"Iran : talks", "The talks in Geneva resumed on Monday after a week of delay.", nullptr},
        {"Canadian Friends of a Democratic Iran: UN and UNHCR should declare Camp Liberty as a refugee camp", "A title",
         nullptr},
        {"12:30", "A title", nullptr},
        {"Intensification of Camp Liberty medical blockade", "A title", nullptr},
    };
    for (const auto& row : rows) {
        INFO(row.line);
        Unit first{row.line, 0, classify(row.line)};
        Unit next{row.next ? row.next : "", 1, classify(row.next ? row.next : "")};
        const auto category = section_category(first, row.next ? &next : nullptr);
        if (row.category) {
            REQUIRE(category);
            CHECK(*category == row.category);
        } else {
            CHECK_FALSE(category);
        }
    }
}

TEST_CASE("hard-wrapped paragraphs are joined, lists and short lines are not", "[ingest][text_page]") {
    const auto units = split_units(
        "A title\n"
        "The delegates met in Vienna on Monday to review the inspectors'\n"
        "report, which found no new activity at the sites visited since\n"
        "the spring.\n"
        "\n"
        "Most Read\n"
        "Oil exports fall...\n"
        "Rial slides again...\n"
        "* * *\n"
        "Next title\n");
    REQUIRE(units.size() == 6);
    CHECK(units[0].text == "A title");
    CHECK(units[1].text ==
          "The delegates met in Vienna on Monday to review the inspectors' report, which found no new activity at "
          "the sites visited since the spring.");
    CHECK(units[1].kind == UnitKind::prose);
    CHECK(units[2].text == "Most Read");
    CHECK(units[2].gap == 1);
    CHECK(units[3].kind == UnitKind::ellipsis);
    CHECK(units[5].text == "Next title");
    CHECK(units[5].gap == 1);  // an ornament line counts as blank
}
