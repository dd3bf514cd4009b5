#pragma once
// Bounding the work of parsing pathological HTML.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace libsearch::ingest::html {

/// Tags nested deeper than this are dropped before parsing. Real pages nest
/// a few dozen levels; gumbo's tree construction is quadratic in the depth.
inline constexpr std::size_t kMaxNesting = 400;

/// The HTML without the start tags that would open elements deeper than
/// `max_depth` (and as many of the end tags that follow them), or nullopt
/// when nothing needs to go. The depth is estimated with a light scan that
/// skips comments and raw text and does not count void elements or elements
/// whose end tag may be omitted (p, li, td, ...).
std::optional<std::string> limit_nesting(std::string_view html, std::size_t max_depth = kMaxNesting);

}  // namespace libsearch::ingest::html
