#pragma once
// A small archive with known contents, for query-language and search tests.

#include "test_index.hpp"

namespace testsupport {

inline std::vector<libsearch::Article> sample_articles() {
    auto with = [](libsearch::Article a, std::string author, std::string url, std::string language = "") {
        a.author = std::move(author);
        a.url = std::move(url);
        a.language = std::move(language);
        return a;
    };
    return {
        with(article("liberty-un", "UN and UNHCR should declare Camp Liberty as a refugee camp",
                     "Canadian Friends of a Democratic Iran urge the United Nations to protect the residents of "
                     "Camp Liberty. Iraq's Justice Minister called for their extradition.",
                     {"Iranian opposition"}, day(2013, 1, 10)),
             "David Kilgour", "https://www.ncr-iran.org/en/news/liberty-un"),
        with(article("liberty-blockade", "Intensification of Camp Liberty medical blockade",
                     "The government of Iraq intensified the medical siege against Camp Liberty residents, "
                     "delaying the transfer of patients to hospitals.",
                     {"Iranian opposition", "Human rights"}, day(2013, 2, 28)),
             "", "https://www.ncr-iran.org/en/news/blockade"),
        with(article("ashraf-2012", "Residents moved from Camp Ashraf",
                     "The last residents of Camp Ashraf were moved to Camp Liberty under UN supervision.",
                     {"Iranian opposition"}, day(2012, 9, 16)),
             "", "https://news.example.com/2012/ashraf"),
        with(article("oil-2013", "Oil prices rise on supply fears",
                     "Crude oil prices rose sharply as traders feared supply disruptions in the Gulf.",
                     {"Economy"}, day(2013, 6, 30)),
             "Jane Trader", "https://markets.example.com/oil"),
        with(article("oil-2014", "Oil prices fall",
                     "Oil prices fell for a third week as supply outpaced demand.", {"Economy"}, day(2014, 1, 1)),
             "Jane Trader", "https://markets.example.com/oil-2014"),
        with(article("nuclear-talks", "Nuclear talks resume in Geneva",
                     "Negotiators met in Geneva to discuss the nuclear programme. The IAEA inspectors reported "
                     "progress.",
                     {"Nuclear", "Diplomacy"}, day(2013, 11, 24)),
             "", "https://diplomacy.example.org/geneva"),
        with(article("undated-essay", "An essay on exile",
                     "Exile shapes the opposition: a reflection on refugee camps without a date.",
                     {"Iranian opposition"}),
             "", ""),
        with(article("french-news", "Les élections présidentielles",
                     "Les électeurs iraniens votent pour élire un nouveau président.", {"Politique"},
                     day(2013, 6, 14)),
             "", "https://fr.example.org/elections", "fr"),
        with(article("protest-2013", "Protesters handed harsh sentences",
                     "Courts handed protesters harsh sentences, the opposition said. Human rights groups "
                     "condemned the sentences.",
                     {"Human rights"}, day(2013, 6, 1)),
             "", "https://www.ncr-iran.org/en/news/protest"),
    };
}

/// One index of sample_articles() on disk, shared by the tests of a program.
inline const TestIndex& sample_index() {
    static const TestIndex index(sample_articles());
    return index;
}

}  // namespace testsupport
