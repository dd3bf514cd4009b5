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

/// The fields a search hit shows (id, url, title, author, language, date,
/// categories), for schema::slot_hit_fields. A hit without a snippet reads
/// them alone: the document data holds the body too, and Xapian compresses
/// it, so reading it means inflating the whole article.
std::string encode_hit_fields(const Article& article);

/// Decode what encode_hit_fields() wrote, into an Article with only those
/// fields; nullopt when the value is missing (an index written before the
/// slot was) or damaged.
std::optional<Article> decode_hit_fields(std::string_view value);

}  // namespace libsearch::index
