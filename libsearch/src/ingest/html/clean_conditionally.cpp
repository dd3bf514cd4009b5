#include "ingest/html/clean_conditionally.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ingest/html/boilerplate.hpp"
#include "ingest/html/paragraph_shape.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr double kListLinkDensity = 0.5;  // a list of links (related articles, navigation)
constexpr double kManyCommas = 10;        // prose: kept whatever else it holds
constexpr double kShortText = 25;

// What cleanConditionally weighs, summed over a subtree.
struct Counts {
    double paragraphs = 0;
    double images = 0;
    double list_items = 0;
    double inputs = 0;
    double heading_chars = 0;
    double list_chars = 0;
    double textish = 0;  // paragraph-like elements that hold text
    double data_tables = 0;

    Counts& operator+=(const Counts& other) {
        paragraphs += other.paragraphs, images += other.images, list_items += other.list_items;
        inputs += other.inputs, heading_chars += other.heading_chars, list_chars += other.list_chars;
        textish += other.textish, data_tables += other.data_tables;
        return *this;
    }
    Counts& operator-=(const Counts& other) {
        paragraphs -= other.paragraphs, images -= other.images, list_items -= other.list_items;
        inputs -= other.inputs, heading_chars -= other.heading_chars, list_chars -= other.list_chars;
        textish -= other.textish, data_tables -= other.data_tables;
        return *this;
    }
};

bool is_textish(GumboTag tag) {
    return tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TD || is_div_block(tag);
}

bool is_heading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

bool is_target(GumboTag tag) { return tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_DIV; }

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
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_TFOOT ||
            tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TH)
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

bool is_ad_or_loading_text(const std::string& text) {
    static constexpr std::string_view kWords[] = {
        "ad",         "advertising", "advertisement", "pub",      "publicité", "werbung", "anuncio",  "loading",
        "loading...", "loading…",    "chargement",    "cargando", "广告",      "реклама", "正在加载", "загрузка"};
    const std::string lower = ascii_lower(text);
    return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

class Cleaner {
  public:
    Cleaner(ContentTree& tree, NodeId root, const ContentFlags& flags)
        : tree_(tree),
          document_(tree.document()),
          root_(root),
          end_(document_[root].end),
          flags_(flags),
          shape_(tree),
          own_(end_ - root),
          total_(end_ - root),
          data_table_(end_ - root, 0),
          kept_(end_ - root, 0),
          in_figure_(end_ - root, 0) {}

    void run() {
        mark_context();
        count_all();
        std::vector<NodeId> targets;
        for (NodeId id = root_; id < end_; id = tree_.next(id, end_))
            if (document_.is_element(id) && is_target(document_[id].tag)) targets.push_back(id);
        for (auto it = targets.rbegin(); it != targets.rend(); ++it)
            if (!tree_.removed(*it) && should_remove(*it)) remove(*it);
    }

  private:
    std::size_t at(NodeId id) const { return id - root_; }

    // Top down: inside a data table or <code> (kept), inside a <figure>.
    void mark_context() {
        for (NodeId up = document_[root_].parent; up != kNoNode && up != Document::root(); up = document_[up].parent) {
            const GumboTag tag = document_[up].tag;
            if (tag == GUMBO_TAG_CODE || (tag == GUMBO_TAG_TABLE && is_data_table(tree_, up))) kept_[0] = 1;
            if (tag == GUMBO_TAG_FIGURE) in_figure_[0] = 1;
        }
        for (NodeId id = root_; id < end_; id = tree_.next(id, end_)) {
            if (document_[id].is_text) continue;
            const GumboTag tag = document_[id].tag;
            if (tag == GUMBO_TAG_TABLE) data_table_[at(id)] = is_data_table(tree_, id);
            const NodeId parent = document_[id].parent;
            if (id == root_ || parent == kNoNode) continue;
            const GumboTag parent_tag = document_[parent].tag;
            kept_[at(id)] = kept_[at(parent)] || parent_tag == GUMBO_TAG_CODE || data_table_[at(parent)];
            in_figure_[at(id)] = in_figure_[at(parent)] || parent_tag == GUMBO_TAG_FIGURE;
        }
    }

    Counts own_counts(NodeId id) const {
        Counts own;
        const GumboTag tag = document_[id].tag;
        const double chars = tree_.chars(id);
        if (tag == GUMBO_TAG_P) own.paragraphs = 1;
        if (tag == GUMBO_TAG_DIV)
            own.paragraphs = shape_.is_paragraph_div(id) ? 1 : static_cast<double>(shape_.inline_runs(id).size());
        own.images = tag == GUMBO_TAG_IMG;
        own.list_items = tag == GUMBO_TAG_LI;
        own.inputs = tag == GUMBO_TAG_INPUT;
        if (is_heading(tag)) own.heading_chars = chars;
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) own.list_chars = chars;
        own.textish = is_textish(tag) && chars > 1;
        own.data_tables = data_table_[at(id)];
        return own;
    }

    // Bottom up: each element's own counts, and its subtree's.
    void count_all() {
        for (NodeId id = end_; id-- > root_;) {
            if (tree_.removed(id) || document_[id].is_text) continue;
            own_[at(id)] = own_counts(id);
            total_[at(id)] += own_[at(id)];
            if (id != root_) total_[at(document_[id].parent)] += total_[at(id)];
        }
    }

    void remove(NodeId id) {
        for (NodeId up = document_[id].parent; up != kNoNode && up >= root_; up = document_[up].parent) {
            total_[at(up)] -= total_[at(id)];
            if (up == root_) break;
        }
        tree_.remove(id);
    }

    bool should_remove(NodeId id) const;

    ContentTree& tree_;
    const Document& document_;
    const NodeId root_, end_;
    const ContentFlags& flags_;
    const ParagraphShape shape_;
    std::vector<Counts> own_, total_;
    std::vector<std::uint8_t> data_table_, kept_, in_figure_;
};

bool Cleaner::should_remove(NodeId id) const {
    const GumboTag tag = document_[id].tag;
    if (data_table_[at(id)] || kept_[at(id)]) return false;
    Counts inside = total_[at(id)];  // of the descendants, as Readability counts
    inside -= own_[at(id)];
    if (inside.data_tables > 0) return false;
    const int weight = flags_.weight_classes ? class_weight(document_, id) : 0;
    if (weight < 0) return true;
    if (tree_.stats(id).commas >= kManyCommas) return false;
    const double chars = tree_.chars(id);
    if (chars < 40 && is_ad_or_loading_text(tree_.text(id))) return true;
    const bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || (chars > 0 && inside.list_chars / chars > 0.9);
    const double density = tree_.link_density(id);
    const double heading_density = chars > 0 ? inside.heading_chars / chars : 0;
    const bool gallery = !in_figure_[at(id)] && inside.images > 1 && inside.paragraphs / inside.images < 0.5;
    const bool list_like = !is_list && inside.list_items - 100 > inside.paragraphs;
    const bool form_like = inside.inputs > std::floor(inside.paragraphs / 3);
    const bool short_link = !is_list && heading_density < 0.9 && chars < kShortText &&
                            (inside.images == 0 || inside.images > 2) && density > 0;
    const bool link_heavy = (!is_list && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5) ||
                            (is_list && density > kListLinkDensity);
    const bool empty =
        inside.images == 0 && inside.textish == 0 && !(own_[at(id)].paragraphs > 0 && tag == GUMBO_TAG_DIV);
    return gallery || list_like || form_like || short_link || link_heavy || empty;
}

}  // namespace

void clean_conditionally(ContentTree& tree, NodeId root, const ContentFlags& flags) {
    Cleaner(tree, root, flags).run();
}

}  // namespace libsearch::ingest::html
