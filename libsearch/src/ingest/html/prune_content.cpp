// Step 3 of main-text extraction: remove the furniture left inside the
// selected content (Readability's prepArticle and cleanConditionally).

#include "ingest/html/boilerplate.hpp"
#include "ingest/html/clean_conditionally.hpp"
#include "ingest/html/content_steps.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr double kShareWidgetMaxChars = 500;

class Pruner {
  public:
    Pruner(ContentTree& tree, const ContentFlags& flags) : tree_(tree), document_(tree.document()), flags_(flags) {}

    void run(const std::vector<NodeId>& roots) {
        for (const NodeId root : roots) remove_inside(root, [&](NodeId id) { return is_always_pruned(id); });
        if (flags_.weight_classes)
            for (const NodeId root : roots) remove_inside(root, [&](NodeId id) { return is_furniture_heading(id); });
        if (!flags_.clean_conditionally) return;
        for (const NodeId root : roots)
            if (!tree_.removed(root)) clean_conditionally(tree_, root, flags_);
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

    ContentTree& tree_;
    const Document& document_;
    const ContentFlags& flags_;
};

}  // namespace

void prune_content(ContentTree& tree, const std::vector<NodeId>& roots, const ContentFlags& flags) {
    Pruner(tree, flags).run(roots);
}

}  // namespace libsearch::ingest::html
