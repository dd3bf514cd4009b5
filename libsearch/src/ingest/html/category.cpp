// Categories: sections, breadcrumbs, or the URL path.

#include <algorithm>

#include "analysis/utf8.hpp"
#include "ingest/html/html_metadata.hpp"
#include "ingest/html/text_cleanup.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

constexpr std::size_t kMaxCategoryBytes = 60;
constexpr std::size_t kMaxBreadcrumbLinks = 10;

// Breadcrumb entries that name no section.
constexpr std::string_view kHomeWords[] = {"home",    "homepage", "home page", "start", "startseite",
                                           "accueil", "inicio",   "главная",   "首页"};
// URL path segments that name no section.
constexpr std::string_view kPlainSegments[] = {"news",  "article", "articles", "story", "stories", "post",
                                               "posts", "amp",     "www",      "index", "content", "view",
                                               "id",    "p",       "a",        "s",     "blog",    "blogs",
                                               "item",  "detail",  "details",  "page",  "html"};

bool is_home(std::string_view name) {
    const std::string lower = utf8::lower(trim(name));
    return std::find(std::begin(kHomeWords), std::end(kHomeWords), lower) != std::end(kHomeWords);
}

// <nav>, <ol>, <ul> or <div> whose class or id says "breadcrumb": its link texts.
std::vector<std::string> html_breadcrumbs(const Document& document) {
    for (NodeId id = 1; id < document.size(); ++id) {
        if (!document.is_element(id) || document.class_and_id(id).find("breadcrumb") == std::string::npos) continue;
        std::vector<std::string> names;
        for (NodeId link = id; link < document[id].end; ++link) {
            if (!document.is_element(link) || document[link].tag != GUMBO_TAG_A) continue;
            names.push_back(document.text(link));
            if (names.size() > kMaxBreadcrumbLinks) return {};
        }
        if (!names.empty()) return names;
        id = document[id].end - 1;  // its descendants say no more
    }
    return {};
}

bool is_plain_segment(std::string_view segment) {
    const std::string lower = ascii_lower(segment);
    if (std::find(std::begin(kPlainSegments), std::end(kPlainSegments), lower) != std::end(kPlainSegments)) return true;
    if (lower.size() <= 2 || (lower.size() == 5 && (lower[2] == '-' || lower[2] == '_'))) return true;  // "en", "en-us"
    if (std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    if (lower.find('.') != std::string::npos || lower.find('?') != std::string::npos) return true;
    return std::count(lower.begin(), lower.end(), '-') >= 3;  // a slug
}

// The first path segment that names a section; never the last one (the article's slug).
std::string url_category(std::string_view url) {
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
    if (start == std::string_view::npos) return {};
    std::string_view path = url.substr(start);
    path = path.substr(0, std::min(path.find('?'), path.find('#')));
    std::vector<std::string_view> segments;
    for (std::size_t pos = 0; pos < path.size();) {
        const std::size_t end = std::min(path.find('/', pos), path.size());
        if (end > pos) segments.push_back(path.substr(pos, end - pos));
        pos = end + 1;
    }
    if (segments.size() < 2) return {};
    segments.pop_back();
    for (const std::string_view segment : segments) {
        if (is_plain_segment(segment)) continue;
        std::string name(segment);
        std::replace(name.begin(), name.end(), '-', ' ');
        std::replace(name.begin(), name.end(), '_', ' ');
        return name;
    }
    return {};
}

class CategoryList {
  public:
    explicit CategoryList(std::string_view title) : title_(title) {}
    void add(std::string_view name) {
        std::string clean = collapse_whitespace(name);
        if (clean.empty() || clean.size() > kMaxCategoryBytes || is_home(clean)) return;
        if (!title_.empty() && same_title(title_, clean)) return;  // the article itself
        const std::string key = utf8::lower(clean);
        for (const auto& existing : list_)
            if (utf8::lower(existing) == key) return;
        list_.push_back(std::move(clean));
    }
    std::vector<std::string> take() { return std::move(list_); }

  private:
    std::string_view title_;
    std::vector<std::string> list_;
};

}  // namespace

std::vector<std::string> choose_categories(const Document& document, const PageMetadata& metadata, std::string_view url,
                                           std::string_view title) {
    CategoryList categories(title);
    for (const auto& [name, value] : metadata.meta)
        if (name == "article:section") categories.add(value);
    for (const auto& section : metadata.json_ld.sections) categories.add(section);
    std::vector<std::string> crumbs = metadata.json_ld.breadcrumbs;
    if (crumbs.empty()) crumbs = html_breadcrumbs(document);
    const std::string site = utf8::lower(metadata.get("og:site_name"));
    for (auto it = crumbs.rbegin(); it != crumbs.rend(); ++it)
        if (utf8::lower(*it) != site) categories.add(*it);
    auto list = categories.take();
    if (list.empty()) {
        std::string from_url = url_category(url);
        if (!from_url.empty()) list.push_back(std::move(from_url));
    }
    return list;
}

}  // namespace libsearch::ingest::html
