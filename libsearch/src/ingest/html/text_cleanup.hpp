#pragma once
// Tidying extracted paragraphs: what is left of the page around the article.

#include <string>
#include <string_view>
#include <vector>

namespace libsearch::ingest::html {

/// How much of `b`'s words `a` also has, 0..1 (Readability's textSimilarity,
/// by characters of the distinct words, case-insensitive).
double text_similarity(std::string_view a, std::string_view b);

/// Two titles that say the same, up to a word or two ("The seven secrets" /
/// "Seven secrets"): each has nearly all the other's words.
bool same_title(std::string_view a, std::string_view b);

/// Remove the title where the body repeats it in its first paragraphs.
void drop_repeated_title(std::vector<std::string>& paragraphs, std::string_view title);

/// Remove trailing paragraphs that are page furniture: "Share this article",
/// newsletter sign-ups, copyright lines, and a "Related:" / "Read more"
/// heading with the short link titles after it.
void drop_trailing_boilerplate(std::vector<std::string>& paragraphs);

/// Remove ad labels and calls to action ("Advertisement", "Click here to
/// ..."), and byline or date lines among the first paragraphs.
void drop_furniture_lines(std::vector<std::string>& paragraphs);

/// Paragraphs separated by blank lines.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

}  // namespace libsearch::ingest::html
