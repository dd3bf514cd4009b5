#pragma once
// Telling page furniture from article content by markup alone: tags that
// never hold article text, hidden elements, and class/id/role hints.

#include <string_view>

#include "ingest/html/dom.hpp"

namespace libsearch::ingest::html {

/// Elements whose content is never article text (script, style, nav, form
/// controls, iframe, svg, ...).
bool is_never_content(GumboTag tag) noexcept;

/// Page structure that is furniture unless it holds the article (site
/// header, footer, aside, form).
bool is_structural_furniture(GumboTag tag) noexcept;

/// Hidden from readers: the hidden attribute, aria-hidden, display:none,
/// visibility:hidden, or a screen-reader-only class.
bool is_hidden(const Document& document, NodeId id);

/// A class/id/role that names furniture: comments, share and social
/// widgets, related articles, navigation, ads, cookie banners, sidebars.
bool is_unlikely_candidate(const Document& document, NodeId id);

/// Readability-style weight of the class and id: -25 for each that names
/// furniture, +25 for each that names content ("article", "story", "body").
int class_weight(const Document& document, NodeId id);

/// A share / social-media widget (by class or id).
bool is_share_widget(const Document& document, NodeId id);

/// A figure, its caption or credit, or a photo gallery.
bool is_media_caption(const Document& document, NodeId id);

/// An author line: rel=author, itemprop author, or a byline/author class.
bool is_byline(const Document& document, NodeId id);

}  // namespace libsearch::ingest::html
