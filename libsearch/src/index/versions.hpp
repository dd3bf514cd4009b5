#pragma once
// Versions of one story: reprints with small edits, a teaser and its full
// article. Each article carries a sample of its word shingles, packed in
// schema::slot_version_samples; two articles are versions of one story when
// their samples mostly agree (see same_story). The sample is taken by the
// shingle's hash (one in kSampleEvery), so a shingle sampled in one article is
// sampled in every article that has it: a teaser's samples are a subset of its
// full article's, which lets containment be judged from the samples alone.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch::index {

inline constexpr std::size_t kShingleWords = 4;
inline constexpr std::uint64_t kSampleEvery = 6;
/// Only the first this many samples in text order are kept: a long article
/// is judged by its first ~400 words, where a teaser or a reprint's opening is.
inline constexpr std::size_t kMaxSamples = 48;

/// The samples that find the articles worth comparing (group_versions
/// compares two articles only when they share one): the first kLeadSamples
/// in text order (a teaser shares its article's opening) and one in
/// kCandidateEvery of the rest, chosen by hash so that texts sharing a
/// sample choose alike. The comparison itself uses every sample.
inline constexpr std::size_t kLeadSamples = 12;
inline constexpr std::uint64_t kCandidateEvery = 4;
inline bool is_candidate_sample(std::size_t position, std::uint64_t sample) {
    return position < kLeadSamples || (sample / kSampleEvery) % kCandidateEvery == 0;
}

/// The sampled shingle hashes of an article's text, in text order, without
/// repeats. Empty for texts too short to judge (fewer than kMinSamples
/// samples): those are versions only of the same text (the content hash).
std::vector<std::uint64_t> version_samples(std::string_view title, std::string_view body);

/// Samples packed for the value slot (8 bytes each, big-endian), and back.
std::string pack_version_samples(const std::vector<std::uint64_t>& samples);
std::vector<std::uint64_t> unpack_version_samples(std::string_view packed);

/// How two sample sets agree.
struct SampleOverlap {
    std::size_t shared = 0;
    std::size_t smaller = 0;  ///< size of the smaller set
    std::size_t combined = 0; ///< size of the union
    double resemblance() const { return combined ? double(shared) / double(combined) : 0.0; }
    double containment() const { return smaller ? double(shared) / double(smaller) : 0.0; }
};
SampleOverlap overlap(std::vector<std::uint64_t> a, std::vector<std::uint64_t> b);
/// The same for sets already sorted ascending.
SampleOverlap overlap_sorted(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

/// The rule: most of both texts shared (a reprint with edits), or nearly all
/// of the shorter one found in the longer (a teaser). Fewer samples than
/// kMinSamples are no evidence: short notices written to one template
/// ("Qtly div 15 cts vs 15 cts prior") share them by the template alone.
inline constexpr double kMinResemblance = 0.5;
inline constexpr double kMinContainment = 0.8;
inline constexpr std::size_t kMinSamples = 3;
bool same_story(const SampleOverlap& o);

}  // namespace libsearch::index
