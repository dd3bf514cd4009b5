#include "ingest/html/content_tree.hpp"

#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

bool is_space_byte(unsigned char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a comma at text[i] (ASCII, Arabic, ideographic, full-width, ...), or 0.
std::size_t comma_at(std::string_view text, std::size_t i) noexcept {
    if (text[i] == ',') return 1;
    static constexpr std::string_view kCommas[] = {"\xD8\x8C",     "\xEF\xB9\x90", "\xEF\xB8\x90",
                                                   "\xEF\xB8\x91", "\xE2\xB9\x81", "\xE2\xB8\xB4",
                                                   "\xE2\xB8\xB2", "\xEF\xBC\x8C", "\xE3\x80\x81"};
    for (const std::string_view comma : kCommas)
        if (text.substr(i, comma.size()) == comma) return comma.size();
    return 0;
}

}  // namespace

TextStats measure_text(std::string_view text) noexcept {
    TextStats stats;
    bool in_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
        if (is_space_byte(c) || nbsp) {
            if (!in_space) stats.chars += 1;
            in_space = true;
            i += nbsp ? 1 : 0;
            continue;
        }
        in_space = false;
        if ((c & 0xC0) != 0x80) stats.chars += 1;
        if (c == ',' || c >= 0xD8) {
            if (const std::size_t n = comma_at(text, i)) {
                stats.commas += 1;
                i += n - 1;
            }
        }
    }
    return stats;
}

ContentTree::ContentTree(const Document& document)
    : document_(document), removed_(document.size(), 0), stats_(document.size()) {
    recompute();
}

void ContentTree::recompute() {
    for (auto& stats : stats_) stats = {};
    for (NodeId id = document_.size(); id-- > 1;) {
        if (removed_[id]) continue;
        const Node& node = document_[id];
        TextStats& stats = stats_[id];
        if (node.is_text) {
            stats = measure_text(node.text);
        } else if (node.tag == GUMBO_TAG_A) {
            const bool in_page = document_.attribute(id, "href").starts_with('#');
            stats.link_chars = stats.chars * (in_page ? 0.3 : 1.0);
        }
        TextStats& parent = stats_[node.parent];
        parent.chars += stats.chars;
        parent.link_chars += stats.link_chars;
        parent.commas += stats.commas;
    }
}

void ContentTree::remove(NodeId id) {
    if (removed_[id]) return;
    const TextStats gone = stats_[id];
    for (NodeId i = id; i < document_[id].end; ++i) removed_[i] = 1;
    for (NodeId up = document_[id].parent; up != kNoNode; up = document_[up].parent) {
        stats_[up].chars -= gone.chars;
        stats_[up].link_chars -= gone.link_chars;
        stats_[up].commas -= gone.commas;
    }
}

double ContentTree::link_density(NodeId id) const noexcept {
    const TextStats& stats = stats_[id];
    return stats.chars > 0 ? stats.link_chars / stats.chars : 0.0;
}

NodeId ContentTree::skip_subtree(NodeId id, NodeId end) const noexcept {
    NodeId next = document_[id].end;
    while (next < end && removed_[next]) next = document_[next].end;
    return next;
}

NodeId ContentTree::next(NodeId id, NodeId end) const noexcept {
    NodeId next = id + 1;
    while (next < end && removed_[next]) next = document_[next].end;
    return next;
}

std::vector<NodeId> ContentTree::children(NodeId id) const {
    std::vector<NodeId> children;
    for (NodeId child = document_.first_child(id); child != kNoNode; child = document_.next_sibling(child))
        if (!removed_[child]) children.push_back(child);
    return children;
}

std::string ContentTree::text(NodeId id) const {
    std::string raw;
    const NodeId end = document_[id].end;
    for (NodeId i = id; i < end; i = next(i, end)) {
        if (document_[i].is_text) {
            raw += document_[i].text;
        } else if (is_block_tag(document_[i].tag)) {
            raw += ' ';
        }
    }
    return collapse_whitespace(raw);
}

std::size_t ContentTree::count_tag(NodeId id, GumboTag tag) const {
    std::size_t count = 0;
    const NodeId end = document_[id].end;
    for (NodeId i = id; i < end; i = next(i, end))
        if (!document_[i].is_text && document_[i].tag == tag) ++count;
    return count;
}

}  // namespace libsearch::ingest::html
