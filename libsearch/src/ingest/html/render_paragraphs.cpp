// Step 4 of main-text extraction: the selected content as paragraphs.

#include <string>

#include "ingest/html/content_steps.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

// Line breaks (<br>, newlines in <pre>) are '\n' in the text gathered; other
// white space is a space. An empty line ends a paragraph.
class ParagraphWriter {
  public:
    void text(std::string_view text, bool preformatted) {
        for (const char c : text) {
            if (c == '\n' && preformatted) {
                current_ += '\n';
            } else {
                current_ += (c == '\n' || c == '\r' || c == '\t' || c == '\f') ? ' ' : c;
            }
        }
    }
    void line_break() { current_ += '\n'; }

    void end_paragraph() {
        std::string paragraph;
        for (const std::string_view line : split_lines(current_)) {
            std::string collapsed = collapse_whitespace(line);
            if (collapsed.empty()) {
                push(paragraph);
                continue;
            }
            if (!paragraph.empty()) paragraph += '\n';
            paragraph += collapsed;
        }
        push(paragraph);
        current_.clear();
    }

    std::vector<std::string> take() {
        end_paragraph();
        return std::move(paragraphs_);
    }

  private:
    void push(std::string& paragraph) {
        if (!paragraph.empty()) paragraphs_.push_back(std::move(paragraph));
        paragraph.clear();
    }

    std::string current_;
    std::vector<std::string> paragraphs_;
};

void render_subtree(const ContentTree& tree, NodeId root, ParagraphWriter& writer) {
    const Document& document = tree.document();
    struct Open {
        NodeId end;
        bool preformatted;
    };
    std::vector<Open> open;
    const auto close_until = [&](NodeId id) {
        while (!open.empty() && open.back().end <= id) {
            open.pop_back();
            writer.end_paragraph();
        }
    };
    const NodeId end = document[root].end;
    for (NodeId id = root; id < end; id = tree.next(id, end)) {
        close_until(id);
        const Node& node = document[id];
        if (node.is_text) {
            writer.text(node.text, !open.empty() && open.back().preformatted);
        } else if (node.tag == GUMBO_TAG_BR) {
            writer.line_break();
        } else if (is_block_tag(node.tag) || node.tag == GUMBO_TAG_PRE) {
            writer.end_paragraph();
            const bool preformatted = node.tag == GUMBO_TAG_PRE || (!open.empty() && open.back().preformatted);
            open.push_back({node.end, preformatted});
        }
    }
    close_until(document.size());
    writer.end_paragraph();
}

}  // namespace

std::vector<std::string> render_paragraphs(const ContentTree& tree, const std::vector<NodeId>& roots) {
    ParagraphWriter writer;
    for (const NodeId root : roots)
        if (!tree.removed(root)) render_subtree(tree, root, writer);
    return writer.take();
}

}  // namespace libsearch::ingest::html
