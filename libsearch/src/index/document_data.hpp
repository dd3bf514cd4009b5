#pragma once
// The document data of an index: every stored field of an Article, in a small
// versioned binary form (fast to decode for each hit, no JSON in the core).

#include <optional>
#include <string>
#include <string_view>

#include "libsearch/article.hpp"

namespace libsearch::index {

/// Encode all fields of an article.
std::string encode_article(const Article& article);

/// Decode what encode_article() wrote; nullopt when the bytes are not ours
/// (another program's document in the database, or a damaged record).
std::optional<Article> decode_article(std::string_view data);

}  // namespace libsearch::index
