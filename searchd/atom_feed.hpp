#pragma once
// A saved search as an Atom 1.0 feed (RFC 4287): the newest matches of a
// query, for a feed reader to follow.

#include <libsearch/searcher.hpp>
#include <string>

namespace searchd {

/// What a feed is made from besides the hits.
struct FeedSource {
    /// "http://host:port" (or --public-url), no trailing slash: the start of
    /// every absolute URL in the feed.
    std::string base_url;
    /// The feed's query string in canonical form (FeedRequest::canonical_query).
    std::string canonical_query;
    /// The query and filters, to name the feed.
    const libsearch::SearchRequest* request = nullptr;
    /// The index's last commit (ISO 8601 UTC) or empty.
    std::string last_commit;
};

/// The feed document. Entries are the dated hits, newest first: an undated
/// article has no honest <updated>, so it is left out and the subtitle says
/// so. The feed's <updated> is the newest entry's date, or else the index's
/// last commit, or else now. Every text is XML-escaped and characters XML
/// forbids (control characters) are dropped.
std::string atom_feed(const FeedSource& source, const libsearch::SearchResponse& response);

/// `text` fit for XML character data and attribute values.
std::string xml_text(const std::string& text);

}  // namespace searchd
