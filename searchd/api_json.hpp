#pragma once
// The JSON bodies of the API (see API.md), from the library's structs.

#include <libsearch/citation.hpp>
#include <libsearch/searcher.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "request_params.hpp"

namespace searchd {

using Json = nlohmann::ordered_json;

Json search_json(const std::string& query, const Paging& paging, const libsearch::SearchResponse& response);
Json article_json(const libsearch::HighlightedArticle& view);
Json timeline_json(const libsearch::Timeline& timeline);
Json similar_json(const std::string& id, const std::vector<libsearch::SimilarArticle>& similar);
/// The citation of an article (libsearch/citation.hpp), as in article_json().
Json citation_json(const libsearch::Article& article);
Json kwic_json(const std::string& query, const libsearch::KwicRequest& request, const libsearch::Kwic& kwic);
Json suggest_json(const std::string& query, const std::vector<libsearch::Suggestion>& suggestions);

/// Serialise for the wire. Invalid UTF-8 never reaches here (the library
/// repairs text), but a replacement beats an exception if it did.
std::string dump(const Json& json);

}  // namespace searchd
