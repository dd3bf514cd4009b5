#pragma once
// A compact, read-only copy of an HTML document as gumbo parses it.
//
// Nodes are stored in document order (pre-order), so a node's subtree is the
// contiguous range [id, node.end): walks need neither recursion nor a stack,
// and aggregates are computed by one backward pass (children come after
// their parent).

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch::ingest::html {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = static_cast<NodeId>(-1);

struct Attribute {
    std::string name;  ///< lower case
    std::string value;
};

struct Node {
    GumboTag tag = GUMBO_TAG_UNKNOWN;  ///< GUMBO_TAG_UNKNOWN for text, the document and unknown elements
    bool is_text = false;
    NodeId parent = kNoNode;
    NodeId end = 0;    ///< one past the last node of the subtree
    std::string text;  ///< text nodes: the text (entities decoded); unknown elements: the tag name
    std::vector<Attribute> attributes;
};

class Document {
  public:
    /// Parse UTF-8 HTML (never fails: any input gives a tree), within
    /// MarkupLimits (deeper tags and excess attributes are dropped first).
    /// Comments are left out, and so is the content of script and style
    /// elements except JSON-LD.
    static Document parse(std::string_view html);

    NodeId size() const noexcept { return static_cast<NodeId>(nodes_.size()); }
    const Node& operator[](NodeId id) const { return nodes_[id]; }
    /// The document node (0): the parent of <html>.
    static constexpr NodeId root() noexcept { return 0; }

    /// The first child / next sibling, or kNoNode.
    NodeId first_child(NodeId id) const noexcept;
    NodeId next_sibling(NodeId id) const noexcept;
    bool is_element(NodeId id) const noexcept { return id != root() && !nodes_[id].is_text; }
    bool is_ancestor(NodeId ancestor, NodeId id) const noexcept { return ancestor < id && id < nodes_[ancestor].end; }

    /// An attribute's value ("" when absent); `name` in lower case.
    std::string_view attribute(NodeId id, std::string_view name) const noexcept;
    bool has_attribute(NodeId id, std::string_view name) const noexcept;
    /// The lower-case tag name ("div", "amp-img"); "" for text and the document.
    std::string_view tag_name(NodeId id) const noexcept;
    /// The class and id attributes, lower case, joined by a space.
    std::string class_and_id(NodeId id) const;

    /// All text of the subtree, white space collapsed, with a space between
    /// blocks (so "<p>a</p><p>b</p>" gives "a b").
    std::string text(NodeId id) const;

    /// The first element with this tag, in document order, from `from` on.
    NodeId find(GumboTag tag, NodeId from = 0) const noexcept;

  private:
    std::vector<Node> nodes_;
};

/// Text with its character references decoded as HTML does ("&#8216;Hi&#8217;
/// &amp; bye" -> "‘Hi’ & bye"); markup in it stays literal text. For values
/// that pages escape twice, as JSON-LD often is.
std::string decode_character_references(std::string_view text);

/// True for elements that start a new line of text (p, div, li, h1, br, ...).
bool is_block_tag(GumboTag tag) noexcept;

}  // namespace libsearch::ingest::html
