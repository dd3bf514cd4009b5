// Versions of one story: the shingle samples, the rule, the grouping pass, and
// searches that collapse and expand a story.
#include <catch2/catch.hpp>

#include "index/versions.hpp"
#include "story_versions.hpp"
#include "test_index.hpp"
#include "temp_dir.hpp"

using namespace testsupport;
using libsearch::index::overlap;
using libsearch::index::same_story;
using libsearch::index::version_samples;

TEST_CASE("version samples are a stable, bounded sample of the shingles in text order", "[versions]") {
    const auto samples = version_samples("Title", kStory);
    CHECK(samples == version_samples("Another title", kStory));  // the body decides
    CHECK(samples.size() >= 5);
    CHECK(samples.size() <= libsearch::index::kMaxSamples);
    // A teaser's samples are the first of its full article's.
    const auto teaser = version_samples("", first_words(kStory, 60));
    REQUIRE(teaser.size() <= samples.size());
    CHECK(std::equal(teaser.begin(), teaser.end(), samples.begin()));
    CHECK(version_samples("", "too short").empty());
    CHECK(libsearch::index::unpack_version_samples(libsearch::index::pack_version_samples(samples)) == samples);
}

TEST_CASE("candidate samples: every lead sample, then about one in four, chosen by the sample alone", "[versions]") {
    using libsearch::index::is_candidate_sample;
    using libsearch::index::kLeadSamples;
    for (std::size_t i = 0; i < kLeadSamples; ++i) CHECK(is_candidate_sample(i, 6 * 7919 * (i + 1) + 6));
    std::size_t chosen = 0;
    const std::size_t n = 4000;
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint64_t sample = 6 * (k * 2654435761ULL % 1000003);  // samples are multiples of 6
        const bool late = is_candidate_sample(kLeadSamples, sample);
        CHECK(late == is_candidate_sample(kLeadSamples + 20, sample));  // the position past the lead does not matter
        chosen += late;
    }
    CHECK(chosen > n / 6);
    CHECK(chosen < n / 3);
}

TEST_CASE("the rule: edited reprints and teasers are one story, other stories are not", "[versions]") {
    const auto story = version_samples("", kStory);
    CHECK(same_story(overlap(story, version_samples("", edited(kStory, 25)))));
    CHECK(same_story(overlap(story, version_samples("", first_words(kStory, 60)))));
    CHECK_FALSE(same_story(overlap(story, version_samples("", kOtherStory))));
    // Heavily rewritten text is another story.
    CHECK_FALSE(same_story(overlap(story, version_samples("", edited(kStory, 2)))));
}

TEST_CASE("a search collapses the versions of a story and can expand them", "[versions][search]") {
    TestIndex index(story_with_versions());
    auto searcher = index.searcher();
    auto all = searcher.search({.query = "camp"});
    CHECK(all.hits.size() == 4);
    std::string group;
    for (const auto& hit : all.hits) {
        if (hit.id == "other") CHECK(hit.version_group.empty());
        else group = hit.version_group;
    }
    REQUIRE_FALSE(group.empty());
    for (const auto& hit : all.hits)
        if (hit.id != "other") CHECK(hit.version_group == group);

    auto collapsed = searcher.search({.query = "camp", .collapse_versions = true});
    REQUIRE(collapsed.hits.size() == 2);
    for (const auto& hit : collapsed.hits) CHECK(hit.versions == (hit.id == "other" ? 0u : 2u));
    // The total counts stories, exactly.
    CHECK(collapsed.total.estimated == 2);
    CHECK(collapsed.total.exact());
    // Facets count every version.
    CHECK(collapsed.facets.category == all.facets.category);

    auto expanded = searcher.search({.query = "camp", .version_group = group});
    CHECK(sorted_ids(expanded) == std::vector<std::string>{"full", "reprint", "teaser"});
    CHECK(searcher.search({.query = "", .version_group = group}).hits.size() == 3);
    CHECK(searcher.search({.query = "camp", .version_group = "nosuchgroup"}).hits.empty());
}

TEST_CASE("groups follow changes: a version removed or rewritten leaves its story", "[versions][index]") {
    TempDir dir;
    const std::string path = dir / "index";
    {
        libsearch::IndexWriter writer({.path = path});
        writer.add(article("full", "Water cut", kStory));
        writer.add(article("reprint", "Camp without water", edited(kStory, 25)));
        writer.add(article("teaser", "Water cut", first_words(kStory, 60)));
        CHECK(writer.versions_stale());
        const auto grouping = writer.group_versions();
        CHECK(grouping.groups == 1);
        CHECK(grouping.articles == 3);
        CHECK_FALSE(writer.versions_stale());
    }
    auto group_of = [&](const std::string& id) {
        libsearch::Searcher searcher(path);
        for (const auto& hit : searcher.search({.query = "", .limit = 100}).hits)
            if (hit.id == id) return hit.version_group;
        return std::string("(missing)");
    };
    const std::string group = group_of("full");
    CHECK(!group.empty());
    {
        // Changes committed without grouping leave the mark for the next writer.
        libsearch::IndexWriter writer({.path = path});
        writer.add(article("teaser", "Rates", first_words(kOtherStory, 60)));
        CHECK(writer.remove("reprint"));
        writer.commit();
    }
    {
        libsearch::IndexWriter writer({.path = path});
        CHECK(writer.versions_stale());
        const auto grouping = writer.group_versions();
        CHECK(grouping.groups == 0);
        CHECK(grouping.written == 1);  // "full" alone now
    }
    CHECK(group_of("full").empty());
    CHECK(group_of("teaser").empty());
}

TEST_CASE("texts too short to sample are versions only of the same text", "[versions]") {
    TestIndex index({article("a", "Brief", "Talks resume."), article("b", "brief", "talks  resume."),
                     article("c", "Brief", "Talks end.")});
    auto searcher = index.searcher();
    auto collapsed = searcher.search({.query = "talks", .collapse_versions = true});
    CHECK(collapsed.hits.size() == 2);
}


TEST_CASE("versions are grouped across the shards of a sharded index", "[versions][shards]") {
    TempDir dir;
    const std::string path = dir / "index";
    {
        libsearch::IndexWriter writer({.path = path, .shards = 3});
        for (int copy = 0; copy < 4; ++copy)  // ids that land in different shards
            writer.add(article("reprint-" + std::to_string(copy), "Water", edited(kStory, 20 + copy)));
        writer.add(article("teaser", "Water cut", first_words(kStory, 60)));
        writer.add(article("other", "Rates", kOtherStory));
        CHECK(writer.versions_stale());
        const auto grouping = writer.group_versions();
        CHECK(grouping.groups == 1);
        CHECK(grouping.articles == 5);
        CHECK_FALSE(writer.versions_stale());
    }
    libsearch::Searcher searcher(path);
    auto collapsed = searcher.search({.query = "", .collapse_versions = true});
    REQUIRE(collapsed.hits.size() == 2);
    CHECK(collapsed.total.estimated == 2);
    std::string group;
    for (const auto& hit : collapsed.hits)
        if (hit.id != "other") group = hit.version_group;
    REQUIRE_FALSE(group.empty());
    CHECK(searcher.search({.query = "", .version_group = group}).hits.size() == 5);
}

TEST_CASE("a parallel build groups versions beside its merge, as a regrouping of the merged index would",
          "[versions][index]") {
    // Stories of their own words, each with a reprint and a teaser, and
    // repeated short texts; written in lanes with merges on the way, so that
    // the last merge joins an index that has articles with new lanes.
    std::vector<libsearch::Article> articles;
    for (int story = 0; story < 30; ++story) {
        std::string text;
        for (int w = 0; w < 160; ++w)
            text += "w" + std::to_string((story * 7919 + w * 104729 + w * w * 31) % 5003) + " ";
        const std::string s = std::to_string(story);
        articles.push_back(article("full-" + s, "Story " + s, text));
        articles.push_back(article("reprint-" + s, "Story " + s, edited(text, 20)));
        articles.push_back(article("teaser-" + s, "Story " + s, first_words(text, 60)));
        articles.push_back(article("brief-" + s, "Brief", "Talks resume " + std::to_string(story % 5) + "."));
    }
    TempDir dir;
    libsearch::VersionGrouping parallel, direct;
    {
        libsearch::IndexWriter writer({.path = dir / "parallel", .writers = 2, .merge_every = 50});
        for (const auto& a : articles) writer.add(a);
        parallel = writer.group_versions();
    }
    {
        libsearch::IndexWriter writer({.path = dir / "direct"});
        for (const auto& a : articles) writer.add(a);
        direct = writer.group_versions();
    }
    CHECK(parallel.groups == 35);  // 30 stories, 5 briefs
    CHECK(parallel.articles == 120);
    CHECK(parallel.groups == direct.groups);
    CHECK(parallel.articles == direct.articles);
    CHECK(parallel.written == direct.written);
    // Every key went to its own article: grouping the merged index again
    // changes nothing.
    libsearch::IndexWriter again({.path = dir / "parallel"});
    const auto regrouped = again.group_versions();
    CHECK(regrouped.groups == parallel.groups);
    CHECK(regrouped.written == 0);

    libsearch::Searcher searcher(dir / "parallel");
    const auto collapsed = searcher.search({.query = "", .limit = 100, .collapse_versions = true});
    CHECK(collapsed.hits.size() == 35);
}
