// Step 2 of main-text extraction: score the containers of paragraphs and take
// the best, with the siblings that belong with it (Readability's grabArticle).

#include <algorithm>
#include <cmath>

#include "ingest/html/boilerplate.hpp"
#include "ingest/html/content_steps.hpp"
#include "ingest/html/paragraph_shape.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr double kMinParagraphChars = 25;
constexpr std::size_t kScoredAncestors = 5;
constexpr std::size_t kTopCandidates = 5;
constexpr std::size_t kMinAlternativeCandidates = 3;
constexpr double kBodyShare = 0.5;

bool is_scored_tag(GumboTag tag) {
    return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_SECTION ||
           (tag >= GUMBO_TAG_H2 && tag <= GUMBO_TAG_H6);
}

int tag_score(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_DIV:
            return 5;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
            return 3;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM:
            return -3;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TH:
            return -5;
        default:
            return 0;
    }
}

class Scorer {
  public:
    Scorer(const ContentTree& tree, const ContentFlags& flags)
        : tree_(tree),
          document_(tree.document()),
          flags_(flags),
          score_(document_.size(), 0.0),
          scored_(document_.size(), 0),
          transparent_(document_.size(), 0),
          paragraph_(document_.size(), 0),
          shape_(tree) {}

    std::vector<NodeId> run() {
        score_paragraphs();
        NodeId top = pick_top();
        if (top == kNoNode) return {};
        return with_siblings(top);
    }

  private:
    // One paragraph's score, spread over its ancestors from `first`.
    void add_paragraph(NodeId first, const TextStats& text) {
        if (text.chars < kMinParagraphChars) return;
        const double content_score = 1 + text.commas + std::min(std::floor(text.chars / 100), 3.0);
        std::size_t level = 0;
        for (NodeId up = first; up != kNoNode && level < kScoredAncestors; up = document_[up].parent) {
            if (transparent_[up]) continue;
            if (up == Document::root() || document_[up].tag == GUMBO_TAG_HTML) break;
            initialize(up);
            const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : static_cast<double>(level) * 3.0;
            score_[up] += content_score / divider;
            ++level;
        }
    }

    void initialize(NodeId id) {
        if (scored_[id]) return;
        scored_[id] = 1;
        candidates_.push_back(id);
        score_[id] = tag_score(document_[id].tag) + (flags_.weight_classes ? class_weight(document_, id) : 0);
    }

    void score_div(NodeId id) {
        if (shape_.is_paragraph_div(id)) {
            paragraph_[id] = 1;
            add_paragraph(document_[id].parent, tree_.stats(id));
        } else if (shape_.is_single_p_div(id)) {
            transparent_[id] = 1;  // the <p> inside is scored as a paragraph of the div's parent
            paragraph_[id] = 1;
        } else {
            for (const TextStats& run : shape_.inline_runs(id)) add_paragraph(id, run);
        }
    }

    void score_paragraphs() {
        for (NodeId id = 1; id < document_.size(); id = tree_.next(id, document_.size())) {
            if (document_[id].is_text) continue;
            const GumboTag tag = document_[id].tag;
            if (tag == GUMBO_TAG_DIV) {
                score_div(id);
            } else if (is_scored_tag(tag)) {
                if (tag == GUMBO_TAG_P) paragraph_[id] = 1;
                add_paragraph(document_[id].parent, tree_.stats(id));
            }
        }
    }

    // Readability's /\.( |$)/: a sentence ends in the text.
    bool ends_sentence(NodeId id) const {
        const std::string text = tree_.text(id);
        for (std::size_t pos = text.find('.'); pos != std::string::npos; pos = text.find('.', pos + 1))
            if (pos + 1 == text.size() || text[pos + 1] == ' ') return true;
        return false;
    }

    // The <article> element a node is or lies in, or kNoNode.
    NodeId enclosing_article(NodeId id) const {
        for (NodeId up = id; up != kNoNode && up != Document::root(); up = document_[up].parent)
            if (document_[up].tag == GUMBO_TAG_ARTICLE) return up;
        return kNoNode;
    }

    NodeId pick_top();
    NodeId alternative_ancestor(NodeId top, const std::vector<NodeId>& ranked) const;
    NodeId climb(NodeId top) const;
    std::vector<NodeId> with_siblings(NodeId top) const;

    const ContentTree& tree_;
    const Document& document_;
    const ContentFlags& flags_;
    std::vector<double> score_;
    std::vector<std::uint8_t> scored_, transparent_, paragraph_;
    ParagraphShape shape_;
    std::vector<NodeId> candidates_;
};

NodeId Scorer::pick_top() {
    for (const NodeId id : candidates_) score_[id] *= 1.0 - tree_.link_density(id);
    std::vector<NodeId> ranked = candidates_;
    std::stable_sort(ranked.begin(), ranked.end(), [&](NodeId a, NodeId b) { return score_[a] > score_[b]; });
    if (ranked.size() > kTopCandidates) ranked.resize(kTopCandidates);
    const NodeId body = document_.find(GUMBO_TAG_BODY);
    // The body wins when content is spread over it; a container with a good
    // share of its score is the article, the rest other stories.
    if (ranked.size() > 1 && ranked.front() == body && score_[ranked[1]] >= kBodyShare * score_[body])
        ranked.erase(ranked.begin());
    if (ranked.empty() || ranked.front() == body) return body == kNoNode || tree_.removed(body) ? kNoNode : body;
    const NodeId top = alternative_ancestor(ranked.front(), ranked);
    initialize(top);
    return climb(top);
}

// When several strong candidates share an ancestor, the article is split
// across them: take the ancestor.
NodeId Scorer::alternative_ancestor(NodeId top, const std::vector<NodeId>& ranked) const {
    // Separate <article> elements are separate compositions (HTML5), not parts of one.
    if (score_[top] <= 0) return top;
    const NodeId top_article = enclosing_article(top);
    std::vector<NodeId> alternatives;
    for (std::size_t i = 1; i < ranked.size(); ++i) {
        if (score_[ranked[i]] / score_[top] < 0.75) continue;
        if (enclosing_article(ranked[i]) != top_article) continue;
        alternatives.push_back(ranked[i]);
    }
    if (alternatives.size() < kMinAlternativeCandidates) return top;
    for (NodeId up = document_[top].parent; up != kNoNode && document_[up].tag != GUMBO_TAG_BODY;
         up = document_[up].parent) {
        const auto inside = std::count_if(alternatives.begin(), alternatives.end(),
                                          [&](NodeId alternative) { return document_.is_ancestor(up, alternative); });
        if (static_cast<std::size_t>(inside) >= kMinAlternativeCandidates) return up;
    }
    return top;
}

// A parent that scores better than the top candidate holds more of the article.
NodeId Scorer::climb(NodeId top) const {
    double last = score_[top];
    const double threshold = last / 3;
    for (NodeId up = document_[top].parent; up != kNoNode && document_[up].tag != GUMBO_TAG_BODY &&
                                            document_[up].tag != GUMBO_TAG_HTML && up != Document::root();
         up = document_[up].parent) {
        if (!scored_[up]) continue;
        if (score_[up] < threshold) break;
        if (score_[up] > last) {
            top = up;
            break;
        }
        last = score_[up];
    }
    // An only child says no more than its parent.
    while (true) {
        const NodeId parent = document_[top].parent;
        if (parent == kNoNode || document_[parent].tag == GUMBO_TAG_BODY || parent == Document::root()) break;
        const auto children = tree_.children(parent);
        const auto elements =
            std::count_if(children.begin(), children.end(), [&](NodeId c) { return !document_[c].is_text; });
        if (elements != 1) break;
        top = parent;
    }
    return top;
}

std::vector<NodeId> Scorer::with_siblings(NodeId top) const {
    const NodeId parent = document_[top].parent;
    if (parent == kNoNode || document_[top].tag == GUMBO_TAG_BODY) return {top};
    const double threshold = std::max(10.0, score_[top] * 0.2);
    const std::string_view top_class = document_.attribute(top, "class");
    std::vector<NodeId> selected;
    for (const NodeId sibling : tree_.children(parent)) {
        if (document_[sibling].is_text) continue;
        if (sibling == top) {
            selected.push_back(sibling);
            continue;
        }
        const double bonus =
            !top_class.empty() && document_.attribute(sibling, "class") == top_class ? score_[top] * 0.2 : 0.0;
        if (scored_[sibling] && score_[sibling] + bonus >= threshold) {
            selected.push_back(sibling);
        } else if (paragraph_[sibling] || document_[sibling].tag == GUMBO_TAG_P) {
            const double chars = tree_.chars(sibling), density = tree_.link_density(sibling);
            if ((chars > 80 && density < 0.25) || (chars > 0 && chars <= 80 && density == 0 && ends_sentence(sibling)))
                selected.push_back(sibling);
        }
    }
    return selected;
}

}  // namespace

std::vector<NodeId> select_content(const ContentTree& tree, const ContentFlags& flags) {
    return Scorer(tree, flags).run();
}

}  // namespace libsearch::ingest::html
