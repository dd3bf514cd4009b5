#pragma once
// Article -> Xapian::Document, following libsearch/schema.hpp.

#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "libsearch/article.hpp"

namespace libsearch::index {

/// The article as it will be stored: text fields repaired to valid UTF-8,
/// categories cleaned (empty and repeated ones dropped), language resolved to
/// its code (`default_language` when the article names none).
/// @throws InvalidArgument for an empty id or one over 200 bytes.
Article prepare_article(const Article& article, const Language& default_language);

/// Build the document for a prepared article. `generator` must already be
/// configured with the article's analyzer (and the database, for spelling).
Xapian::Document build_document(const Article& prepared, Xapian::TermGenerator& generator);

}  // namespace libsearch::index
