#include "ingest/text_page/page_units.hpp"

#include <algorithm>
#include <utility>

#include "ingest/text_page/line_shape.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::text_page {

namespace {

// Hard-wrapped text fills its lines to a similar width, below this.
constexpr std::size_t kMaxWrapWidth = 100;
constexpr std::size_t kMinWrapWidth = 40;

// Whether `line` continues into the next line of a block `width` wide.
bool continues(std::string_view line, std::size_t width) {
    return width >= kMinWrapWidth && width <= kMaxWrapWidth && char_count(line) * 10 >= width * 6 &&
           !ends_with_ellipsis(line);
}

// The units of a block of consecutive non-blank lines.
void add_block(const std::vector<std::string>& block, std::size_t gap, std::vector<Unit>& units) {
    std::size_t width = 0;
    for (const auto& line : block) width = std::max(width, char_count(line));
    bool joining = false;
    for (const auto& line : block) {
        if (joining) {
            units.back().text += ' ';
            units.back().text += line;
        } else {
            units.push_back({line, gap});
            gap = 0;
        }
        joining = block.size() > 1 && continues(line, width);
    }
}

}  // namespace

UnitKind classify(std::string_view text) {
    const std::size_t words = word_count(text), chars = char_count(text);
    if (ends_with_ellipsis(text)) return UnitKind::ellipsis;
    if (chars >= 160 || words >= 25 || is_list_item(text)) return UnitKind::prose;
    const char end = sentence_end(text);
    if ((end == '.' || end == ':' || end == ';') && words >= 4) return UnitKind::prose;
    // Headlines ask questions too: only a long one is taken for a paragraph.
    if ((end == '?' || end == '!') && words >= 20) return UnitKind::prose;
    return UnitKind::line;
}

std::vector<Unit> split_units(std::string_view text) {
    std::vector<Unit> units;
    std::vector<std::string> block;
    std::size_t blank = 0, block_gap = 0;
    for (const auto raw : split_lines(text)) {
        const auto line = trim(raw);
        if (!has_text(line)) {
            if (!block.empty()) add_block(block, block_gap, units);
            block.clear();
            ++blank;
            continue;
        }
        if (block.empty()) block_gap = std::exchange(blank, 0);
        block.push_back(collapse_whitespace(line));
    }
    if (!block.empty()) add_block(block, block_gap, units);
    for (auto& unit : units) unit.kind = classify(unit.text);
    return units;
}

}  // namespace libsearch::ingest::text_page
