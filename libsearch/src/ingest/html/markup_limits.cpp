#include "ingest/html/markup_limits.hpp"

#include <algorithm>
#include <array>

#include "ingest/text_util.hpp"

namespace libsearch::ingest::html {

namespace {

// Elements that never nest: void elements, elements whose end tag is
// optional, and the document's own structure.
constexpr std::array<std::string_view, 36> kNotNesting{
    "area",  "base",  "br",     "col", "embed", "hr", "img",      "input",   "link",     "meta", "param", "source",
    "track", "wbr",   "keygen", "p",   "li",    "dt", "dd",       "option",  "optgroup", "tr",   "td",    "th",
    "tbody", "thead", "tfoot",  "rb",  "rt",    "rp", "colgroup", "caption", "html",     "head", "body",  "image"};

// Elements whose content is raw text: no tags inside.
constexpr std::array<std::string_view, 8> kRawText{"script", "style",  "textarea", "title",
                                                   "xmp",    "iframe", "noembed",  "noframes"};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

// The end of a tag starting at `pos` ('<'): one past its '>', quotes respected.
std::size_t tag_end(std::string_view html, std::size_t pos) {
    char quote = 0;
    for (std::size_t i = pos + 1; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            // Only an attribute value opens a quote: name="..." or name='...'.
            if (html[i - 1] == '=' || (html[i - 1] == ' ' && i >= 2 && html[i - 2] == '=')) quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

// Where the raw text of element `name` ends: at its end tag, or the input's end.
std::size_t raw_text_end(std::string_view html, std::size_t pos, std::string_view name) {
    const std::string closing = "</" + std::string(name);
    for (std::size_t i = html.find("</", pos); i != std::string_view::npos; i = html.find("</", i + 2))
        if (istarts_with(html.substr(i), closing)) return i;
    return html.size();
}

struct Tag {
    std::string name;  // lower case
    bool closing = false;
    bool self_closing = false;
    std::size_t end = 0;                                     // one past '>'
    std::size_t excess_attributes = std::string_view::npos;  // where the attributes over the limit start
};

// Where the attribute after the first `limit` ones starts in the tag
// [pos, end), or npos. An attribute starts after white space, outside quotes.
std::size_t excess_attributes(std::string_view html, std::size_t pos, std::size_t end, std::size_t limit) {
    std::size_t count = 0;
    char quote = 0;
    for (std::size_t i = pos + 1; i + 1 < end; ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c != ' ' && c != '/' && (html[i - 1] == ' ' || html[i - 1] == '\n' || html[i - 1] == '\t')) {
            if (++count > limit) return i;
        }
    }
    return std::string_view::npos;
}

// The tag at `pos` ('<' followed by a letter or '/'), or nullopt for text.
std::optional<Tag> read_tag(std::string_view html, std::size_t pos, std::size_t max_attributes) {
    Tag tag;
    std::size_t i = pos + 1;
    if (i < html.size() && html[i] == '/') {
        tag.closing = true;
        ++i;
    }
    if (i >= html.size() || !((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z')))
        return std::nullopt;
    const std::size_t start = i;
    while (i < html.size() && is_name_char(html[i])) ++i;
    tag.name = ascii_lower(html.substr(start, i - start));
    tag.end = tag_end(html, pos);
    tag.self_closing = tag.end >= 2 && html[tag.end - 2] == '/';
    if (!tag.closing) tag.excess_attributes = excess_attributes(html, i, tag.end, max_attributes);
    return tag;
}

bool nests(const std::string& name) {
    return std::find(kNotNesting.begin(), kNotNesting.end(), name) == kNotNesting.end();
}

// Copies the input, leaving out the ranges dropped.
class Filter {
  public:
    explicit Filter(std::string_view html) : html_(html) {}
    void drop(std::size_t begin, std::size_t end) {
        out_.append(html_.substr(copied_, begin - copied_));
        copied_ = end;
        dropped_any_ = true;
    }
    std::optional<std::string> result() {
        if (!dropped_any_) return std::nullopt;
        out_.append(html_.substr(copied_));
        return std::move(out_);
    }

  private:
    std::string_view html_;
    std::string out_;
    std::size_t copied_ = 0;
    bool dropped_any_ = false;
};

// Where a comment, doctype or processing instruction at `pos` ends, or 0.
std::size_t markup_declaration_end(std::string_view html, std::size_t pos) {
    if (html.substr(pos).starts_with("<!--")) {
        const std::size_t close = html.find("-->", pos + 4);
        return close == std::string_view::npos ? html.size() : close + 3;
    }
    if (html.substr(pos).starts_with("<!") || html.substr(pos).starts_with("<?")) {
        const std::size_t close = html.find('>', pos);
        return close == std::string_view::npos ? html.size() : close + 1;
    }
    return 0;
}

}  // namespace

std::optional<std::string> limit_markup(std::string_view html, const MarkupLimits& limits) {
    Filter filter(html);
    std::size_t depth = 0, dropped_open = 0;
    for (std::size_t pos = html.find('<'); pos != std::string_view::npos; pos = html.find('<', pos)) {
        if (const std::size_t end = markup_declaration_end(html, pos)) {
            pos = end;
            continue;
        }
        const auto tag = read_tag(html, pos, limits.max_attributes);
        if (!tag) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        pos = tag->end;
        if (!tag->closing && std::find(kRawText.begin(), kRawText.end(), tag->name) != kRawText.end()) {
            if (tag->excess_attributes != std::string_view::npos) filter.drop(tag->excess_attributes, tag->end - 1);
            pos = raw_text_end(html, pos, tag->name);
            continue;
        }
        const bool nesting = nests(tag->name) && !tag->self_closing;
        if (nesting && tag->closing && dropped_open > 0) {
            filter.drop(start, pos);
            --dropped_open;
        } else if (nesting && tag->closing) {
            depth -= depth > 0 ? 1 : 0;
        } else if (nesting && depth >= limits.max_depth) {
            filter.drop(start, pos);
            ++dropped_open;
        } else {
            depth += nesting ? 1 : 0;
            if (tag->excess_attributes != std::string_view::npos) filter.drop(tag->excess_attributes, tag->end - 1);
        }
    }
    return filter.result();
}

}  // namespace libsearch::ingest::html
