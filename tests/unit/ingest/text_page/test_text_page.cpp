// read_text_page(): the reference seed page, pages of other styles written
// here, and the seed indexed and searched.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "libsearch/ingest/text_page.hpp"
#include "shared_data.hpp"
#include "test_index.hpp"

using libsearch::Article;
using libsearch::read_text_page;
using libsearch::ReadResult;

namespace {

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> titles(const ReadResult& result) {
    std::vector<std::string> out;
    for (const auto& a : result.articles) out.push_back(a.title);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// No title, body or author holds any of `words`.
void check_free_of(const ReadResult& result, const std::vector<std::string>& words) {
    for (const auto& a : result.articles)
        for (const auto& word : words) {
            INFO("article \"" << a.title << "\" holds furniture: " << word);
            CHECK_FALSE(contains(a.title, word));
            CHECK_FALSE(contains(a.body, word));
            CHECK_FALSE(contains(a.author, word));
        }
}

std::string with_crlf(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

const std::vector<std::string> kSeedFurniture{
    "Rubio", "Estimating Support", "INU tweet", "Latest News", "Concerns After", "NCRI-US", "Ayatollah BBC", "harsh"};

}  // namespace

TEST_CASE("the seed page gives its two articles and none of its furniture", "[ingest][text_page]") {
    const auto seed = testsupport::shared_path("seed/000_cf207fca10c84325.txt");
    if (!seed) return;
    const auto result = read_text_page(read_bytes(*seed), "seed.txt");
    REQUIRE(result.skipped.empty());
    REQUIRE(titles(result) ==
            std::vector<std::string>{
                "Canadian Friends of a Democratic Iran: UN and UNHCR should declare Camp Liberty as a refugee camp",
                "Intensification of Camp Liberty medical blockade"});
    for (const auto& a : result.articles) {
        CHECK(a.categories == std::vector<std::string>{"Iranian opposition"});
        CHECK(a.id.empty());
        CHECK_FALSE(a.date);
        CHECK(a.date_source == libsearch::DateSource::none);
        CHECK(a.language.empty());
        CHECK(a.source == "seed.txt");
    }
    check_free_of(result, kSeedFurniture);

    const Article& first = result.articles[0];
    CHECK(first.body.starts_with("Canadian Friends of a Democratic Iran urges the United Nations"));
    CHECK(first.body.ends_with("a first step to guarantee their safety and security."));
    CHECK(first.author == "Hon. David Kilgour, JD, Co-Chair, Ottawa");
    CHECK_FALSE(contains(first.body, "Kilgour"));
    CHECK(contains(first.body, "Fourth Geneva Convention"));
    CHECK(contains(first.body, "\n\n"));

    const Article& second = result.articles[1];
    // The title repeated (and continued) opens the body once, not twice.
    CHECK(second.body.starts_with("Intensification of Camp Liberty medical blockade and call for ending"));
    CHECK_FALSE(contains(second.body, "medical blockade\n"));
    CHECK(contains(second.body, "according to Rome Statute"));
    CHECK(second.body.ends_with("transfer of patients to the hospital and their treatment:"));
    CHECK(second.author.empty());
}

TEST_CASE("other widget headings and full-length headline lists are dropped", "[ingest][text_page]") {
    const std::string page =
        "Articles : Human rights\n\n"
        "Executions rise sharply in Iranian prisons\n\n"
        "Rights groups reported on Tuesday that at least 40 prisoners were executed in the past month.\n\n"
        "The groups said families were often told only hours before the sentences were carried out.\n\n"
        "Families speak out\n\n"
        "Researchers called the pace of executions alarming.\n\n"
        "Most Read\n\n"
        "Oil exports fall to a ten-year low\n\n"
        "Rial slides against the dollar again\n\n\n"
        "Women activists detained ahead of anniversary\n\n"
        "Security forces detained at least twelve women activists in Tehran, relatives said.\n\n"
        "The arrests came days before the anniversary of the 2009 protests.\n\n"
        "Related Articles\n\n"
        "Students sentenced after campus protest\n\n"
        "Trending\n\n"
        "#FreeThemAll\n";
    const auto result = read_text_page(page, "rights.txt");
    REQUIRE(titles(result) == std::vector<std::string>{"Executions rise sharply in Iranian prisons",
                                                       "Women activists detained ahead of anniversary"});
    CHECK(result.articles[0].categories == std::vector<std::string>{"Human rights"});
    // A short line between paragraphs, at paragraph spacing, is a crosshead of the article.
    CHECK(contains(result.articles[0].body, "\n\nFamilies speak out\n\n"));
    CHECK(result.articles[1].body.ends_with("anniversary of the 2009 protests."));
    check_free_of(result, {"Most Read", "Oil exports", "Rial slides", "Related", "Students sentenced", "Trending",
                           "FreeThemAll"});
}

TEST_CASE("one article with a standfirst, a dateline, a byline, social widgets and … teasers", "[ingest][text_page]") {
    const std::string page =
        "News : Nuclear diplomacy\n\n"
        "Negotiators extend Vienna talks by a week\n\n"
        "Diplomats agree more time is needed on enrichment limits\n\n"
        "VIENNA, 24 November 2014 - Iran and six world powers agreed on Monday to extend talks on the nuclear "
        "programme by another week.\n\n"
        "Officials said the gaps on enrichment capacity and the pace of sanctions relief had narrowed.\n\n"
        "By Leila Farahani\n\n"
        "Follow us\n\nFacebook\n\nTwitter\n\nTelegram\n\n\n"
        "Trending\n\n"
        "Sanctions relief: what changes\xE2\x80\xA6\n\n"
        "Inspectors return to Arak\xE2\x80\xA6\n\n"
        "Markets rally on Vienna news\xE2\x80\xA6";
    const auto result = read_text_page(page, "vienna.txt");
    REQUIRE(result.articles.size() == 1);
    const Article& a = result.articles[0];
    CHECK(a.title == "Negotiators extend Vienna talks by a week");
    CHECK(a.body.starts_with("Diplomats agree more time is needed on enrichment limits\n\nVIENNA, 24 November 2014"));
    CHECK(a.body.ends_with("had narrowed."));
    CHECK(a.author == "Leila Farahani");
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2014-11-24");
    CHECK(a.date_source == libsearch::DateSource::article);
    check_free_of(result, {"Follow", "Facebook", "Twitter", "Telegram", "Trending", "Arak", "Markets rally"});
}

TEST_CASE("three articles spaced alike: bylines and widget lines tell them apart", "[ingest][text_page]") {
    const std::string page =
        "News : Economy\n\n"
        "Rial hits record low against the dollar\n\n"
        "The currency lost a fifth of its value in a month of heavy selling\n\n"
        "Traders in Tehran said the rial fell to 36,000 to the dollar on Monday.\n\n"
        "The central bank blamed speculators.\n\n"
        "Jane Doe, Tehran\n\n"
        "Oil minister defends export figures\n\n"
        "The oil minister said exports were stable despite sanctions.\n\n"
        "Critics said tanker tracking data told a different story.\n\n"
        "Share this\n\n"
        "Bazaar merchants close shops in protest\n\n"
        "Merchants in the Tehran bazaar closed their shops for a second day.\n\n"
        "They demanded action on the currency crisis.\n\n"
        "Most Popular\n\n"
        "Gold prices soar...\n\n"
        "Car imports halted...\n";
    const auto result = read_text_page(page, "economy.txt");
    REQUIRE(titles(result) == std::vector<std::string>{"Rial hits record low against the dollar",
                                                       "Oil minister defends export figures",
                                                       "Bazaar merchants close shops in protest"});
    CHECK(result.articles[0].body.starts_with("The currency lost a fifth of its value"));
    CHECK(result.articles[0].author == "Jane Doe, Tehran");
    CHECK(result.articles[1].author.empty());
    CHECK(result.articles[2].body.ends_with("currency crisis."));
    check_free_of(result, {"Share this", "Most Popular", "Gold prices", "Car imports"});
    for (const auto& a : result.articles) CHECK_FALSE(contains(a.body, "Jane Doe"));
}

TEST_CASE("CRLF line ends read like LF", "[ingest][text_page]") {
    const std::string page =
        "News : Middle East\n\n"
        "Ceasefire holds in southern Syria\n\n"
        "A ceasefire brokered by Russia and the United States held for a third day on Sunday.\n\n"
        "Aid convoys reached two towns cut off since the spring.\n\n\n"
        "Iraq opens border crossing with Jordan\n\n"
        "Iraq reopened its main border crossing with Jordan after two years.\n\n"
        "Latest News\n\n"
        "Estimating the cost of...\n\n"
        "Talks stall in Geneva...";
    const auto lf = read_text_page(page, "mideast.txt");
    const auto crlf = read_text_page(with_crlf(page), "mideast.txt");
    REQUIRE(titles(lf) ==
            std::vector<std::string>{"Ceasefire holds in southern Syria", "Iraq opens border crossing with Jordan"});
    REQUIRE(crlf.articles.size() == lf.articles.size());
    for (std::size_t i = 0; i < lf.articles.size(); ++i) {
        CHECK(crlf.articles[i].title == lf.articles[i].title);
        CHECK(crlf.articles[i].body == lf.articles[i].body);
        CHECK(crlf.articles[i].categories == std::vector<std::string>{"Middle East"});
        CHECK_FALSE(contains(crlf.articles[i].body, "\r"));
    }
    check_free_of(crlf, {"Latest", "Estimating", "Geneva"});
}

TEST_CASE("a page without a section line has articles without a category", "[ingest][text_page]") {
    const std::string page =
        "Iran: exiles rally in Paris for Camp Liberty residents\n\n"
        "Thousands of Iranian exiles gathered in Paris on Saturday to call for the protection of the camp.\n\n"
        "Speakers urged the United Nations to act before winter.\n\n\n"
        "Latest News\n\n"
        "Ministers meet in Brussels...\n\n"
        "Estimating turnout at the...\n";
    const auto result = read_text_page(page, "paris.txt");
    REQUIRE(titles(result) == std::vector<std::string>{"Iran: exiles rally in Paris for Camp Liberty residents"});
    CHECK(result.articles[0].categories.empty());
    CHECK(result.articles[0].body.ends_with("act before winter."));
    check_free_of(result, {"Brussels", "turnout"});
}

TEST_CASE("a page with no article gives a Skipped entry saying why", "[ingest][text_page]") {
    const std::string furniture_only =
        "News : Iranian opposition\n\n"
        "Latest INU tweet\n\n\n"
        "Latest News\n\n"
        "Estimating Support for the...\n\n"
        "US Raises Concerns After 1000...\n";
    for (const std::string& page : {furniture_only, std::string(), std::string(" \n\n \t\n"),
                                    std::string("Most Read\n\nOil exports fall\n\nRial slides\n")}) {
        const auto result = read_text_page(page, "empty.txt");
        CHECK(result.articles.empty());
        REQUIRE(result.skipped.size() == 1);
        CHECK(result.skipped[0].source == "empty.txt");
        CHECK(result.skipped[0].line == 0);
        CHECK_FALSE(result.skipped[0].reason.empty());
    }
}

TEST_CASE("a paragraph ending in ... inside an article is kept", "[ingest][text_page]") {
    const std::string page =
        "News : Human rights\n\n"
        "A mother's wait outside Evin prison\n\n"
        "Every Monday she takes the same bus to the prison gate and waits...\n\n"
        "Sometimes for an hour, sometimes for the whole day, she waits for news of her son.\n\n"
        "The guards rarely tell her anything.\n\n"
        "Most Read\n\n"
        "Court jails blogger...\n\n"
        "Lawyers protest new rules...\n";
    const auto result = read_text_page(page, "evin.txt");
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].body ==
          "Every Monday she takes the same bus to the prison gate and waits...\n\n"
          "Sometimes for an hour, sometimes for the whole day, she waits for news of her son.\n\n"
          "The guards rarely tell her anything.");
}

TEST_CASE("hard-wrapped paragraphs and a date line under the title", "[ingest][text_page]") {
    const std::string page =
        "News : Nuclear diplomacy\n\n"
        "IAEA report finds no new activity\n"
        "15 February 2013\n\n"
        "The inspectors visited the sites twice since the spring and found\n"
        "no new equipment installed, the agency said in its quarterly report\n"
        "to the board of governors.\n\n"
        "Diplomats said the report could ease the way to a new round of talks.\n\n\n"
        "Most Viewed\n"
        "Ministers meet in Almaty...\n"
        "Sanctions bite harder...\n";
    const auto result = read_text_page(page, "iaea.txt");
    REQUIRE(titles(result) == std::vector<std::string>{"IAEA report finds no new activity"});
    const Article& a = result.articles[0];
    CHECK(
        a.body.starts_with("The inspectors visited the sites twice since the spring and found no new equipment "
                           "installed, the agency said in its quarterly report to the board of governors.\n\n"));
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2013-02-15");
    check_free_of(result, {"Most Viewed", "Almaty", "Sanctions bite", "15 February"});
}

TEST_CASE("the seed page indexed: its articles are found, its furniture is not", "[ingest][text_page]") {
    const auto seed = testsupport::shared_path("seed/000_cf207fca10c84325.txt");
    if (!seed) return;
    auto result = read_text_page(read_bytes(*seed), "seed.txt");
    REQUIRE(result.articles.size() == 2);
    result.articles[0].id = "seed-1";
    result.articles[1].id = "seed-2";
    const testsupport::TestIndex index(result.articles);
    auto searcher = index.searcher();
    CHECK(searcher.search({.query = "Rubio"}).hits.empty());
    CHECK(searcher.search({.query = "\"Estimating Support\""}).hits.empty());
    CHECK(searcher.search({.query = "tweet"}).hits.empty());
    CHECK(testsupport::sorted_ids(searcher.search({.query = "\"Camp Liberty\""})) ==
          std::vector<std::string>{"seed-1", "seed-2"});
    CHECK(testsupport::ids(searcher.search({.query = "author:Kilgour"})) == std::vector<std::string>{"seed-1"});
}

TEST_CASE("the seed page respaced or with other furniture gives the same two articles", "[ingest][text_page]") {
    const auto seed = testsupport::shared_path("seed/000_cf207fca10c84325.txt");
    if (!seed) return;
    const std::string page = read_bytes(*seed);
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string out = page;
        for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
            out.replace(at, from.size(), to);
        return out;
    };
    struct Variant {
        const char* name;
        std::string text;
    };
    const Variant variants[] = {
        {"one blank line everywhere", replaced("\n\n\n", "\n\n")},
        {"three blank lines between articles", replaced("\n\n\n", "\n\n\n\n")},
        {"teasers without blank lines", replaced("...\n\n", "...\n")},
        {"CRLF", with_crlf(page)},
        {"a tweet under the tweet widget",
         replaced("Latest INU tweet\n",
                  "Latest INU tweet\n\nRegime forces raided homes in Karaj and arrested twelve "
                  "activists, reports say.\n")},
        {"a tweet with a link", replaced("Latest INU tweet\n",
                                         "Latest INU tweet\n\n#Iran: raids in Karaj "
                                         "https://t.co/abc123 via @IranNews\n")},
    };
    for (const auto& variant : variants) {
        INFO(variant.name);
        const auto result = read_text_page(variant.text, "seed.txt");
        CHECK(titles(result) ==
              std::vector<std::string>{
                  "Canadian Friends of a Democratic Iran: UN and UNHCR should declare Camp Liberty as a refugee camp",
                  "Intensification of Camp Liberty medical blockade"});
        check_free_of(result, {"Rubio", "Estimating Support", "INU tweet", "Karaj"});
        if (result.articles.size() == 2) {
            CHECK(result.articles[0].author == "Hon. David Kilgour, JD, Co-Chair, Ottawa");
            CHECK(result.articles[1].body.ends_with("their treatment:"));
        }
    }
}

TEST_CASE("share buttons under a title and a written-by byline", "[ingest][text_page]") {
    const std::string page =
        "News : Human rights\n\n"
        "Lawyer jailed for defending protesters\n\n"
        "Share\n\nTweet\n\nEmail\n\n"
        "A Tehran court sentenced a human rights lawyer to six years in prison, her husband said.\n\n"
        "She had defended several people arrested during the protests and the court gave no reasons for the "
        "sentence, which her colleagues described...\n\n"
        "Written by INU Staff\n\n"
        "Latest News\n\n"
        "Lawyers protest...\n\n"
        "Court upholds...\n";
    const auto result = read_text_page(page, "lawyer.txt");
    REQUIRE(titles(result) == std::vector<std::string>{"Lawyer jailed for defending protesters"});
    const Article& a = result.articles[0];
    CHECK(a.author == "INU Staff");
    // The page cut off in mid-paragraph keeps that paragraph.
    CHECK(a.body.ends_with("which her colleagues described..."));
    check_free_of(result, {"Share", "Tweet", "Email", "Latest", "Lawyers protest", "Court upholds", "Written"});
}

TEST_CASE("the sample corpus's text pages give their articles and drop their furniture", "[ingest][text_page]") {
    struct Page {
        const char* file;
        const char* category;
        std::vector<std::string> titles;
        std::vector<std::string> furniture;
        const char* first_date;  // the first article's dateline, ISO
    };
    const Page pages[] = {
        {"opposition-2013-02.txt",
         "Iranian opposition",
         {"Exiles urge UN to speed up resettlement of Camp Liberty residents",
          "Water shortage reported at Camp Liberty", "Refugee support committee meets in Ottawa"},
         {"IAU tweet", "Latest News", "Parliament debates", "Berlin"},
         "2013-02-09"},
        {"human-rights-2014-06.txt",
         "Human rights",
         {"UN experts report sharp rise in executions", "Student activist freed on bail after 40 days"},
         {"Most Read", "Teachers union", "Blogger", "Follow us", "Instagram"},
         "2014-06-17"},
        {"nuclear-2015-07.txt",
         "Nuclear diplomacy",
         {"Negotiators reach agreement after marathon Vienna talks", "Inspectors to gain wider access under agreement",
          "Tehran's bazaar cheers the news"},
         {"Related Articles", "Hardliners", "Trending", "Congress", "Saudi"},
         "2015-07-14"},
        {"economy-2016-01.txt",
         "Economy",
         {"Tehran stock exchange climbs as sanctions are lifted", "Carmakers line up for Iranian market"},
         {"Share this", "Tweet", "Newsletter", "Sign up", "Gold coin", "Pistachio"},
         "2016-01-18"},
        {"middle-east-2017-05.txt",
         "Middle East",
         {"Aid agencies warn of cholera outbreak in Yemen", "Iraqi forces advance in western Mosul"},
         {"Most Viewed", "Hodeidah residents", "Editor's picks", "Astana", "Tags"},
         "2017-05-08"},
    };
    const auto dir = std::filesystem::path(LIBSEARCH_SOURCE_DIR) / "corpus" / "pages";
    for (const auto& page : pages) {
        INFO(page.file);
        const auto result = read_text_page(read_bytes(dir / page.file), page.file);
        CHECK(titles(result) == page.titles);
        check_free_of(result, page.furniture);
        for (const auto& a : result.articles) CHECK(a.categories == std::vector<std::string>{page.category});
        REQUIRE_FALSE(result.articles.empty());
        REQUIRE(result.articles[0].date);
        CHECK(result.articles[0].date->iso() == page.first_date);
    }
}
