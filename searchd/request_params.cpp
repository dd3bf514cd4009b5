#include "request_params.hpp"

#include <charconv>

namespace searchd {

namespace {

constexpr std::size_t kMaxPage = 10'000;

}  // namespace

const std::vector<ParamSpec>& search_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string", "Query text in the query language; empty lists the filtered articles, newest first."},
        {"category", "string", "Keep articles in any of these categories (repeatable).", {}, 0, 0, "", true},
        {"from", "string", "Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"to", "string", "Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"sort", "string", "Result order; undated articles last when sorting by date.",
         {"relevance", "newest", "oldest"}, 0, 0, "relevance"},
        {"page", "integer", "Page of results, from 1.", {}, 1, static_cast<long>(kMaxPage), "1"},
        {"size", "integer", "Hits per page.", {}, 1, 100, "10"},
        {"op", "string", "How words without an operator combine.", {"and", "or"}, 0, 0, "and"},
        {"exact", "integer", "1: count the total and facets exactly.", {"0", "1"}, 0, 0, "0"},
        {"facets", "integer", "0: no facet counts (the answer's facets are empty), a little faster.", {"0", "1"}, 0, 0,
         "1"},
        {"snippets", "integer", "0: no snippets (each hit's snippet is empty), for title-only lists.", {"0", "1"}, 0,
         0, "1"},
        {"recency", "integer",
         "With relevance order, favour newer articles: the boost halves every this many days "
         "before the newest article (0: off).",
         {}, 0, 36500, "0"},
        {"versions", "string",
         "collapse: one hit per story, its other matching versions counted in the hit's `versions` "
         "(reprints with small edits, a teaser and its full article); all: every article.",
         {"all", "collapse"}, 0, 0, "all"},
        {"version_group", "string", "Keep only the versions of one story (a hit's `version_group`)."},
    };
    return specs;
}

const std::vector<ParamSpec>& doc_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string", "Query whose matches are marked in body_html and title_html."},
    };
    return specs;
}

const std::vector<ParamSpec>& suggest_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string", "Text being typed; its last word is completed.", {}, 0, 0, "", false, true},
    };
    return specs;
}

const std::vector<ParamSpec>& timeline_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string",
         "A query to count (repeatable, up to 4, each its own series); empty counts every article passing the "
         "filters.",
         {}, 0, 0, "", true},
        {"interval", "string", "Count per month or per year.", {"month", "year"}, 0, 0, "month"},
        {"category", "string", "Count only articles in any of these categories (repeatable).", {}, 0, 0, "", true},
        {"from", "string", "Earliest date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD); also where the axis starts."},
        {"to", "string", "Latest date, inclusive; also where the axis ends."},
        {"op", "string", "How words without an operator combine.", {"and", "or"}, 0, 0, "and"},
    };
    return specs;
}

const std::vector<ParamSpec>& kwic_params() {
    static const std::vector<ParamSpec> specs{
        {"q", "string",
         "The word or phrase to list (quotes optional, no query syntax), up to 20 words.", {}, 0, 0, "", false, true},
        {"width", "integer", "Words of context on each side of a match.", {}, 1,
         static_cast<long>(libsearch::kMaxKwicWidth), "8"},
        {"stem", "integer", "1: match every form with the same stem (\"camps\" lists \"camp\"); 0: words as written.",
         {"0", "1"}, 0, 0, "0"},
        {"offset", "integer", "Lines to skip.", {}, 0, 1'000'000, "0"},
        {"limit", "integer", "Lines to return.", {}, 1, static_cast<long>(libsearch::kMaxKwicLimit), "50"},
        {"category", "string", "Keep articles in any of these categories (repeatable).", {}, 0, 0, "", true},
        {"from", "string", "Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"to", "string", "Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"sort", "string", "Article order (lines of one article in text order); undated articles last by date.",
         {"newest", "oldest", "relevance"}, 0, 0, "newest"},
    };
    return specs;
}

std::string value_of(const Params& params, const std::string& name, const std::string& fallback) {
    auto it = params.find(name);
    return it == params.end() ? fallback : it->second;
}

void check_known(const Params& params, const std::vector<ParamSpec>& specs) {
    for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
        const ParamSpec* spec = nullptr;
        for (const auto& s : specs)
            if (s.name == it->first) spec = &s;
        if (!spec) throw BadParameter(it->first, "unknown parameter");
        if (!spec->repeatable && params.count(it->first) > 1) throw BadParameter(it->first, "given more than once");
        if (!spec->choices.empty()) {
            bool allowed = false;
            for (const auto& choice : spec->choices) allowed = allowed || choice == it->second;
            if (!allowed) {
                std::string list;
                for (const auto& choice : spec->choices) list += (list.empty() ? "" : ", ") + choice;
                throw BadParameter(it->first, "must be one of " + list + ", not '" + it->second + "'");
            }
        }
    }
    for (const auto& spec : specs)
        if (spec.required && !params.count(spec.name)) throw BadParameter(spec.name, "is required");
}

namespace {

std::size_t integer(const Params& params, const ParamSpec& spec) {
    const std::string text = value_of(params, spec.name, spec.default_value);
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw BadParameter(spec.name, "must be a whole number, not '" + text + "'");
    if (value < spec.minimum || value > spec.maximum)
        throw BadParameter(spec.name, "must be between " + std::to_string(spec.minimum) + " and " +
                                          std::to_string(spec.maximum) + ", not " + text);
    return static_cast<std::size_t>(value);
}

const ParamSpec& spec_of(const std::string& name) {
    for (const auto& spec : search_params())
        if (spec.name == name) return spec;
    throw std::logic_error("no parameter " + name);
}

}  // namespace

namespace {

std::string checked_query(const std::string& query, const RequestLimits& limits) {
    if (query.size() > limits.max_query_bytes)
        throw BadParameter("q", "is " + std::to_string(query.size()) + " bytes long; at most " +
                                    std::to_string(limits.max_query_bytes) + " are allowed");
    return query;
}

std::vector<std::string> checked_categories(const Params& params, const RequestLimits& limits) {
    std::vector<std::string> categories;
    for (auto [it, end] = params.equal_range("category"); it != end; ++it) categories.push_back(it->second);
    if (categories.size() > limits.max_categories)
        throw BadParameter("category", "at most " + std::to_string(limits.max_categories) + " categories");
    return categories;
}

libsearch::DefaultOperator default_operator(const Params& params) {
    return value_of(params, "op", "and") == "or" ? libsearch::DefaultOperator::op_or
                                                 : libsearch::DefaultOperator::op_and;
}

}  // namespace

libsearch::TimelineRequest decode_timeline(const Params& params, const RequestLimits& limits) {
    check_known(params, timeline_params());
    libsearch::TimelineRequest request;
    for (auto [it, end] = params.equal_range("q"); it != end; ++it) request.queries.push_back(checked_query(it->second, limits));
    if (request.queries.empty()) request.queries.emplace_back();  // no q: every article
    if (request.queries.size() > libsearch::kMaxTimelineQueries)
        throw BadParameter("q", "at most " + std::to_string(libsearch::kMaxTimelineQueries) + " queries, got " +
                                    std::to_string(request.queries.size()));
    request.categories = checked_categories(params, limits);
    request.from = value_of(params, "from");
    request.to = value_of(params, "to");
    request.default_operator = default_operator(params);
    request.interval = value_of(params, "interval", "month") == "year" ? libsearch::TimelineInterval::year
                                                                        : libsearch::TimelineInterval::month;
    request.time_limit_ms = limits.time_limit_ms;
    return request;
}

libsearch::KwicRequest decode_kwic(const Params& params, const RequestLimits& limits) {
    check_known(params, kwic_params());
    auto spec = [](const std::string& name) -> const ParamSpec& {
        for (const auto& s : kwic_params())
            if (s.name == name) return s;
        throw std::logic_error("no parameter " + name);
    };
    libsearch::KwicRequest request;
    request.query = checked_query(value_of(params, "q"), limits);
    if (request.query.find_first_not_of(" \t\r\n") == std::string::npos)
        throw BadParameter("q", "give a word or phrase to list in context");
    request.categories = checked_categories(params, limits);
    request.from = value_of(params, "from");
    request.to = value_of(params, "to");
    request.width = integer(params, spec("width"));
    request.stem = value_of(params, "stem", "0") == "1";
    request.offset = integer(params, spec("offset"));
    request.limit = integer(params, spec("limit"));
    const std::string sort = value_of(params, "sort", "newest");
    request.sort = sort == "relevance" ? libsearch::SortOrder::relevance
                   : sort == "oldest"  ? libsearch::SortOrder::oldest
                                       : libsearch::SortOrder::newest;
    return request;
}

Paging decode_paging(const Params& params) {
    return {integer(params, spec_of("page")), integer(params, spec_of("size"))};
}

libsearch::SearchRequest decode_search(const Params& params, const RequestLimits& limits) {
    check_known(params, search_params());
    libsearch::SearchRequest request;
    request.query = checked_query(value_of(params, "q"), limits);
    request.categories = checked_categories(params, limits);
    request.from = value_of(params, "from");
    request.to = value_of(params, "to");
    const std::string sort = value_of(params, "sort", "relevance");
    request.sort = sort == "newest"   ? libsearch::SortOrder::newest
                   : sort == "oldest" ? libsearch::SortOrder::oldest
                                      : libsearch::SortOrder::relevance;
    const Paging paging = decode_paging(params);
    request.offset = (paging.page - 1) * paging.size;
    request.limit = paging.size;
    request.default_operator = default_operator(params);
    request.exact = value_of(params, "exact", "0") == "1";
    request.facets = value_of(params, "facets", "1") == "1";
    request.snippets = value_of(params, "snippets", "1") == "1";
    request.recency_half_life_days = static_cast<double>(integer(params, spec_of("recency")));
    request.time_limit_ms = limits.time_limit_ms;
    request.collapse_versions = value_of(params, "versions", "all") == "collapse";
    request.version_group = value_of(params, "version_group");
    if (request.version_group.size() > 64) throw BadParameter("version_group", "is not a story's key");
    return request;
}

const std::vector<ParamSpec>& similar_params() {
    static const std::vector<ParamSpec> specs{
        {"limit", "integer", "Similar articles to return.", {}, 1, static_cast<long>(libsearch::kMaxSimilar), "10"},
        {"category", "string", "Keep similar articles in any of these categories (repeatable).", {}, 0, 0, "", true},
        {"from", "string", "Earliest date of a similar article, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
        {"to", "string", "Latest date of a similar article, inclusive: YYYY, YYYY-MM or YYYY-MM-DD."},
    };
    return specs;
}

libsearch::SimilarRequest decode_similar(const std::string& id, const Params& params, const RequestLimits& limits) {
    check_known(params, similar_params());
    libsearch::SimilarRequest request;
    request.id = id;
    request.limit = integer(params, similar_params().front());
    request.categories = checked_categories(params, limits);
    request.from = value_of(params, "from");
    request.to = value_of(params, "to");
    return request;
}

}  // namespace searchd
