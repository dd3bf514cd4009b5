#pragma once
// The steps of main-text extraction (after Mozilla Readability): strip the
// furniture, score the containers of paragraphs, take the best with the
// siblings that belong with it, prune what is left of furniture inside,
// and render paragraphs.

#include <string>
#include <vector>

#include "ingest/html/content_tree.hpp"

namespace libsearch::ingest::html {

/// What an attempt may rely on; a later attempt relaxes them when the first
/// one found too little text.
struct ContentFlags {
    bool strip_unlikely = true;       ///< remove elements whose class/id names furniture
    bool weight_classes = true;       ///< let class/id names raise or lower scores
    bool clean_conditionally = true;  ///< prune link lists, image galleries, forms inside the content
};

/// Remove what is never article text: scripts, forms controls, hidden
/// elements, navigation and site header/footer, and (by flag) elements
/// whose class or id names furniture.
void strip_furniture(ContentTree& tree, const ContentFlags& flags);

/// The element holding the article and the siblings that belong with it, in
/// document order. Empty when the page has no text at all.
std::vector<NodeId> select_content(const ContentTree& tree, const ContentFlags& flags);

/// Remove furniture left inside the selected content: share widgets, link
/// lists, galleries, forms, headings marked as furniture.
void prune_content(ContentTree& tree, const std::vector<NodeId>& roots, const ContentFlags& flags);

/// The text of the selected content as paragraphs (headings and list items
/// are paragraphs of their own), white space collapsed.
std::vector<std::string> render_paragraphs(const ContentTree& tree, const std::vector<NodeId>& roots);

}  // namespace libsearch::ingest::html
