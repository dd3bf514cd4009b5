// Step 1 of main-text extraction: remove what is never article text.

#include "ingest/html/boilerplate.hpp"
#include "ingest/html/content_steps.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr double kBylineMaxChars = 100;
// A <form> stays when it holds this share of the page's text.
constexpr double kHoldsArticleShare = 0.5;

bool is_invisible(const Document& document, NodeId id) {
    return is_never_content(document[id].tag) || is_hidden(document, id);
}

bool is_furniture(const ContentTree& tree, NodeId id, double page_chars, const ContentFlags& flags) {
    const Document& document = tree.document();
    const GumboTag tag = document[id].tag;
    // A <form> around the whole page (ASP.NET) holds the article too.
    const bool holds_article = tag == GUMBO_TAG_FORM && tree.chars(id) >= kHoldsArticleShare * page_chars;
    if (is_structural_furniture(tag) && !holds_article) return true;
    if (flags.strip_unlikely && is_unlikely_candidate(document, id)) return true;
    return tree.chars(id) < kBylineMaxChars && is_byline(document, id) && tag != GUMBO_TAG_BODY;
}

template <typename Predicate>
void remove_where(ContentTree& tree, Predicate&& predicate) {
    const Document& document = tree.document();
    for (NodeId id = 1; id < document.size();) {
        if (document.is_element(id) && predicate(id)) {
            tree.remove(id);
            id = tree.skip_subtree(id, document.size());
        } else {
            id = tree.next(id, document.size());
        }
    }
}

}  // namespace

void strip_furniture(ContentTree& tree, const ContentFlags& flags) {
    const Document& document = tree.document();
    remove_where(tree, [&](NodeId id) { return is_invisible(document, id); });
    const NodeId body = document.find(GUMBO_TAG_BODY);
    const double page_chars = tree.chars(body == kNoNode ? Document::root() : body);
    remove_where(tree, [&](NodeId id) { return is_furniture(tree, id, page_chars, flags); });
}

}  // namespace libsearch::ingest::html
