#pragma once
// Readability's cleanConditionally: inside the selected content, remove the
// tables, lists and divs that look like furniture (link lists, galleries,
// forms, ad slots) rather than article text.

#include "ingest/html/content_steps.hpp"

namespace libsearch::ingest::html {

/// Clean the tables, lists and divs of the subtree at `root` (itself
/// included), innermost first. Linear in the size of the subtree.
void clean_conditionally(ContentTree& tree, NodeId root, const ContentFlags& flags);

}  // namespace libsearch::ingest::html
