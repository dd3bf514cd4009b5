#pragma once
// The section line that opens a text page: "<Site section> : <category>".

#include <optional>
#include <string>

#include "ingest/text_page/page_units.hpp"

namespace libsearch::ingest::text_page {

/// The category named by `first` when it is a section line such as
/// "News : Iranian opposition" (the text after the first " : ", or after a
/// bare ":" when both sides are very short), else nullopt. `next` is the unit
/// after it, or nullptr: a section line is followed by a title, never
/// directly by a paragraph, which tells it from a title such as
/// "Iran: protesters jailed".
std::optional<std::string> section_category(const Unit& first, const Unit* next);

}  // namespace libsearch::ingest::text_page
