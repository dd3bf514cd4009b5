#include "ingest/html/boilerplate.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

// Class and id fragments of furniture (after Readability's unlikelyCandidates).
constexpr std::string_view kUnlikely[] = {
    "-ad-",       "ad-break",     "agegate",    "ai2html",    "banner",   "breadcrumb", "combx",      "comment",
    "community",  "consent",      "cookie",     "cover-wrap", "disqus",   "extra",      "footer",     "gdpr",
    "header",     "legends",      "menu",       "newsletter", "outbrain", "pagination", "pager",      "popup",
    "related",    "remark",       "replies",    "rss",        "shoutbox", "sidebar",    "skyscraper", "social",
    "sponsor",    "supplemental", "taboola",    "yom-remote", "signup",   "sign-up",    "author-bio", "authorbio",
    "author-box", "about-author", "author-info"};
// Fragments that keep an element despite an unlikely one ("article-header").
constexpr std::string_view kMaybeContent[] = {"and",     "article", "body",    "column",
                                              "content", "main",    "mathjax", "shadow"};

constexpr std::string_view kNegative[] = {"-ad-",     "hidden",     "banner",  "combx",    "comment", "com-",
                                          "contact",  "footer",     "gdpr",    "masthead", "media",   "meta",
                                          "outbrain", "promo",      "related", "scroll",   "share",   "shoutbox",
                                          "sidebar",  "skyscraper", "sponsor", "shopping", "tags",    "widget"};
constexpr std::string_view kPositive[] = {"article", "body",       "content", "entry", "hentry", "h-entry", "main",
                                          "page",    "pagination", "post",    "text",  "blog",   "story"};

constexpr std::string_view kUnlikelyRoles[] = {"menu",  "menubar",     "complementary", "navigation",
                                               "alert", "alertdialog", "dialog"};
constexpr std::string_view kScreenReaderOnly[] = {"sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden"};
constexpr std::string_view kMedia[] = {"caption", "gallery", "slideshow", "carousel", "credit", "lightbox", "swiper"};
constexpr std::string_view kByline[] = {"byline", "author", "writtenby", "p-author"};

bool contains_any(std::string_view text, const auto& words) {
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

// "hid" as a whole class name (Readability's ^hid$| hid$| hid |^hid ).
bool has_hid_word(std::string_view text) {
    for (std::size_t pos = text.find("hid"); pos != std::string_view::npos; pos = text.find("hid", pos + 1)) {
        const bool starts = pos == 0 || text[pos - 1] == ' ';
        const bool ends = pos + 3 == text.size() || text[pos + 3] == ' ';
        if (starts && ends) return true;
    }
    return false;
}

int weight_of(std::string_view value) {
    if (value.empty()) return 0;
    const std::string lower = ascii_lower(value);
    int weight = 0;
    if (contains_any(lower, kNegative) || has_hid_word(lower)) weight -= 25;
    if (contains_any(lower, kPositive)) weight += 25;
    return weight;
}

bool has_ancestor(const Document& document, NodeId id, GumboTag tag) {
    for (NodeId up = document[id].parent; up != kNoNode; up = document[up].parent)
        if (document[up].tag == tag && document.is_element(up)) return true;
    return false;
}

}  // namespace

bool is_never_content(GumboTag tag) noexcept {
    static constexpr GumboTag kNever[] = {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
                                          GUMBO_TAG_IFRAME, GUMBO_TAG_SVG,      GUMBO_TAG_CANVAS,   GUMBO_TAG_OBJECT,
                                          GUMBO_TAG_EMBED,  GUMBO_TAG_APPLET,   GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT,
                                          GUMBO_TAG_INPUT,  GUMBO_TAG_TEXTAREA, GUMBO_TAG_OPTION,   GUMBO_TAG_HEAD,
                                          GUMBO_TAG_LINK,   GUMBO_TAG_META,     GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO,
                                          GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK,    GUMBO_TAG_MAP,      GUMBO_TAG_FRAMESET,
                                          GUMBO_TAG_FRAME,  GUMBO_TAG_TITLE};
    return std::find(std::begin(kNever), std::end(kNever), tag) != std::end(kNever);
}

bool is_structural_furniture(GumboTag tag) noexcept {
    return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER ||
           tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_MENU;
}

bool is_hidden(const Document& document, NodeId id) {
    if (document.has_attribute(id, "hidden")) return true;
    if (ascii_lower(trim(document.attribute(id, "aria-hidden"))) == "true" &&
        ascii_lower(document.attribute(id, "class")).find("fallback-image") == std::string::npos)
        return true;
    const std::string_view style_value = document.attribute(id, "style");
    if (!style_value.empty()) {
        std::string style = ascii_lower(style_value);
        std::erase_if(style, [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
        if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
            return true;
    }
    return contains_any(ascii_lower(document.attribute(id, "class")), kScreenReaderOnly);
}

bool is_unlikely_candidate(const Document& document, NodeId id) {
    const GumboTag tag = document[id].tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_ARTICLE ||
        tag == GUMBO_TAG_MAIN)
        return false;
    const std::string role = ascii_lower(trim(document.attribute(id, "role")));
    if (!role.empty() &&
        std::find(std::begin(kUnlikelyRoles), std::end(kUnlikelyRoles), role) != std::end(kUnlikelyRoles))
        return true;
    const std::string names = document.class_and_id(id);
    if (names.empty() || !contains_any(names, kUnlikely) || contains_any(names, kMaybeContent)) return false;
    return !has_ancestor(document, id, GUMBO_TAG_TABLE) && !has_ancestor(document, id, GUMBO_TAG_CODE);
}

int class_weight(const Document& document, NodeId id) {
    return weight_of(document.attribute(id, "class")) + weight_of(document.attribute(id, "id"));
}

bool is_share_widget(const Document& document, NodeId id) {
    const std::string names = document.class_and_id(id);
    return names.find("share") != std::string::npos || names.find("sharedaddy") != std::string::npos;
}

bool is_media_caption(const Document& document, NodeId id) {
    const GumboTag tag = document[id].tag;
    if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION) return true;
    return contains_any(document.class_and_id(id), kMedia);
}

bool is_byline(const Document& document, NodeId id) {
    for (const char* attribute : {"rel", "itemprop"})
        if (ascii_lower(document.attribute(id, attribute)).find("author") != std::string::npos) return true;
    return contains_any(document.class_and_id(id), kByline);
}

}  // namespace libsearch::ingest::html
