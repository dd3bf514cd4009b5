#include "fts5_store.hpp"

#include "fields.hpp"

#include <filesystem>
#include <stdexcept>

namespace fts5 {

namespace {

constexpr const char* kSchema = R"sql(
CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize='porter unicode61');
CREATE TABLE meta(doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date INTEGER, category TEXT);
CREATE TABLE categories(category TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(category, doc)) WITHOUT ROWID;
INSERT INTO articles(articles, rank) VALUES('rank', 'bm25(3.0, 1.0)');
)sql";

constexpr int kTopFacets = 20;

std::string column_text(sqlite3_stmt* s, int column) {
    const auto* text = sqlite3_column_text(s, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<std::size_t>(sqlite3_column_bytes(s, column)))
                : std::string();
}

std::string fts5_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

Connection::Connection(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error(path + ": " + message);
    }
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::fail(const std::string& what) const { throw std::runtime_error(what + ": " + sqlite3_errmsg(db_)); }

void Connection::exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

Statement Connection::prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) fail(sql);
    return Statement(s, sqlite3_finalize);
}

namespace {

void bind(Connection& db, sqlite3_stmt* s, int index, const std::string& text) {
    if (sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK)
        db.fail("bind");
}

void step_done(Connection& db, sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) db.fail(sqlite3_sql(s));
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

Connection create(const std::string& path) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return Connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

}  // namespace

Writer::Writer(const std::string& path)
    : db_(create(path)),
      find_(nullptr, sqlite3_finalize),
      delete_article_(nullptr, sqlite3_finalize),
      delete_categories_(nullptr, sqlite3_finalize),
      delete_meta_(nullptr, sqlite3_finalize),
      insert_article_(nullptr, sqlite3_finalize),
      insert_meta_(nullptr, sqlite3_finalize),
      insert_category_(nullptr, sqlite3_finalize) {
    db_.exec(kSchema);
    db_.exec("BEGIN");
    find_ = db_.prepare("SELECT doc FROM meta WHERE id = ?1");
    delete_article_ = db_.prepare("DELETE FROM articles WHERE rowid = ?1");
    delete_categories_ = db_.prepare("DELETE FROM categories WHERE doc = ?1");
    delete_meta_ = db_.prepare("DELETE FROM meta WHERE doc = ?1");
    insert_article_ = db_.prepare("INSERT INTO articles(title, body) VALUES (?1, ?2)");
    insert_meta_ = db_.prepare("INSERT INTO meta(doc, id, date, category) VALUES (?1, ?2, ?3, ?4)");
    insert_category_ = db_.prepare("INSERT OR IGNORE INTO categories(category, doc) VALUES (?1, ?2)");
}

void Writer::add(const bench::Record& r) {
    bind(db_, find_.get(), 1, r.id);
    const int found = sqlite3_step(find_.get());
    if (found == SQLITE_ROW) {
        const sqlite3_int64 old = sqlite3_column_int64(find_.get(), 0);
        for (sqlite3_stmt* s : {delete_article_.get(), delete_categories_.get(), delete_meta_.get()}) {
            sqlite3_bind_int64(s, 1, old);
            step_done(db_, s);
        }
    } else if (found != SQLITE_DONE) {
        db_.fail("find id");
    }
    sqlite3_reset(find_.get());

    bind(db_, insert_article_.get(), 1, r.title);
    bind(db_, insert_article_.get(), 2, r.body);
    step_done(db_, insert_article_.get());
    const sqlite3_int64 doc = sqlite3_last_insert_rowid(db_.handle());

    sqlite3_stmt* meta = insert_meta_.get();
    sqlite3_bind_int64(meta, 1, doc);
    bind(db_, meta, 2, r.id);
    const std::string day = bench::compact_date(r.date);
    if (!day.empty()) sqlite3_bind_int64(meta, 3, std::stoll(day));
    const std::string first = r.categories.empty() ? std::string() : baseline::lower(r.categories.front());
    if (!first.empty()) bind(db_, meta, 4, first);
    step_done(db_, meta);

    for (const auto& c : r.categories) {
        const std::string category = baseline::lower(c);
        bind(db_, insert_category_.get(), 1, category);
        sqlite3_bind_int64(insert_category_.get(), 2, doc);
        step_done(db_, insert_category_.get());
    }
}

void Writer::commit() { db_.exec("COMMIT"); }

std::string match_expression(const std::string& q, bool op_or) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < q.size()) {
        if (q[i] == ' ' || q[i] == '\t') {
            ++i;
        } else if (q[i] == '"') {
            const std::size_t end = q.find('"', i + 1);
            const std::string phrase = q.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
            if (phrase.find_first_not_of(" \t") != std::string::npos) parts.push_back(fts5_string(phrase));
            i = end == std::string::npos ? q.size() : end + 1;
        } else {
            const std::size_t end = q.find_first_of(" \t\"", i);
            parts.push_back(fts5_string(q.substr(i, end == std::string::npos ? std::string::npos : end - i)));
            i = end == std::string::npos ? q.size() : end;
        }
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : op_or ? " OR " : " ") + p;
    return out;
}

Searcher::Searcher(const std::string& path) : db_(path, SQLITE_OPEN_READONLY) {}

// Parameters: ?1 MATCH expression, ?2 category, ?3 from, ?4 to, ?5 limit, ?6 offset.
// The FTS5 table drives the join (CROSS JOIN fixes the order); filters are
// checked per match through the meta primary key and the categories key.
// ORDER BY rank (the table's rank is bm25(3.0, 1.0), set at creation) lets FTS5
// sort rowids by score itself, so snippet() runs only for the rows returned;
// ORDER BY bm25(...) would compute a snippet for every match before sorting.
sqlite3_stmt* Searcher::statement(bool facets, bool match, const Request& r) {
    const int key = (facets ? 1 : 0) | (match ? 2 : 0) | (r.category.empty() ? 0 : 4) | (r.from.empty() ? 0 : 8) |
                    (r.to.empty() ? 0 : 16);
    auto& cached = cache_.try_emplace(key, nullptr, sqlite3_finalize).first->second;
    if (cached) return cached.get();
    std::string where = match ? "articles MATCH ?1" : "1";
    if (!r.category.empty())
        where += " AND EXISTS (SELECT 1 FROM categories c WHERE c.category = ?2 AND c.doc = articles.rowid)";
    if (!r.from.empty()) where += " AND m.date >= ?3";
    if (!r.to.empty()) where += " AND m.date <= ?4";
    const std::string from = " FROM articles CROSS JOIN meta m ON m.doc = articles.rowid WHERE " + where;
    std::string sql;
    if (facets)
        sql = "SELECT m.category, count(*)" + from +
              " AND m.category IS NOT NULL GROUP BY m.category"
              " ORDER BY count(*) DESC, m.category LIMIT " +
              std::to_string(kTopFacets);
    else if (match)
        sql = "SELECT m.id, articles.title, snippet(articles, 1, '<mark>', '</mark>', '...', 32)" + from +
              " ORDER BY rank LIMIT ?5 OFFSET ?6";
    else
        sql = "SELECT m.id, articles.title, substr(articles.body, 1, 200)" + from +
              " ORDER BY articles.rowid LIMIT ?5 OFFSET ?6";
    cached = db_.prepare(sql);
    return cached.get();
}

Result Searcher::search(const Request& r) {
    const std::string expression = match_expression(r.q, r.op_or);
    const bool match = !expression.empty();
    const std::string category = baseline::lower(r.category);
    auto bind_filters = [&](sqlite3_stmt* s) {
        if (match) bind(db_, s, 1, expression);
        if (!category.empty()) bind(db_, s, 2, category);
        if (!r.from.empty()) sqlite3_bind_int64(s, 3, std::stoll(r.from));
        if (!r.to.empty()) sqlite3_bind_int64(s, 4, std::stoll(r.to));
    };
    Result result;
    sqlite3_stmt* hits = statement(false, match, r);
    bind_filters(hits);
    sqlite3_bind_int64(hits, 5, static_cast<sqlite3_int64>(r.limit));
    sqlite3_bind_int64(hits, 6, static_cast<sqlite3_int64>(r.offset));
    int rc;
    while ((rc = sqlite3_step(hits)) == SQLITE_ROW)
        result.hits.push_back({column_text(hits, 0), column_text(hits, 1), column_text(hits, 2)});
    sqlite3_reset(hits);
    sqlite3_clear_bindings(hits);
    if (rc != SQLITE_DONE) db_.fail("search");
    if (r.facets) {
        sqlite3_stmt* counts = statement(true, match, r);
        bind_filters(counts);
        while ((rc = sqlite3_step(counts)) == SQLITE_ROW)
            result.facets.emplace_back(column_text(counts, 0), sqlite3_column_int64(counts, 1));
        sqlite3_reset(counts);
        sqlite3_clear_bindings(counts);
        if (rc != SQLITE_DONE) db_.fail("facets");
    }
    return result;
}

}  // namespace fts5
