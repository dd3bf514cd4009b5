#pragma once
// Two unrelated news stories of about 150 words, and the ways a story comes
// back as another version of itself: for the tests of versions.

#include <sstream>
#include <string>
#include <vector>

#include "test_index.hpp"

namespace testsupport {

inline const std::string kStory =
    "Residents of the camp said the water supply had been cut for the third time this month, leaving "
    "more than three thousand people without clean water during the hottest week of the summer. "
    "Officials of the provincial government denied that the cut was deliberate and blamed a broken pump "
    "at the main station, which they said would be repaired within two days. Aid workers who visited the "
    "camp on Tuesday described long queues at the few working taps and said children were falling ill. "
    "A spokesman for the residents said they had asked the United Nations to send observers and to make "
    "sure that fuel for the generators was allowed through the checkpoint at the entrance. The camp has "
    "been under a partial blockade since the spring, when the authorities began to restrict the delivery "
    "of food, medicine and building materials, according to a report published last week by a group of "
    "lawyers who have followed the case for several years.";

inline const std::string kOtherStory =
    "The central bank raised its main interest rate by half a point on Thursday, the fourth increase this "
    "year, as inflation reached its highest level in a decade. The governor told reporters that prices of "
    "food and fuel had risen faster than expected and that the bank was ready to act again if needed. "
    "Economists had expected a smaller rise, and the currency gained against the dollar after the "
    "announcement. Business groups warned that higher borrowing costs would hurt small firms already "
    "struggling with energy bills, while the finance ministry said the decision was a matter for the "
    "bank alone. Mortgage lenders are expected to pass on the increase to their customers within weeks, "
    "adding to the pressure on households whose real incomes have fallen for two years in a row.";

// Every `every`-th word replaced: the edits of a reprint.
inline std::string edited(const std::string& text, int every) {
    std::istringstream in(text);
    std::string word, out;
    for (int i = 1; in >> word; ++i) out += (out.empty() ? "" : " ") + (i % every == 0 ? "altered" + std::to_string(i) : word);
    return out;
}

// The first `n` words: a teaser.
inline std::string first_words(const std::string& text, int n) {
    std::istringstream in(text);
    std::string word, out;
    for (int i = 0; i < n && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
    return out;
}

/// One story in three versions ("full", "reprint", "teaser") and another story ("other").
inline std::vector<libsearch::Article> story_with_versions() {
    return {article("full", "Water cut at the camp", kStory), article("reprint", "Camp without water", edited(kStory, 25)),
            article("teaser", "Water cut at the camp", first_words(kStory, 60)),
            article("other", "Rates rise again at the camp bank", kOtherStory)};
}

}  // namespace testsupport
