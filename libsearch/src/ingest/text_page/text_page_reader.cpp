// read_text_page(): a plain-text archive page into its articles.
//
// The page is cut into units (page_units), its section line read
// (section_line), its furniture marked (furniture), its articles delimited
// (article_bounds, interlude); this file turns each delimited article into an
// Article.

#include "analysis/utf8.hpp"
#include "ingest/text_page/article_bounds.hpp"
#include "ingest/text_page/furniture.hpp"
#include "ingest/text_page/line_shape.hpp"
#include "ingest/text_page/page_units.hpp"
#include "ingest/text_page/section_line.hpp"
#include "libsearch/ingest/dates.hpp"
#include "libsearch/ingest/text_page.hpp"

namespace libsearch {

namespace {

using ingest::text_page::ArticleUnits;
using ingest::text_page::Unit;
using ingest::text_page::UnitKind;

// A dateline ("PARIS, 12 March 2014 -") sits in the first few words.
constexpr std::size_t kDatelineWindow = 80;

std::string join(const std::vector<Unit>& units, const std::vector<std::size_t>& picks, std::string_view separator,
                 bool as_byline = false) {
    std::string out;
    for (std::size_t k : picks) {
        if (!out.empty()) out += separator;
        out += as_byline ? ingest::text_page::byline_text(units[k].text) : std::string_view(units[k].text);
    }
    return out;
}

// A date line next to the title, else a dateline opening the body (looked
// for up to the first paragraph, past any standfirst lines).
std::optional<Date> article_date(const std::vector<Unit>& units, const ArticleUnits& parts) {
    for (std::size_t k : parts.date_lines)
        if (auto date = parse_date(units[k].text)) return date;
    for (std::size_t k : parts.body) {
        if (auto date = find_date_in_text(units[k].text, kDatelineWindow)) return date;
        if (units[k].kind == UnitKind::prose) break;
    }
    return std::nullopt;
}

Article make_article(const std::vector<Unit>& units, const ArticleUnits& parts, const std::string& category,
                     std::string_view source) {
    Article article;
    if (parts.title) article.title = units[*parts.title].text;
    article.body = join(units, parts.body, "\n\n");
    article.author = join(units, parts.byline, ", ", /*as_byline=*/true);
    if (!category.empty()) article.categories.push_back(category);
    article.date = article_date(units, parts);
    article.date_source = article.date ? DateSource::article : DateSource::none;
    article.source = std::string(source);
    return article;
}

std::string_view without_bom(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text;
}

}  // namespace

ReadResult read_text_page(std::string_view text, std::string_view source) {
    ReadResult result;
    std::vector<Unit> units = ingest::text_page::split_units(utf8::sanitize(without_bom(text)));
    if (units.empty()) {
        result.skipped.push_back({std::string(source), 0, "text page is empty"});
        return result;
    }
    std::string category;
    if (auto named = ingest::text_page::section_category(units[0], units.size() > 1 ? &units[1] : nullptr)) {
        category = std::move(*named);
        units.erase(units.begin());
    }
    ingest::text_page::mark_furniture(units);
    for (const auto& parts : ingest::text_page::find_articles(units))
        result.articles.push_back(make_article(units, parts, category, source));
    if (result.articles.empty())
        result.skipped.push_back(
            {std::string(source), 0, "text page has no article text, only headings, headline lists or site furniture"});
    return result;
}

}  // namespace libsearch
