#pragma once
// The parameters of GET /api/export and GET /feeds/search.atom: what they
// accept (for check_known and /openapi.json) and the requests they decode to.

#include <cstdint>
#include <libsearch/searcher.hpp>
#include <string>
#include <vector>

#include "request_params.hpp"

namespace searchd {

/// At most this many entries in a feed, and the number when not asked.
inline constexpr std::uint64_t kMaxFeedEntries = 100;
inline constexpr std::uint64_t kDefaultFeedEntries = 20;

enum class ExportFormat { csv, jsonl };

/// What GET /api/export asks for.
struct ExportRequest {
    libsearch::SearchRequest search;  ///< snippets as plain text
    ExportFormat format = ExportFormat::csv;
    std::uint64_t limit = 0;  ///< the cap on rows, within RequestLimits::export_max
};

/// What GET /feeds/search.atom asks for: the newest matches.
struct FeedRequest {
    libsearch::SearchRequest search;  ///< newest first, plain-text snippets, `limit` hits
    /// The query string that names this feed, in a fixed order and without
    /// `limit`: the same query always gets the same feed id.
    std::string canonical_query;
};

const std::vector<ParamSpec>& export_params();
const std::vector<ParamSpec>& feed_params();

/// @throws BadParameter naming the HTTP parameter
ExportRequest decode_export(const Params& params, const RequestLimits& limits);
/// @throws BadParameter naming the HTTP parameter
FeedRequest decode_feed(const Params& params, const RequestLimits& limits);

}  // namespace searchd
