#pragma once
// The shape of one line of a text page: length, words, end punctuation, case,
// and whether it reads like a byline or a widget heading. The page-level
// rules (page_units, furniture, article_bounds) are built on these.

#include <cstddef>
#include <string_view>

namespace libsearch::ingest::text_page {

/// Characters (UTF-8 code points), so that non-Latin lines measure fairly.
std::size_t char_count(std::string_view line) noexcept;

/// Words: space-separated runs holding at least one letter or digit.
std::size_t word_count(std::string_view line) noexcept;

/// True when the line holds a letter or digit at all ("* * *" and "-----" do not).
bool has_text(std::string_view line) noexcept;

/// Ends with "..." or "…", closing quotes and brackets aside.
bool ends_with_ellipsis(std::string_view line) noexcept;

/// The sentence punctuation the line ends with ('.', '!', '?', ':' or ';'),
/// closing quotes and brackets aside; 0 for none or for an ellipsis.
char sentence_end(std::string_view line) noexcept;

/// As long as a paragraph (18 words or 110 characters and more), not a headline.
bool is_paragraph_length(std::string_view line) noexcept;

/// An item of a bulleted or numbered list ("• text", "- text", "2) text")
/// of three words or more: article text, whatever its punctuation.
bool is_list_item(std::string_view line) noexcept;

/// Reads like a social-media post: a link, a hashtag or an @handle.
bool looks_like_social_post(std::string_view line) noexcept;

/// Every word capitalised, short connectors aside ("of", "de", "al"), as in
/// a name or an affiliation: "Hon. David Kilgour", "Co-Chair".
bool is_name_like(std::string_view line);

/// Holds a word or phrase typical of page widgets ("latest", "most read",
/// "trending", "share", "tweet", "newsletter"). A hint, never a rule alone.
bool has_widget_word(std::string_view line);

/// Names a social network or its posts ("tweet", "Facebook", "Telegram").
bool names_social_network(std::string_view line);

/// A short widget heading: at most four words, a widget word, no sentence.
bool is_widget_heading(std::string_view line);

/// Reads as a byline line: "By Jane Doe", "Written by Jane Doe", "Jane Doe, Paris",
/// "Hon. David Kilgour, JD", "Co-Chair, Ottawa", or a bare name of up to
/// three words. `strong` accepts only the first kinds (a marker: "By", a
/// comma, an e-mail address), not a bare name, which a short title-case
/// headline resembles.
bool is_byline_like(std::string_view line, bool strong = false);

/// The byline text without a leading "By", "Written by" or dash.
std::string_view byline_text(std::string_view line) noexcept;

/// True when `line` is `title` again (case and end punctuation aside), or
/// the title continued ("Title" / "Title and more words").
bool repeats_title(std::string_view title, std::string_view line);

/// True when both read the same, case, spacing and end punctuation aside.
bool same_text(std::string_view a, std::string_view b);

}  // namespace libsearch::ingest::text_page
