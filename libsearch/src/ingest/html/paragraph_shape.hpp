#pragma once
// Which elements act as paragraphs once Readability's div rewriting is
// applied: a div holding only inline content is a paragraph, a div holding
// one <p> is that paragraph, and inline runs between the blocks of a div
// are paragraphs of their own.

#include <cstdint>
#include <vector>

#include "ingest/html/content_tree.hpp"

namespace libsearch::ingest::html {

/// Elements that end an inline run inside a div (Readability's DIV_TO_P_ELEMS).
bool is_div_block(GumboTag tag) noexcept;

class ParagraphShape {
  public:
    /// Shapes of the tree as it is now (later removals are not seen).
    explicit ParagraphShape(const ContentTree& tree);

    /// Inline content: text, or an element that is not a block and holds none.
    bool is_phrasing(NodeId id) const;
    /// A div with only inline content (and some text).
    bool is_paragraph_div(NodeId id) const;
    /// A div whose only content is one <p>, with few links: it stands for that <p>.
    bool is_single_p_div(NodeId id) const;
    /// Text of each inline run between the blocks of a div that also has blocks.
    std::vector<TextStats> inline_runs(NodeId div) const;

  private:
    const ContentTree& tree_;
    std::vector<std::uint8_t> has_block_;  // some descendant is a div block
};

}  // namespace libsearch::ingest::html
