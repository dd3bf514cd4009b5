#include "ingest/text_page/interlude.hpp"

#include "ingest/text_page/furniture.hpp"
#include "ingest/text_page/line_shape.hpp"
#include "libsearch/ingest/dates.hpp"

namespace libsearch::ingest::text_page {

namespace {

constexpr std::size_t kStandfirstWords = 10;
constexpr std::size_t kMaxDateLineWords = 6;
constexpr std::size_t kMaxBylineSkip = 3;

// The units of an interlude, sorted by role candidates.
struct Lines {
    std::vector<std::size_t> candidates;  // neither furniture nor a date line
    std::vector<std::size_t> dates;
    std::optional<std::size_t> first_furniture, last_furniture;
};

Lines sort_lines(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
    Lines lines;
    for (std::size_t k = begin; k < end; ++k) {
        if (units[k].furniture) {
            if (!lines.first_furniture) lines.first_furniture = k;
            lines.last_furniture = k;
        } else if (word_count(units[k].text) <= kMaxDateLineWords && parse_date(units[k].text)) {
            lines.dates.push_back(k);
        } else {
            lines.candidates.push_back(k);
        }
    }
    return lines;
}

// The title's position in `lines` by the line after the widest gap, when
// that gap is wider than between paragraphs.
std::optional<std::size_t> title_by_gap(const std::vector<Unit>& units, const std::vector<std::size_t>& lines,
                                        const PageShape& shape, bool ignore_first_gap) {
    std::optional<std::size_t> best;
    std::size_t widest = shape.paragraph_gap + 1;
    for (std::size_t i = ignore_first_gap ? 1 : 0; i < lines.size(); ++i) {
        if (units[lines[i]].gap < widest) continue;
        widest = units[lines[i]].gap;
        best = i;  // the last of equally wide gaps: furniture tends to come first
    }
    return best;
}

// The title's position among `lines.candidates`. When neither a repeat nor
// the spacing tells, and furniture comes before candidates[after_furniture],
// it is the last short line from there (under a widget heading come its
// items, then the title); otherwise the first line that is not a byline.
std::size_t pick_title(const std::vector<Unit>& units, const Lines& lines, std::optional<std::size_t> after_furniture,
                       const PageShape& shape, bool opens_page) {
    const auto& candidates = lines.candidates;
    for (std::size_t i = 0; i + 1 < candidates.size(); ++i)
        if (repeats_title(units[candidates[i]].text, units[candidates[i + 1]].text)) return i;
    // On a page's first lines, the gap above the first one is only the page's top margin.
    const bool top_margin = opens_page && candidates.front() == 0;
    if (auto by_gap = title_by_gap(units, candidates, shape, top_margin)) return *by_gap;
    if (after_furniture) {
        std::size_t i = candidates.size() - 1;
        while (i > *after_furniture && word_count(units[candidates[i]].text) >= kStandfirstWords) --i;
        return i;
    }
    std::size_t i = 0;
    if (!opens_page)
        while (i + 1 < candidates.size() && i < kMaxBylineSkip &&
               is_byline_like(units[candidates[i]].text, /*strong=*/true))
            ++i;
    return i;
}

// Whether a furniture-free interlude between paragraphs starts a new article.
// On a page that spaces articles wider than paragraphs, lines at paragraph
// spacing (a crosshead, a short list) stay inside the article unless a line
// repeats the one before it, as a title does.
bool is_boundary(const std::vector<Unit>& units, const std::vector<std::size_t>& region, const PageShape& shape) {
    if (!shape.wider_gaps) return true;
    for (std::size_t i = 0; i < region.size(); ++i) {
        if (units[region[i]].gap > shape.paragraph_gap) return true;
        if (i > 0 && repeats_title(units[region[i - 1]].text, units[region[i]].text)) return true;
    }
    return false;
}

std::vector<std::size_t> byline_before(const std::vector<Unit>& units, const Lines& lines, std::size_t title) {
    std::vector<const Unit*> before;
    for (std::size_t k : lines.candidates) {
        if (k >= title || (lines.first_furniture && k > *lines.first_furniture)) break;
        before.push_back(&units[k]);
    }
    const std::size_t length = byline_length(before);
    return {lines.candidates.begin(), lines.candidates.begin() + static_cast<std::ptrdiff_t>(length)};
}

}  // namespace

Interlude read_interlude(const std::vector<Unit>& units, std::size_t begin, std::size_t end, const PageShape& shape,
                         bool opens_page) {
    const Lines lines = sort_lines(units, begin, end);
    Interlude out;
    // The first candidate after the last furniture, when there is one.
    std::optional<std::size_t> after_furniture;
    for (std::size_t i = 0; lines.last_furniture && i < lines.candidates.size() && !after_furniture; ++i)
        if (lines.candidates[i] > *lines.last_furniture) after_furniture = i;
    if (lines.candidates.empty() ||
        (!opens_page && !lines.last_furniture && !is_boundary(units, lines.candidates, shape))) {
        for (std::size_t k = begin; k < end; ++k)
            if (!units[k].furniture) out.inline_lines.push_back(k);
        return out;
    }
    const std::size_t t = pick_title(units, lines, after_furniture, shape, opens_page);
    out.title = lines.candidates[t];
    for (std::size_t i = t + 1; i < lines.candidates.size(); ++i)
        if (!same_text(units[*out.title].text, units[lines.candidates[i]].text))
            out.standfirst.push_back(lines.candidates[i]);
    out.date_lines = lines.dates;
    if (!opens_page) out.byline = byline_before(units, lines, *out.title);
    return out;
}

}  // namespace libsearch::ingest::text_page
