// extract_html() and read_html(): an HTML page to an Article.

#include <exception>

#include "ingest/html/charset.hpp"
#include "ingest/html/dom.hpp"
#include "ingest/html/html_metadata.hpp"
#include "ingest/html/main_text.hpp"
#include "ingest/html/page_metadata.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest/html.hpp"

namespace libsearch {

namespace {

using namespace ingest::html;

// Larger pages are cut: no article needs more, and work stays bounded.
constexpr std::size_t kMaxPageBytes = 16 * 1024 * 1024;

std::string page_url(std::string_view given, const PageMetadata& metadata) {
    if (!given.empty()) return std::string(ingest::trim(given));
    if (!metadata.canonical.empty()) return metadata.canonical;
    return std::string(metadata.get("og:url"));
}

void extract_into(std::string_view bytes, std::string_view url, HtmlExtraction& out) {
    const std::string html = ingest::to_utf8(bytes.substr(0, kMaxPageBytes), {}, &out.charset);
    const Document document = Document::parse(html);
    const PageMetadata metadata = read_page_metadata(document);
    Article& article = out.article;

    TitleChoice title = choose_title(document, metadata);
    article.title = std::move(title.title);
    out.title_origin = std::move(title.origin);
    out.site_name = std::move(title.site_name);

    MainText text = extract_main_text(document, article.title);
    article.body = std::move(text.body);
    article.url = page_url(url, metadata);
    DateChoice date = choose_date(document, metadata, article.url, text.lead);
    if (date.date) {
        article.date = date.date;
        article.date_source = DateSource::article;
        out.date_origin = std::move(date.origin);
    }
    article.categories = choose_categories(document, metadata, article.url, article.title);
    article.author = choose_author(document, metadata);
    article.language = choose_language(metadata);
}

}  // namespace

HtmlExtraction extract_html(std::string_view bytes, std::string_view url) {
    HtmlExtraction out;
    try {
        extract_into(bytes, url, out);
    } catch (const std::exception&) {
        out.article.body.clear();  // out of memory or a bug: an unusable page
    } catch (...) {
        out.article.body.clear();
    }
    return out;
}

ReadResult read_html(std::string_view bytes, std::string_view source, std::string_view url) {
    ReadResult result;
    HtmlExtraction extraction = extract_html(bytes, url);
    if (extraction.article.body.empty()) {
        result.skipped.push_back({std::string(source), 0, "HTML page has no article text"});
        return result;
    }
    extraction.article.source = source;
    result.articles.push_back(std::move(extraction.article));
    return result;
}

}  // namespace libsearch
