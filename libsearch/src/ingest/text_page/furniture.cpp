#include "ingest/text_page/furniture.hpp"

#include "ingest/text_page/line_shape.hpp"

namespace libsearch::ingest::text_page {

namespace {

constexpr std::size_t kMaxBylineLines = 3;
constexpr std::size_t kMaxHeadingWords = 8;

bool is_heading_shaped(const Unit& unit) {
    return unit.kind == UnitKind::line && word_count(unit.text) <= kMaxHeadingWords;
}

bool followed_by_prose(const std::vector<Unit>& units, std::size_t i) {
    return i + 1 < units.size() && units[i + 1].kind == UnitKind::prose;
}

// Rule 1. Teasers kept inside an article become ordinary paragraphs.
void mark_teasers(std::vector<Unit>& units) {
    for (std::size_t i = 0; i < units.size();) {
        if (units[i].kind != UnitKind::ellipsis) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < units.size() && units[end].kind == UnitKind::ellipsis) ++end;
        // A single paragraph-long line cut off right after text is that text's end, not a teaser.
        if (end - i == 1 && i > 0 && units[i - 1].kind == UnitKind::prose && is_paragraph_length(units[i].text)) {
            units[i++].kind = UnitKind::prose;
            continue;
        }
        const bool lone_in_text = end - i == 1 && followed_by_prose(units, i) && !has_widget_word(units[i].text);
        for (std::size_t k = i; k < end; ++k) {
            units[k].furniture = !lone_in_text;
            if (lone_in_text) units[k].kind = UnitKind::prose;
        }
        i = end;
    }
}

// The posts shown under a widget heading at `heading`: lines that read like
// posts (links, hashtags), or, under a heading naming a network ("Latest
// tweet"), one or two paragraphs followed by furniture or nothing. None when
// article text goes on after them.
std::size_t widget_posts(const std::vector<Unit>& units, std::size_t heading) {
    constexpr std::size_t kMaxPlainPosts = 2;
    std::size_t end = heading + 1;
    while (end < units.size() && looks_like_social_post(units[end].text)) ++end;
    if (end == heading + 1 && names_social_network(units[heading].text)) {
        std::size_t k = end;
        while (k < units.size() && k - end < kMaxPlainPosts && units[k].kind == UnitKind::prose) ++k;
        const bool closed = k == units.size() || units[k].furniture || is_widget_heading(units[k].text);
        if (closed) end = k;
    }
    if (end > heading + 1 && followed_by_prose(units, end - 1)) return 0;
    return end - heading - 1;
}

// Rule 2. A widget heading right under another (a row of share buttons) is
// furniture even when text follows.
void mark_widget_headings(std::vector<Unit>& units) {
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (units[i].kind != UnitKind::line || !is_widget_heading(units[i].text)) continue;
        const std::size_t posts = widget_posts(units, i);
        const bool in_row = i > 0 && units[i - 1].furniture && is_widget_heading(units[i - 1].text);
        if (posts > 0 || in_row || !followed_by_prose(units, i))
            for (std::size_t k = i; k <= i + posts; ++k) units[k].furniture = true;
    }
}

// Rule 3: from the start of each furniture run, upwards.
void mark_headings_above(std::vector<Unit>& units) {
    for (std::size_t i = units.size(); i-- > 1;) {
        if (!units[i].furniture || units[i - 1].furniture) continue;
        std::size_t after = i;
        bool buttons_only = true;
        for (; after < units.size() && units[after].furniture; ++after)
            buttons_only = buttons_only && units[after].kind == UnitKind::line && is_widget_heading(units[after].text);
        // A row of widget words (share buttons under a title) or furniture
        // leading straight into text heads nothing.
        if (buttons_only || (after < units.size() && units[after].kind == UnitKind::prose)) continue;
        std::size_t top = i;  // the run now starts at units[top]
        bool nearest = true;
        while (top > 0 && is_heading_shaped(units[top - 1]) && !units[top - 1].furniture &&
               !is_byline_like(units[top - 1].text, /*strong=*/nearest)) {
            units[--top].furniture = true;
            nearest = false;
        }
        i = top;
    }
}

// Rule 4.
void mark_tail(std::vector<Unit>& units) {
    std::size_t last_prose = units.size();
    for (std::size_t i = units.size(); i-- > 0;)
        if (units[i].kind == UnitKind::prose && !units[i].furniture) {
            last_prose = i;
            break;
        }
    if (last_prose == units.size()) {
        for (auto& unit : units) unit.furniture = true;
        return;
    }
    std::vector<const Unit*> after;
    for (std::size_t i = last_prose + 1; i < units.size() && !units[i].furniture; ++i) after.push_back(&units[i]);
    for (std::size_t i = last_prose + 1 + byline_length(after); i < units.size(); ++i) units[i].furniture = true;
}

}  // namespace

std::size_t byline_length(const std::vector<const Unit*>& lines) {
    std::size_t count = 0;
    while (count < lines.size() && count < kMaxBylineLines && lines[count]->kind == UnitKind::line &&
           is_byline_like(lines[count]->text))
        ++count;
    if (count > 0 && count < lines.size()) --count;
    return count;
}

void mark_furniture(std::vector<Unit>& units) {
    mark_teasers(units);
    mark_widget_headings(units);
    mark_headings_above(units);
    mark_tail(units);
}

}  // namespace libsearch::ingest::text_page
