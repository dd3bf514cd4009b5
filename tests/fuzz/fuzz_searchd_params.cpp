// searchd's parameter decoding (request_params.hpp) on a Params multimap
// made from the input: "name=value" pairs separated by '&', as httplib hands
// them over once percent-decoded (so any byte may appear in names and values).
// The /api/search, /api/timeline, /api/kwic and /api/doc/{id}/similar decoders
// (decode_search, decode_paging, decode_timeline, decode_kwic, decode_similar),
// the checks of /api/doc and /api/suggest (check_known against their tables,
// value_of), and the /api/export and /feeds/search.atom decoders (export_params.hpp).
// BadParameter is the correct answer to a bad request; anything else is a bug.

#include <libsearch/errors.hpp>

#include "export_params.hpp"
#include "fuzz_common.hpp"
#include "request_params.hpp"

namespace {

searchd::Params params_from(std::string_view text) {
    searchd::Params params;
    fuzz::Fields pairs(text, '&');
    while (!pairs.rest().empty()) {
        fuzz::Fields pair(pairs.next(), '=');
        const std::string_view name = pair.next();
        params.emplace(std::string(name), std::string(pair.rest()));
    }
    return params;
}

void check_search(const searchd::Params& params) {
    const searchd::RequestLimits limits;
    try {
        const libsearch::SearchRequest request = searchd::decode_search(params, limits);
        const searchd::Paging paging = searchd::decode_paging(params);
        fuzz::expect(paging.page >= 1 && paging.page <= 10'000, "page is within 1..10000");
        fuzz::expect(request.limit == paging.size && request.limit >= 1 && request.limit <= 100,
                     "size is the request's limit, within 1..100");
        fuzz::expect(request.offset == (paging.page - 1) * paging.size, "offset is where the page starts");
        fuzz::expect(request.query.size() <= limits.max_query_bytes, "q is at most max_query_bytes long");
        fuzz::expect(request.categories.size() <= limits.max_categories, "at most max_categories categories");
        fuzz::expect(request.recency_half_life_days >= 0 && request.recency_half_life_days <= 36500,
                     "recency is within 0..36500");
    } catch (const searchd::BadParameter& e) {
        fuzz::expect(!e.parameter().empty() || params.count(""), "BadParameter names the parameter");
    }
}

void check_timeline(const searchd::Params& params) {
    const searchd::RequestLimits limits;
    try {
        const libsearch::TimelineRequest request = searchd::decode_timeline(params, limits);
        fuzz::expect(!request.queries.empty() && request.queries.size() <= libsearch::kMaxTimelineQueries,
                     "a timeline has 1..4 queries");
        for (const auto& query : request.queries)
            fuzz::expect(query.size() <= limits.max_query_bytes, "each q is at most max_query_bytes long");
        fuzz::expect(request.categories.size() <= limits.max_categories, "at most max_categories categories");
    } catch (const searchd::BadParameter& e) {
        fuzz::expect(!e.parameter().empty() || params.count(""), "BadParameter names the parameter");
    }
}

void check_similar(const searchd::Params& params) {
    const searchd::RequestLimits limits;
    try {
        const libsearch::SimilarRequest request = searchd::decode_similar("id", params, limits);
        fuzz::expect(request.id == "id", "the id is the path's");
        fuzz::expect(request.limit >= 1 && request.limit <= libsearch::kMaxSimilar, "limit is within 1..50");
        fuzz::expect(request.categories.size() <= limits.max_categories, "at most max_categories categories");
    } catch (const searchd::BadParameter& e) {
        fuzz::expect(!e.parameter().empty() || params.count(""), "BadParameter names the parameter");
    }
}

void check_export(const searchd::Params& params) {
    const searchd::RequestLimits limits;
    try {
        const searchd::ExportRequest request = searchd::decode_export(params, limits);
        fuzz::expect(request.limit >= 1 && request.limit <= limits.export_max, "limit is within 1..export_max");
        fuzz::expect(request.search.snippet_format == libsearch::SnippetFormat::text, "exports have text snippets");
        fuzz::expect(request.search.query.size() <= limits.max_query_bytes, "q is at most max_query_bytes long");
    } catch (const searchd::BadParameter& e) {
        fuzz::expect(!e.parameter().empty() || params.count(""), "BadParameter names the parameter");
    }
}

void check_feed(const searchd::Params& params) {
    const searchd::RequestLimits limits;
    try {
        const searchd::FeedRequest request = searchd::decode_feed(params, limits);
        fuzz::expect(request.search.limit >= 1 && request.search.limit <= searchd::kMaxFeedEntries,
                     "a feed has 1..100 entries");
        fuzz::expect(request.search.sort == libsearch::SortOrder::newest, "a feed is newest first");
        fuzz::expect(request.canonical_query.find_first_of(" \"<>\r\n") == std::string::npos,
                     "the canonical query is percent-encoded");
    } catch (const searchd::BadParameter& e) {
        fuzz::expect(!e.parameter().empty() || params.count(""), "BadParameter names the parameter");
    }
}

void check_kwic(const searchd::Params& params) {
    const searchd::RequestLimits limits;
    try {
        const libsearch::KwicRequest request = searchd::decode_kwic(params, limits);
        fuzz::expect(!request.query.empty() && request.query.size() <= limits.max_query_bytes,
                     "a kwic q is given and at most max_query_bytes long");
        fuzz::expect(request.width >= 1 && request.width <= libsearch::kMaxKwicWidth, "width is in range");
        fuzz::expect(request.limit >= 1 && request.limit <= libsearch::kMaxKwicLimit, "limit is in range");
        fuzz::expect(request.categories.size() <= limits.max_categories, "at most max_categories categories");
    } catch (const searchd::BadParameter& e) {
        fuzz::expect(!e.parameter().empty() || params.count(""), "BadParameter names the parameter");
    }
}

void check_route(const searchd::Params& params, const std::vector<searchd::ParamSpec>& specs) {
    try {
        searchd::check_known(params, specs);
        fuzz::expect(params.size() <= 1 || &specs == &searchd::suggest_params(),
                     "only q is known, once, on /api/doc");
        (void)searchd::value_of(params, "q");
    } catch (const searchd::BadParameter&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const searchd::Params params = params_from(fuzz::as_text(data, size));
    check_search(params);
    check_timeline(params);
    check_similar(params);
    check_export(params);
    check_feed(params);
    check_kwic(params);
    check_route(params, searchd::doc_params());
    check_route(params, searchd::suggest_params());
    return 0;
}
