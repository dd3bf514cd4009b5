#include "ingest/html/paragraph_shape.hpp"

#include <algorithm>

namespace libsearch::ingest::html {

bool is_div_block(GumboTag tag) noexcept {
    return tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_IMG ||
           tag == GUMBO_TAG_OL || tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TABLE ||
           tag == GUMBO_TAG_UL;
}

ParagraphShape::ParagraphShape(const ContentTree& tree) : tree_(tree), has_block_(tree.document().size(), 0) {
    const Document& document = tree.document();
    for (NodeId id = document.size(); id-- > 1;) {
        if (tree.removed(id) || document[id].is_text) continue;
        if (has_block_[id] || is_div_block(document[id].tag)) has_block_[document[id].parent] = 1;
    }
}

bool ParagraphShape::is_phrasing(NodeId id) const {
    const Document& document = tree_.document();
    if (document[id].is_text) return true;
    const GumboTag tag = document[id].tag;
    return !is_block_tag(tag) && !is_div_block(tag) && !has_block_[id];
}

bool ParagraphShape::is_paragraph_div(NodeId id) const {
    const Document& document = tree_.document();
    if (document[id].is_text || document[id].tag != GUMBO_TAG_DIV || tree_.chars(id) <= 1) return false;
    const auto children = tree_.children(id);
    return std::all_of(children.begin(), children.end(), [&](NodeId child) { return is_phrasing(child); });
}

bool ParagraphShape::is_single_p_div(NodeId id) const {
    const Document& document = tree_.document();
    if (document[id].is_text || document[id].tag != GUMBO_TAG_DIV) return false;
    std::size_t elements = 0;
    bool is_p = false;
    for (const NodeId child : tree_.children(id)) {
        if (document[child].is_text) {
            if (tree_.chars(child) > 1) return false;
            continue;
        }
        ++elements;
        is_p = document[child].tag == GUMBO_TAG_P;
    }
    return elements == 1 && is_p && tree_.link_density(id) < 0.25;
}

std::vector<TextStats> ParagraphShape::inline_runs(NodeId div) const {
    std::vector<TextStats> runs;
    TextStats run;
    const auto flush = [&] {
        if (run.chars > 1) runs.push_back(run);
        run = {};
    };
    for (const NodeId child : tree_.children(div)) {
        if (!is_phrasing(child)) {
            flush();
            continue;
        }
        const TextStats& stats = tree_.stats(child);
        run.chars += stats.chars;
        run.link_chars += stats.link_chars;
        run.commas += stats.commas;
    }
    flush();
    return runs;
}

}  // namespace libsearch::ingest::html
