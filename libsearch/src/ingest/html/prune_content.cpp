// Step 3 of main-text extraction: remove the furniture left inside the
// selected content (Readability's prepArticle and cleanConditionally).

#include <algorithm>
#include <cmath>
#include <string>

#include "ingest/html/boilerplate.hpp"
#include "ingest/html/content_steps.hpp"
#include "ingest/html/paragraph_shape.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr double kShareWidgetMaxChars = 500;
constexpr double kListLinkDensity = 0.5;  // a list of links (related articles, navigation)

// What cleanConditionally weighs, counted over a subtree.
struct Counts {
    double paragraphs = 0;
    double images = 0;
    double list_items = 0;
    double inputs = 0;
    double heading_chars = 0;
    double list_chars = 0;
    bool textish = false;  // some paragraph-like element holds text
    bool data_table = false;
};

bool is_textish(GumboTag tag) {
    return tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TD || is_div_block(tag);
}

bool is_heading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// Readability's data-table test: tables that hold data, not layout.
bool is_data_table(const ContentTree& tree, NodeId table) {
    const Document& document = tree.document();
    if (ascii_lower(document.attribute(table, "role")) == "presentation") return false;
    if (document.attribute(table, "datatable") == "0") return false;
    if (!document.attribute(table, "summary").empty()) return true;
    std::size_t rows = 0, columns = 0, cells_in_row = 0;
    const NodeId end = document[table].end;
    for (NodeId id = table + 1; id < end; id = tree.next(id, end)) {
        const GumboTag tag = document[id].is_text ? GUMBO_TAG_UNKNOWN : document[id].tag;
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TH)
            return true;
        if (tag == GUMBO_TAG_TABLE) return false;
        if (tag == GUMBO_TAG_TR) {
            ++rows;
            cells_in_row = 0;
        }
        if (tag == GUMBO_TAG_TD) columns = std::max(columns, ++cells_in_row);
    }
    return rows >= 10 || columns > 4 || rows * columns > 10;
}

class Pruner {
  public:
    Pruner(ContentTree& tree, const ContentFlags& flags) : tree_(tree), document_(tree.document()), flags_(flags) {}

    void run(const std::vector<NodeId>& roots) {
        for (const NodeId root : roots) remove_inside(root, [&](NodeId id) { return is_always_pruned(id); });
        if (flags_.weight_classes)
            for (const NodeId root : roots) remove_inside(root, [&](NodeId id) { return is_furniture_heading(id); });
        if (!flags_.clean_conditionally) return;
        const ParagraphShape shape(tree_);
        for (const NodeId root : roots) clean_conditionally(root, shape);
    }

  private:
    template <typename Predicate>
    void remove_inside(NodeId root, Predicate&& predicate) {
        const NodeId end = document_[root].end;
        for (NodeId id = tree_.next(root, end); id < end;) {
            if (document_.is_element(id) && predicate(id)) {
                tree_.remove(id);
                id = tree_.skip_subtree(id, end);
            } else {
                id = tree_.next(id, end);
            }
        }
    }

    bool is_always_pruned(NodeId id) const {
        const GumboTag tag = document_[id].tag;
        if (tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_FIELDSET)
            return true;
        if (is_media_caption(document_, id)) return true;
        return tree_.chars(id) < kShareWidgetMaxChars && is_share_widget(document_, id);
    }

    bool is_furniture_heading(NodeId id) const {
        const GumboTag tag = document_[id].tag;
        return (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) && class_weight(document_, id) < 0;
    }

    void clean_conditionally(NodeId root, const ParagraphShape& shape);
    Counts count(NodeId id, const ParagraphShape& shape) const;
    bool should_remove(NodeId id, const ParagraphShape& shape) const;
    bool inside_kept_table(NodeId id) const;
    bool has_ancestor(NodeId id, GumboTag tag) const;

    ContentTree& tree_;
    const Document& document_;
    const ContentFlags& flags_;
};

Counts Pruner::count(NodeId root, const ParagraphShape& shape) const {
    Counts counts;
    const NodeId end = document_[root].end;
    for (NodeId id = tree_.next(root, end); id < end; id = tree_.next(id, end)) {
        if (document_[id].is_text) continue;
        const GumboTag tag = document_[id].tag;
        const double chars = tree_.chars(id);
        if (tag == GUMBO_TAG_P || shape.is_paragraph_div(id)) counts.paragraphs += 1;
        if (tag == GUMBO_TAG_DIV && !shape.is_paragraph_div(id))
            counts.paragraphs += static_cast<double>(shape.inline_runs(id).size());
        if (tag == GUMBO_TAG_IMG) counts.images += 1;
        if (tag == GUMBO_TAG_LI) counts.list_items += 1;
        if (tag == GUMBO_TAG_INPUT) counts.inputs += 1;
        if (is_heading(tag)) counts.heading_chars += chars;
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) counts.list_chars += chars;
        if (is_textish(tag) && chars > 1) counts.textish = true;
        if (tag == GUMBO_TAG_TABLE && is_data_table(tree_, id)) counts.data_table = true;
    }
    if (document_[root].tag == GUMBO_TAG_DIV && !shape.inline_runs(root).empty()) counts.textish = true;
    return counts;
}

bool Pruner::has_ancestor(NodeId id, GumboTag tag) const {
    for (NodeId up = document_[id].parent; up != kNoNode && up != Document::root(); up = document_[up].parent)
        if (document_[up].tag == tag) return true;
    return false;
}

bool Pruner::inside_kept_table(NodeId id) const {
    for (NodeId up = document_[id].parent; up != kNoNode && up != Document::root(); up = document_[up].parent) {
        if (document_[up].tag == GUMBO_TAG_CODE) return true;
        if (document_[up].tag == GUMBO_TAG_TABLE && is_data_table(tree_, up)) return true;
    }
    return false;
}

bool is_ad_or_loading_text(const std::string& text) {
    static constexpr std::string_view kWords[] = {
        "ad", "advertising", "advertisement", "pub", "publicité", "werbung", "anuncio", "loading", "loading...",
        "loading…", "chargement", "cargando", "广告", "реклама", "正在加载", "загрузка"};
    const std::string lower = ascii_lower(text);
    return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool Pruner::should_remove(NodeId id, const ParagraphShape& shape) const {
    const GumboTag tag = document_[id].tag;
    if (tag == GUMBO_TAG_TABLE && is_data_table(tree_, id)) return false;
    if (inside_kept_table(id)) return false;
    const Counts counts = count(id, shape);
    if (counts.data_table) return false;
    const double chars = tree_.chars(id);
    bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || (chars > 0 && counts.list_chars / chars > 0.9);
    const int weight = flags_.weight_classes ? class_weight(document_, id) : 0;
    if (weight < 0) return true;
    if (tree_.stats(id).commas >= 10) return false;
    if (chars < 40 && is_ad_or_loading_text(tree_.text(id))) return true;
    const double density = tree_.link_density(id);
    const double heading_density = chars > 0 ? counts.heading_chars / chars : 0;
    const bool in_figure = has_ancestor(id, GUMBO_TAG_FIGURE);
    const bool remove =
        (!in_figure && counts.images > 1 && counts.paragraphs / counts.images < 0.5) ||
        (!is_list && counts.list_items - 100 > counts.paragraphs) || counts.inputs > std::floor(counts.paragraphs / 3) ||
        (!is_list && heading_density < 0.9 && chars < 25 && (counts.images == 0 || counts.images > 2) && density > 0) ||
        (!is_list && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5) ||
        (is_list && density > kListLinkDensity) ||
        (counts.images == 0 && !counts.textish);
    return remove;
}

// Innermost first, as removing an element changes its ancestors' counts.
void Pruner::clean_conditionally(NodeId root, const ParagraphShape& shape) {
    std::vector<NodeId> targets;
    const NodeId end = document_[root].end;
    for (NodeId id = root; id < end; id = tree_.next(id, end)) {
        const GumboTag tag = document_[id].tag;
        if (document_.is_element(id) && (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_DIV))
            targets.push_back(id);
    }
    for (auto it = targets.rbegin(); it != targets.rend(); ++it)
        if (!tree_.removed(*it) && should_remove(*it, shape)) tree_.remove(*it);
}

}  // namespace

void prune_content(ContentTree& tree, const std::vector<NodeId>& roots, const ContentFlags& flags) {
    Pruner(tree, flags).run(roots);
}

}  // namespace libsearch::ingest::html
