#pragma once
// The SQLite FTS5 baseline: an FTS5 table of title and body (porter stemming,
// positions kept) beside two ordinary tables keyed by its rowid, `meta` (id,
// date, first category) and `categories` (every category of an article).
// Schema and reasons: tests/bench/baselines/README.md.

#include <sqlite3.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "records.hpp"

namespace fts5 {

/// A prepared statement, finalized on destruction.
using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

/// An open SQLite connection, closed on destruction; throws std::runtime_error with SQLite's message.
class Connection {
  public:
    explicit Connection(const std::string& path, int flags);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const std::string& sql);
    Statement prepare(const std::string& sql);
    [[noreturn]] void fail(const std::string& what) const;
    sqlite3* handle() const { return db_; }

  private:
    sqlite3* db_ = nullptr;
};

/// Creates the database anew (an existing file is removed) and adds records in one transaction.
class Writer {
  public:
    explicit Writer(const std::string& path);
    /// Adds a record, replacing an earlier one with the same id.
    void add(const bench::Record& r);
    /// Commits the transaction.
    void commit();

  private:
    Connection db_;
    Statement find_, delete_article_, delete_categories_, delete_meta_, insert_article_, insert_meta_, insert_category_;
};

/// One request; dates are YYYYMMDD or empty (open bound).
struct Request {
    std::string q;
    bool op_or = false;
    std::string category;
    std::string from, to;
    bool facets = false;
    std::size_t offset = 0;
    std::size_t limit = 10;
};

struct Hit {
    std::string id, title, snippet;
};

struct Result {
    std::vector<Hit> hits;
    std::vector<std::pair<std::string, long long>> facets;  ///< top 20 first categories over all matches
};

/// The words of a mix query as an FTS5 MATCH expression: each word or "quoted
/// phrase" becomes an FTS5 string, joined by spaces (AND) or " OR ".
std::string match_expression(const std::string& q, bool op_or);

/// Read-only searches with prepared statements cached per query shape.
class Searcher {
  public:
    explicit Searcher(const std::string& path);
    Result search(const Request& r);

  private:
    sqlite3_stmt* statement(bool facets, bool match, const Request& r);
    Connection db_;
    std::map<int, Statement> cache_;
};

}  // namespace fts5
