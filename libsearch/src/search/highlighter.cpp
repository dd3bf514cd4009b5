#include "search/highlighter.hpp"

#include "analysis/normalize.hpp"

namespace libsearch::search {

namespace {
constexpr const char* kOpen = "<mark>";
constexpr const char* kClose = "</mark>";
}  // namespace

// Text is normalised first so that its words meet the normalised query terms
// (it changes only Arabic-script spellings).
std::string Highlighter::whole(std::string_view text) const {
    const std::string normal = analysis::normalize_spelling(text);
    return mset_.snippet(normal, normal.size() + 1, stemmer_, 0, kOpen, kClose, "");
}

std::string Highlighter::passage(std::string_view text, std::size_t length) const {
    return mset_.snippet(analysis::normalize_spelling(text), length, stemmer_,
                         Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, kOpen, kClose,
                         "…");
}

std::string Highlighter::paragraphs(std::string_view text) const {
    std::string html;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view paragraph = text.substr(start, end - start);
        if (paragraph.find_first_not_of(" \t\n") != std::string_view::npos) {
            if (!html.empty()) html += '\n';
            html += "<p>" + whole(paragraph) + "</p>";
        }
        start = end + 2;
    }
    return html;
}

}  // namespace libsearch::search
