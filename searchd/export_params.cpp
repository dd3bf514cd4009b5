#include "export_params.hpp"

#include <cctype>
#include <charconv>

namespace searchd {

namespace {

// The filters and query shared with /api/search, decoded by decode_search()
// so that they mean the same on every route.
Params search_part(const Params& params, std::initializer_list<const char*> own) {
    Params rest;
    for (const auto& [name, value] : params) {
        bool mine = false;
        for (const char* o : own) mine = mine || name == o;
        if (!mine) rest.emplace(name, value);
    }
    return rest;
}

std::uint64_t count_parameter(const Params& params, const std::string& name, std::uint64_t fallback,
                              std::uint64_t maximum) {
    const auto it = params.find(name);
    if (it == params.end()) return fallback;
    const std::string& text = it->second;
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw BadParameter(name, "must be a whole number, not '" + text + "'");
    if (value < 1 || value > maximum)
        throw BadParameter(name, "must be between 1 and " + std::to_string(maximum) + ", not " + text);
    return value;
}

void append_pair(std::string& out, const std::string& name, const std::string& value) {
    static const char* digits = "0123456789ABCDEF";
    out += out.empty() ? "" : "&";
    out += name + "=";
    for (const unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += {'%', digits[c >> 4], digits[c & 15]};
    }
}

}  // namespace

const std::vector<ParamSpec>& export_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string", "Query text, as for /api/search; empty exports every article passing the filters."},
        {"format", "string", "csv (RFC 4180, UTF-8) or jsonl (JSON Lines).", {"csv", "jsonl"}, 0, 0, "csv"},
        {"limit",
         "integer",
         "At most this many rows; the default and the largest allowed are set by searchd's --export-limit and "
         "--export-max (10000 and 100000 unless changed).",
         {},
         0,
         0,
         ""},
        {"category", "string", "Keep articles in any of these categories (repeatable).", {}, 0, 0, "", true},
        {"from", "string", "Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"to", "string", "Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"sort",
         "string",
         "Row order; undated articles last when sorting by date.",
         {"relevance", "newest", "oldest"},
         0,
         0,
         "relevance"},
        {"op", "string", "How words without an operator combine.", {"and", "or"}, 0, 0, "and"},
    };
    return specs;
}

const std::vector<ParamSpec>& feed_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string", "Query text, as for /api/search; empty follows every article passing the filters."},
        {"category", "string", "Keep articles in any of these categories (repeatable).", {}, 0, 0, "", true},
        {"from", "string", "Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"to", "string", "Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"op", "string", "How words without an operator combine.", {"and", "or"}, 0, 0, "and"},
        {"limit",
         "integer",
         "Entries in the feed, newest first.",
         {},
         1,
         static_cast<long>(kMaxFeedEntries),
         std::to_string(kDefaultFeedEntries)},
    };
    return specs;
}

ExportRequest decode_export(const Params& params, const RequestLimits& limits) {
    check_known(params, export_params());
    ExportRequest request;
    request.search = decode_search(search_part(params, {"format", "limit"}), limits);
    request.search.facets = false;
    request.search.snippet_format = libsearch::SnippetFormat::text;
    request.format = value_of(params, "format", "csv") == "jsonl" ? ExportFormat::jsonl : ExportFormat::csv;
    request.limit = count_parameter(params, "limit", limits.export_limit, limits.export_max);
    return request;
}

FeedRequest decode_feed(const Params& params, const RequestLimits& limits) {
    check_known(params, feed_params());
    FeedRequest request;
    request.search = decode_search(search_part(params, {"limit"}), limits);
    request.search.sort = libsearch::SortOrder::newest;
    request.search.limit = count_parameter(params, "limit", kDefaultFeedEntries, kMaxFeedEntries);
    request.search.facets = false;
    request.search.snippet_format = libsearch::SnippetFormat::text;
    for (const char* name : {"q", "category", "from", "to", "op"})
        for (auto [it, end] = params.equal_range(name); it != end; ++it)
            if (!it->second.empty() && !(it->first == "op" && it->second == "and"))
                append_pair(request.canonical_query, name, it->second);
    return request;
}

}  // namespace searchd
