#pragma once
// The HTTP parameters of each API route: one table, used both to decode
// requests and to describe them in /openapi.json, so the two never differ.

#include <libsearch/kwic.hpp>
#include <libsearch/searcher.hpp>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace searchd {

/// A parameter a route accepts.
struct ParamSpec {
    std::string name;
    std::string type;  ///< "string" or "integer"
    std::string description;
    std::vector<std::string> choices;  ///< allowed values, when a closed set
    long minimum = 0, maximum = 0;     ///< for integers (both 0: unbounded)
    std::string default_value;
    bool repeatable = false;
    bool required = false;
};

/// A request parameter that is malformed or out of range.
class BadParameter : public std::runtime_error {
  public:
    BadParameter(std::string parameter, const std::string& message)
        : std::runtime_error(printable(parameter) + ": " + message), parameter_(std::move(parameter)) {}
    const std::string& parameter() const noexcept { return parameter_; }

  private:
    // Control bytes as \xNN: what() is a C string, and a NUL in a parameter
    // name ("?%00=1") emptied the message (tests/reliability/http).
    static std::string printable(const std::string& text) {
        std::string out;
        for (const unsigned char c : text) {
            if (c >= 0x20 && c != 0x7f) {
                out += static_cast<char>(c);
                continue;
            }
            const char* digits = "0123456789abcdef";
            out += {'\\', 'x', digits[c >> 4], digits[c & 15]};
        }
        return out;
    }
    std::string parameter_;
};

/// Decoded query-string values: name -> every value given, in order.
using Params = std::multimap<std::string, std::string>;

/// Limits on what a request may ask.
struct RequestLimits {
    std::size_t max_query_bytes = 4096;
    std::size_t max_categories = 50;
    double time_limit_ms = 500;  ///< for exact counting
    /// Rows of /api/export when its `limit` is not given, and the most it may ask.
    std::uint64_t export_limit = 10'000;
    std::uint64_t export_max = 100'000;
};

const std::vector<ParamSpec>& search_params();
const std::vector<ParamSpec>& doc_params();
const std::vector<ParamSpec>& suggest_params();
const std::vector<ParamSpec>& timeline_params();
const std::vector<ParamSpec>& kwic_params();

/// The search request a /api/search query string asks for.
/// @throws BadParameter naming the HTTP parameter.
libsearch::SearchRequest decode_search(const Params& params, const RequestLimits& limits);

/// The timeline a /api/timeline query string asks for.
/// @throws BadParameter naming the HTTP parameter.
libsearch::TimelineRequest decode_timeline(const Params& params, const RequestLimits& limits);

/// The keyword-in-context listing a /api/kwic query string asks for.
/// @throws BadParameter naming the HTTP parameter.
libsearch::KwicRequest decode_kwic(const Params& params, const RequestLimits& limits);

/// The page and size a /api/search query string asked for (already validated
/// by decode_search()).
struct Paging {
    std::size_t page = 1;
    std::size_t size = 10;
};
Paging decode_paging(const Params& params);

const std::vector<ParamSpec>& similar_params();

/// The similar articles a /api/doc/{id}/similar query string asks for.
/// @throws BadParameter naming the HTTP parameter.
libsearch::SimilarRequest decode_similar(const std::string& id, const Params& params, const RequestLimits& limits);

/// A single-valued parameter, checked against the route's table: unknown
/// parameters and repeats of single-valued ones are BadParameter.
void check_known(const Params& params, const std::vector<ParamSpec>& specs);

/// The value of a parameter, or `fallback` when absent.
std::string value_of(const Params& params, const std::string& name, const std::string& fallback = "");

}  // namespace searchd
