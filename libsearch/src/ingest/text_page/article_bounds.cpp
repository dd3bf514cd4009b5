#include "ingest/text_page/article_bounds.hpp"

#include <array>

#include "ingest/text_page/interlude.hpp"

namespace libsearch::ingest::text_page {

namespace {

bool is_text(const Unit& unit) { return unit.kind == UnitKind::prose && !unit.furniture; }

ArticleUnits open_article(Interlude&& head) {
    ArticleUnits article;
    article.title = head.title;
    article.body = std::move(head.standfirst);
    article.date_lines = std::move(head.date_lines);
    // Before the first paragraph of the page there is nothing to continue:
    // lines that open no article belong to the first one.
    article.body.insert(article.body.begin(), head.inline_lines.begin(), head.inline_lines.end());
    return article;
}

}  // namespace

PageShape page_shape(const std::vector<Unit>& units) {
    std::array<std::size_t, 8> counts{};
    bool any = false;
    for (std::size_t i = 1; i < units.size(); ++i)
        if (is_text(units[i]) && is_text(units[i - 1]) && units[i].gap < counts.size()) {
            ++counts[units[i].gap];
            any = true;
        }
    PageShape shape;
    if (any)
        for (std::size_t gap = 0; gap < counts.size(); ++gap)
            if (counts[gap] > counts[shape.paragraph_gap]) shape.paragraph_gap = gap;
    for (std::size_t i = 1; i < units.size(); ++i)
        if (!units[i].furniture && units[i].kind == UnitKind::line && units[i].gap > shape.paragraph_gap)
            shape.wider_gaps = true;
    return shape;
}

std::vector<ArticleUnits> find_articles(const std::vector<Unit>& units) {
    const std::size_t n = units.size();
    std::size_t p = 0;
    while (p < n && !is_text(units[p])) ++p;
    if (p == n) return {};
    const PageShape shape = page_shape(units);
    std::vector<ArticleUnits> articles;
    ArticleUnits current = open_article(read_interlude(units, 0, p, shape, /*opens_page=*/true));
    for (;;) {
        while (p < n && is_text(units[p])) current.body.push_back(p++);
        std::size_t q = p;
        while (q < n && !is_text(units[q])) ++q;
        if (q == n) {
            for (std::size_t k = p; k < n; ++k)
                if (!units[k].furniture) current.byline.push_back(k);
            articles.push_back(std::move(current));
            return articles;
        }
        Interlude between = read_interlude(units, p, q, shape, /*opens_page=*/false);
        if (between.title) {
            current.byline.insert(current.byline.end(), between.byline.begin(), between.byline.end());
            articles.push_back(std::move(current));
            current = open_article(std::move(between));
        } else {
            current.body.insert(current.body.end(), between.inline_lines.begin(), between.inline_lines.end());
        }
        p = q;
    }
}

}  // namespace libsearch::ingest::text_page
