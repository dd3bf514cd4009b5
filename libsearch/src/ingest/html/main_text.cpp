#include "ingest/html/main_text.hpp"

#include <array>

#include "ingest/html/content_steps.hpp"
#include "ingest/html/text_cleanup.hpp"

namespace libsearch::ingest::html {

namespace {

// Fewer characters than this and the next, more lenient attempt is tried
// (trafilatura's minimum extracted size; Readability's 500 lets comments win
// over a short article).
constexpr std::size_t kEnoughChars = 250;
constexpr std::size_t kLeadBytes = 400;
constexpr std::size_t kMinArticleBytes = 25;

std::vector<std::string> attempt(const Document& document, const ContentFlags& flags) {
    ContentTree tree(document);
    strip_furniture(tree, flags);
    const std::vector<NodeId> roots = select_content(tree, flags);
    prune_content(tree, roots, flags);
    return render_paragraphs(tree, roots);
}

std::size_t total_size(const std::vector<std::string>& paragraphs) {
    std::size_t size = 0;
    for (const auto& paragraph : paragraphs) size += paragraph.size();
    return size;
}

}  // namespace

MainText extract_main_text(const Document& document, std::string_view title) {
    static constexpr std::array<ContentFlags, 4> kAttempts{{
        {.strip_unlikely = true, .weight_classes = true, .clean_conditionally = true},
        {.strip_unlikely = false, .weight_classes = true, .clean_conditionally = true},
        {.strip_unlikely = false, .weight_classes = false, .clean_conditionally = true},
        {.strip_unlikely = false, .weight_classes = false, .clean_conditionally = false},
    }};
    std::vector<std::string> best;
    std::string best_lead;
    for (const ContentFlags& flags : kAttempts) {
        std::vector<std::string> paragraphs = attempt(document, flags);
        drop_repeated_title(paragraphs, title);
        std::string lead = join_paragraphs(paragraphs).substr(0, kLeadBytes);
        drop_furniture_lines(paragraphs);
        drop_trailing_boilerplate(paragraphs);
        if (total_size(paragraphs) > total_size(best)) {
            best = std::move(paragraphs);
            best_lead = std::move(lead);
        }
        if (total_size(best) >= kEnoughChars) break;
    }
    if (total_size(best) < kMinArticleBytes) return {};  // a word or two is no article
    return {join_paragraphs(best), std::move(best_lead)};
}

}  // namespace libsearch::ingest::html
