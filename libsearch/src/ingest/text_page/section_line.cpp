#include "ingest/text_page/section_line.hpp"

#include "ingest/text_page/line_shape.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::text_page {

namespace {

// Word limits of the two sides: looser around a spaced " : ", the form pages use.
struct SideLimits {
    std::size_t section_words;
    std::size_t category_words;
};
constexpr SideLimits kSpaced{4, 8};
constexpr SideLimits kBare{2, 3};

bool starts_with_letter(std::string_view text) {
    const auto c = static_cast<unsigned char>(text.front());
    return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool acceptable_side(std::string_view side, std::size_t max_words, std::size_t max_chars) {
    return !side.empty() && starts_with_letter(side) && word_count(side) <= max_words &&
           char_count(side) <= max_chars && sentence_end(side) == 0 && !ends_with_ellipsis(side);
}

}  // namespace

std::optional<std::string> section_category(const Unit& first, const Unit* next) {
    if (first.kind != UnitKind::line || (next && next->kind == UnitKind::prose)) return std::nullopt;
    const std::string_view text = first.text;
    std::size_t colon = text.find(" : ");
    std::size_t separator = 3;
    SideLimits limits = kSpaced;
    if (colon == std::string_view::npos) {
        colon = text.find(':');
        separator = 1;
        limits = kBare;
    }
    if (colon == std::string_view::npos) return std::nullopt;
    const auto section = trim(text.substr(0, colon));
    const auto category = trim(text.substr(colon + separator));
    if (!acceptable_side(section, limits.section_words, 40) || !acceptable_side(category, limits.category_words, 80))
        return std::nullopt;
    return std::string(category);
}

}  // namespace libsearch::ingest::text_page
