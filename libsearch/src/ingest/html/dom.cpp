#include "ingest/html/dom.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "ingest/html/markup_limits.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

struct OutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

const GumboVector* children_of(const GumboNode* node) {
    switch (node->type) {
        case GUMBO_NODE_DOCUMENT:
            return &node->v.document.children;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            return &node->v.element.children;
        default:
            return nullptr;
    }
}

// Script and style content is kept only for JSON-LD.
bool keeps_content(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_SCRIPT && element.tag != GUMBO_TAG_STYLE) return true;
    if (element.tag == GUMBO_TAG_STYLE) return false;
    const GumboAttribute* type = gumbo_get_attribute(&element.attributes, "type");
    return type && ascii_lower(trim(type->value)) == "application/ld+json";
}

Node element_node(const GumboElement& element) {
    Node node;
    node.tag = element.tag;
    // Elements inside <svg> are drawing, not document structure.
    if (element.tag_namespace == GUMBO_NAMESPACE_SVG && element.tag != GUMBO_TAG_SVG) node.tag = GUMBO_TAG_UNKNOWN;
    if (node.tag == GUMBO_TAG_UNKNOWN) {
        GumboStringPiece name = element.original_tag;
        gumbo_tag_from_original_text(&name);
        node.text = ascii_lower(std::string_view(name.data, name.length));
    }
    node.attributes.reserve(element.attributes.length);
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        node.attributes.push_back({ascii_lower(attribute->name), attribute->value});
    }
    return node;
}

}  // namespace

Document Document::parse(std::string_view html) {
    const std::optional<std::string> limited = limit_markup(html);
    if (limited) html = *limited;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // recording errors costs memory quadratic in the nesting depth
    const std::unique_ptr<GumboOutput, OutputDeleter> output(
        gumbo_parse_with_options(&options, html.data(), html.size()));

    Document document;
    std::vector<std::pair<const GumboNode*, NodeId>> stack{{output->document, kNoNode}};
    while (!stack.empty()) {
        const auto [gumbo_node, parent] = stack.back();
        stack.pop_back();
        Node node;
        bool descend = true;
        if (gumbo_node->type == GUMBO_NODE_ELEMENT || gumbo_node->type == GUMBO_NODE_TEMPLATE) {
            node = element_node(gumbo_node->v.element);
            descend = keeps_content(gumbo_node->v.element);
        } else if (gumbo_node->type == GUMBO_NODE_TEXT || gumbo_node->type == GUMBO_NODE_CDATA ||
                   gumbo_node->type == GUMBO_NODE_WHITESPACE) {
            node.is_text = true;
            node.text = gumbo_node->v.text.text;
        } else if (gumbo_node->type != GUMBO_NODE_DOCUMENT) {
            continue;  // comments
        }
        node.parent = parent;
        const auto id = static_cast<NodeId>(document.nodes_.size());
        document.nodes_.push_back(std::move(node));
        const GumboVector* children = descend ? children_of(gumbo_node) : nullptr;
        for (unsigned i = children ? children->length : 0; i-- > 0;)
            stack.emplace_back(static_cast<const GumboNode*>(children->data[i]), id);
    }
    // Subtree ends, children before parents.
    auto& nodes = document.nodes_;
    for (NodeId id = 0; id < nodes.size(); ++id) nodes[id].end = id + 1;
    for (NodeId id = static_cast<NodeId>(nodes.size()); id-- > 1;)
        nodes[nodes[id].parent].end = std::max(nodes[nodes[id].parent].end, nodes[id].end);
    return document;
}

NodeId Document::first_child(NodeId id) const noexcept { return id + 1 < nodes_[id].end ? id + 1 : kNoNode; }

NodeId Document::next_sibling(NodeId id) const noexcept {
    const NodeId parent = nodes_[id].parent;
    if (parent == kNoNode) return kNoNode;
    return nodes_[id].end < nodes_[parent].end ? nodes_[id].end : kNoNode;
}

std::string_view Document::attribute(NodeId id, std::string_view name) const noexcept {
    for (const auto& attribute : nodes_[id].attributes)
        if (attribute.name == name) return attribute.value;
    return {};
}

bool Document::has_attribute(NodeId id, std::string_view name) const noexcept {
    return std::any_of(nodes_[id].attributes.begin(), nodes_[id].attributes.end(),
                       [&](const Attribute& attribute) { return attribute.name == name; });
}

std::string_view Document::tag_name(NodeId id) const noexcept {
    const Node& node = nodes_[id];
    if (node.is_text || id == root()) return {};
    if (node.tag == GUMBO_TAG_UNKNOWN) return node.text;
    return gumbo_normalized_tagname(node.tag);
}

std::string Document::class_and_id(NodeId id) const {
    std::string both = ascii_lower(attribute(id, "class"));
    const std::string_view element_id = attribute(id, "id");
    if (!element_id.empty()) {
        both += ' ';
        both += ascii_lower(element_id);
    }
    return both;
}

std::string Document::text(NodeId id) const {
    std::string raw;
    for (NodeId i = id; i < nodes_[id].end; ++i) {
        const Node& node = nodes_[i];
        if (node.is_text) {
            raw += node.text;
        } else if (node.tag == GUMBO_TAG_SCRIPT || node.tag == GUMBO_TAG_STYLE || node.tag == GUMBO_TAG_TEMPLATE) {
            i = node.end - 1;
        } else if (is_block_tag(node.tag)) {
            raw += ' ';
        }
    }
    return collapse_whitespace(raw);
}

NodeId Document::find(GumboTag tag, NodeId from) const noexcept {
    for (NodeId id = from; id < nodes_.size(); ++id)
        if (!nodes_[id].is_text && nodes_[id].tag == tag && id != root()) return id;
    return kNoNode;
}

std::string decode_character_references(std::string_view text) {
    if (text.find('&') == std::string_view::npos) return std::string(text);
    // <title> holds escapable raw text: references are decoded, tags are not parsed.
    const Document document = Document::parse("<title>" + std::string(text) + "</title>");
    const NodeId title = document.find(GUMBO_TAG_TITLE);
    std::string decoded;
    if (title != kNoNode)
        for (NodeId id = title + 1; id < document[title].end; ++id)
            if (document[id].is_text) decoded += document[id].text;
    return decoded;
}

bool is_block_tag(GumboTag tag) noexcept {
    static constexpr GumboTag kBlocks[] = {
        GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BR,
        GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER,  GUMBO_TAG_DD,       GUMBO_TAG_DETAILS,    GUMBO_TAG_DIV,
        GUMBO_TAG_DL,      GUMBO_TAG_DT,      GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
        GUMBO_TAG_FOOTER,  GUMBO_TAG_FORM,    GUMBO_TAG_H1,       GUMBO_TAG_H2,         GUMBO_TAG_H3,
        GUMBO_TAG_H4,      GUMBO_TAG_H5,      GUMBO_TAG_H6,       GUMBO_TAG_HEADER,     GUMBO_TAG_HGROUP,
        GUMBO_TAG_HR,      GUMBO_TAG_LI,      GUMBO_TAG_MAIN,     GUMBO_TAG_MENU,       GUMBO_TAG_NAV,
        GUMBO_TAG_OL,      GUMBO_TAG_P,       GUMBO_TAG_PRE,      GUMBO_TAG_SECTION,    GUMBO_TAG_SUMMARY,
        GUMBO_TAG_TABLE,   GUMBO_TAG_TBODY,   GUMBO_TAG_TD,       GUMBO_TAG_TFOOT,      GUMBO_TAG_TH,
        GUMBO_TAG_THEAD,   GUMBO_TAG_TR,      GUMBO_TAG_UL,       GUMBO_TAG_BODY,       GUMBO_TAG_HTML,
        GUMBO_TAG_TITLE,   GUMBO_TAG_LEGEND};
    return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

}  // namespace libsearch::ingest::html
