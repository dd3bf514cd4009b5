#pragma once
// Bounding the work of parsing pathological HTML: gumbo's tree construction
// is quadratic in the nesting depth, and its tokenizer in the number of
// attributes of a tag.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace libsearch::ingest::html {

struct MarkupLimits {
    /// Tags nested deeper are dropped. Real pages nest a few dozen levels.
    std::size_t max_depth = 400;
    /// Attributes of a tag beyond this many are dropped.
    std::size_t max_attributes = 256;
};

/// The HTML without the start tags that would open elements deeper than
/// `max_depth` (and as many of the end tags that follow them), and without
/// the attributes of a tag beyond `max_attributes`; nullopt when nothing
/// needs to go. The depth is estimated with a light scan that skips comments
/// and raw text and does not count void elements or elements whose end tag
/// may be omitted (p, li, td, ...).
std::optional<std::string> limit_markup(std::string_view html, const MarkupLimits& limits = {});

}  // namespace libsearch::ingest::html
