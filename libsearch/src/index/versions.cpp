#include "index/versions.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include "analysis/normalize.hpp"
#include "core/fnv1a.hpp"
#include "libsearch/schema.hpp"
#include "search/text_words.hpp"

namespace libsearch::index {

namespace {

// FNV-1a's low bits are weak; sampling by them would favour some shingles.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

void add_samples(std::string_view text, std::deque<std::string>& window, std::vector<std::uint64_t>& samples,
                 std::unordered_set<std::uint64_t>& seen) {
    const std::string normalized = analysis::normalize_spelling(text);
    for (auto& word : search::text_words(normalized)) {
        window.push_back(std::move(word.key));
        if (window.size() > kShingleWords) window.pop_front();
        if (window.size() < kShingleWords) continue;
        Fnv1a hash;
        for (const auto& w : window) {
            hash.add(w);
            hash.add(' ');
        }
        // 48 bits: what the term spells; collisions stay negligible.
        const std::uint64_t h = mix(hash.value()) & 0xffffffffffffULL;
        if (h % kSampleEvery != 0 || !seen.insert(h).second) continue;
        samples.push_back(h);
        if (samples.size() == kMaxSamples) return;
    }
}

}  // namespace

std::vector<std::uint64_t> version_samples(std::string_view title, std::string_view body) {
    std::vector<std::uint64_t> samples;
    std::unordered_set<std::uint64_t> seen;
    std::deque<std::string> window;
    // The body alone, so that a reprint under a new headline still matches;
    // the title stands in for a body too short to carry a shingle.
    add_samples(body, window, samples, seen);
    if (samples.empty() && window.size() < kShingleWords) {
        window.clear();
        add_samples(std::string(title) + "\n" + std::string(body), window, samples, seen);
    }
    if (samples.size() < kMinSamples) samples.clear();
    return samples;
}

std::string pack_version_samples(const std::vector<std::uint64_t>& samples) {
    std::string out;
    out.reserve(samples.size() * 8);
    for (std::uint64_t s : samples)
        for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((s >> shift) & 0xff));
    return out;
}

std::vector<std::uint64_t> unpack_version_samples(std::string_view packed) {
    std::vector<std::uint64_t> out;
    out.reserve(packed.size() / 8);
    for (std::size_t i = 0; i + 8 <= packed.size(); i += 8) {
        std::uint64_t s = 0;
        for (std::size_t j = 0; j < 8; ++j) s = (s << 8) | static_cast<unsigned char>(packed[i + j]);
        out.push_back(s);
    }
    return out;
}

SampleOverlap overlap(std::vector<std::uint64_t> a, std::vector<std::uint64_t> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return overlap_sorted(a, b);
}

SampleOverlap overlap_sorted(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    SampleOverlap o;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) ++o.shared, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    o.smaller = std::min(a.size(), b.size());
    o.combined = a.size() + b.size() - o.shared;
    return o;
}

bool same_story(const SampleOverlap& o) {
    if (o.smaller < kMinSamples) return false;
    return o.resemblance() >= kMinResemblance || o.containment() >= kMinContainment;
}

}  // namespace libsearch::index
