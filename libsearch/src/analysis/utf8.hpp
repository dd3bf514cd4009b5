#pragma once
// UTF-8 helpers shared by analysis, indexing and search.

#include <string>
#include <string_view>

namespace libsearch::utf8 {

/// Unicode-aware lower-casing (Xapian's case tables).
std::string lower(std::string_view text);

/// Valid UTF-8 with the same text: each invalid byte becomes U+FFFD, NUL and
/// other C0 controls except tab and newline become a space, CR LF and lone CR
/// become LF. Cheap when the text is already clean.
std::string sanitize(std::string_view text);

/// True when `text` is well-formed UTF-8.
bool is_valid(std::string_view text) noexcept;

}  // namespace libsearch::utf8
