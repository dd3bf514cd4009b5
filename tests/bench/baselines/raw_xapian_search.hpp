#pragma once
// One search as a careful user of plain Xapian 1.4 writes it from the docs:
// QueryParser, category and date filters, a ValueCountMatchSpy for facets,
// and MSet::snippet for each hit. Shared by bench_raw_xapian (query) and
// bench_http_server (--mode xapian).

#include <xapian.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace raw_xapian {

enum class Snippets { background_model, exhaustive, none };

/// One request; dates are YYYYMMDD or empty (open bound).
struct Request {
    std::string q;
    bool op_or = false;  ///< default operator OR instead of AND
    std::string category;
    std::string from, to;
    bool facets = false;
    std::size_t offset = 0;
    std::size_t limit = 10;
    Snippets snippets = Snippets::background_model;
};

struct Hit {
    std::string id, title, snippet;
};

struct Result {
    Xapian::doccount total = 0;  ///< MSet::get_matches_estimated()
    std::vector<Hit> hits;
    std::vector<std::pair<std::string, Xapian::doccount>> facets;  ///< top 20 first categories
};

/// A read-only database and its query parser; one per thread (not thread-safe).
class Searcher {
  public:
    /// Opens the database; throws Xapian::DatabaseOpeningError.
    explicit Searcher(const std::string& db_path);

    /// Runs one request; throws Xapian::QueryParserError on a query it cannot parse.
    Result search(const Request& r);

  private:
    Xapian::Database db_;
    Xapian::Stem stem_;
    Xapian::QueryParser parser_;
};

}  // namespace raw_xapian
