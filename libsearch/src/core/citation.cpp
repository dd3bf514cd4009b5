#include "libsearch/citation.hpp"

#include "core/schema_terms.hpp"

namespace libsearch {

namespace {

// "Title." but not "Title?." : a sentence that already ends keeps its mark.
void add_sentence(std::string& text, const std::string& part) {
    if (part.empty()) return;
    if (!text.empty()) text += ' ';
    text += part;
    const char last = part.back();
    if (last != '.' && last != '?' && last != '!') text += '.';
}

}  // namespace

Citation cite(const Article& article) {
    Citation c;
    c.title = article.title;
    c.url = article.url;
    // Only a URL with an authority has a host: "javascript:alert(1)" names no site.
    if (article.url.find("://") != std::string::npos) c.site = schema_terms::host_of(article.url);
    if (c.site.rfind("www.", 0) == 0) c.site.erase(0, 4);
    c.date = article.date ? article.date->iso() : "n.d.";
    add_sentence(c.text, c.title);
    add_sentence(c.text, c.site.empty() ? c.date : c.site + ", " + c.date);
    add_sentence(c.text, c.url);
    return c;
}

std::string citation_with_access(const Citation& citation, const std::string& accessed) {
    std::string text = citation.text;
    add_sentence(text, "Accessed " + accessed);
    return text;
}

}  // namespace libsearch
