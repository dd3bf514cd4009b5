// Hostile requests to a real searchd on a large vocabulary: every one gets
// 200 with JSON results or a JSON 400 naming the problem (never a 500, never
// a hang), and no method changes anything (searchd has no admin actions).
// Each request's status and time is printed, one line each, for the results.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "generated_index.hpp"
#include "raw_http.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

using json = nlohmann::json;
using namespace reliability;
namespace fs = std::filesystem;

namespace {

constexpr double kHangGuardMs = 5000;

struct Fixture {
    testsupport::TempDir dir;
    std::string db = dir / "db";
    std::unique_ptr<testsupport::ServerProcess> server;
    Fixture() {
        write_generated_index(db);
        server = std::make_unique<testsupport::ServerProcess>(
            SEARCHD_PATH, std::vector<std::string>{"--db", db, "--web", "", "--quiet"});
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

struct Row {
    std::string name;    ///< what is printed
    std::string target;  ///< already encoded
    int expect = 0;      ///< 0: 200 or 400 (404 too for /api/doc/ ids)
    std::string parameter = "";  ///< when a 400 must name this parameter
};

// The query texts, raw: each goes to /api/search, /api/doc/{id} and /api/suggest.
std::vector<std::pair<std::string, std::string>> hostile_queries() {
    using namespace std::string_literals;
    std::vector<std::pair<std::string, std::string>> q{
        {"unbalanced quote", "\"akalo bkaka"},
        {"quote at the end", "akalo\""},
        {"three quotes", "\"a \"b\" c"},
        {"only quotes", "\"\"\"\"\"\"\"\""},
        {"open brackets", "(((("},
        {"close brackets", "))))"},
        {"unclosed group", "(akalo OR bkaka"},
        {"unopened group", "akalo OR bkaka)"},
        {"square and curly brackets", "[akalo] {bkaka} <akalo>"},
        {"deep nesting 1000", std::string(1000, '(') + "akalo" + std::string(1000, ')')},
        {"deep nesting unbalanced 2000", std::string(2000, '(') + "akalo"},
        {"NOT chain 500", [] { std::string s; for (int i = 0; i < 500; ++i) s += "NOT "; return s + "akalo"; }()},
        {"AND NOT chain 300",
         [] { std::string s = "akalo"; for (int i = 0; i < 300; ++i) s += " AND NOT a" + std::to_string(i); return s; }()},
        {"OR chain 600", [] { std::string s = "a0"; for (int i = 1; i < 600; ++i) s += " OR a" + std::to_string(i); return s; }()},
        {"exclusions only 400", [] { std::string s; for (int i = 0; i < 400; ++i) s += "-a" + std::to_string(i) + " "; return s; }()},
        {"operators only", "AND OR NOT NEAR ADJ XOR"},
        {"dangling AND", "akalo AND"},
        {"leading OR", "OR akalo"},
        {"NOT alone", "NOT"},
        {"minus alone", "-"},
        {"plus alone", "+"},
        {"double signs", "++akalo --bkaka +-akalo"},
        {"NEAR/0", "akalo NEAR/0 bkaka"},
        {"NEAR/-1", "akalo NEAR/-1 bkaka"},
        {"NEAR/huge", "akalo NEAR/99999999999999999999 bkaka"},
        {"NEAR chain 200", [] { std::string s = "a1"; for (int i = 2; i < 200; ++i) s += " NEAR a" + std::to_string(i); return s; }()},
        {"ADJ ADJ", "akalo ADJ ADJ bkaka"},
        {"wildcard a*", "a*"},
        {"wildcard b*", "b*"},
        {"wildcard alone", "*"},
        {"wildcards only", "** *** ?"},
        {"leading wildcard", "*kalo"},
        {"many wildcards", "a* b* ak* bk* al* am* an* ar* as* at* av* az*"},
        {"wildcards ORed 60", [] { std::string s = "a*"; for (int i = 0; i < 60; ++i) s += " OR a" + std::to_string(i % 10) + "*"; return s; }()},
        {"wildcard in a phrase", "\"a* b*\""},
        {"wildcard in a field", "title:a* author:a*"},
        {"NOT wildcard", "NOT a*"},
        {"4 KB word", std::string(4000, 'x')},
        {"4 KB wildcard prefix", std::string(4000, 'a') + "*"},
        {"4096 bytes exactly", std::string(4095, 'a') + "*"},
        {"NUL byte", "akalo\0bkaka"s},
        {"NUL only", "\0"s},
        {"NUL in a field", "title:\0 category:\0"s},
        {"invalid UTF-8 ff fe", "\xff\xfe"},
        {"truncated UTF-8", "caf\xc3"},
        {"bad continuation", "\xc3\x28 akalo"},
        {"UTF-16 surrogate", "\xed\xa0\x80"},
        {"past U+10FFFF", "\xf4\x90\x80\x80"},
        {"overlong slash", "\xc0\xaf..\xc0\xaf"},
        {"Latin-1 bytes", "caf\xe9 na\xefve"},
        {"control characters", "\x01\x02\x1b[31m\x7f"},
        {"CR LF injection", "akalo\r\nX-Injected: 1\r\n\r\n"},
        {"right-to-left override", "\xe2\x80\xae" "akalo"},
        {"zero-width joiners", "a\xe2\x80\x8d" "k\xe2\x80\x8d" "alo"},
        {"1000 combining marks", [] { std::string s = "a"; for (int i = 0; i < 1000; ++i) s += "\xcc\x81"; return s; }()},
        {"emoji and full-width", "\xf0\x9f\x92\xa3 \xef\xbd\x81\xef\xbd\x8b\xef\xbd\x81"},
        {"smart quotes", "\xe2\x80\x9c" "akalo bkaka" "\xe2\x80\x9d \xe2\x80\x98x"},
        {"category: empty", "category:"},
        {"category: empty quotes", "category:\"\""},
        {"category: unclosed", "category:\"Economy"},
        {"category: group", "category:(Economy OR Culture)"},
        {"category: wildcard", "category:*"},
        {"category: markup", "category:\"<b>Markup</b>\""},
        {"category: nested field", "category:category:Economy"},
        {"place: empty", "place:"},
        {"place: wildcard", "place:*"},
        {"lang: empty", "lang:"},
        {"lang: unknown", "lang:xx"},
        {"lang: name", "lang:english"},
        {"lang: path", "lang:../../etc"},
        {"site: empty", "site:"},
        {"site: dot", "site:."},
        {"site: dots", "site:.."},
        {"site: URL", "site:http://news.site1.example/a?b=c"},
        {"site: wildcard", "site:*.example"},
        {"date: empty", "date:"},
        {"date: month 13 day 45", "date:2013-13-45"},
        {"date: February 30", "date:2013-02-30"},
        {"date: year 0", "date:0000"},
        {"date: all nines", "date:9999-99-99"},
        {"date: open range", "date:.."},
        {"date: four dots", "date:...."},
        {"date: reversed range", "date:2013..2012"},
        {"date: negative", "date:-1"},
        {"date: huge year", "date:99999999999999999999"},
        {"date: short parts", "date:2013-1-1"},
        {"date: slashes", "date:2013/01/01"},
        {"date: word", "date:today"},
        {"date: twice", "date:2013 date:2014"},
        {"date: bad, in a negated group", "-3 -(\x87-$/date:/\"6 ----i "},
        {"date: bad, negated inside a negated group", "-(-date:x OR c)"},
        {"date: range ending in year 0, negated in a group", "-(-date:..0000 OR c)"},
        {"date: range from year 0, negated in a group", "-(-date:0000..0000 OR c)"},
        {"title: empty", "title:"},
        {"title: quote", "title:\""},
        {"title: bracket", "title:("},
        {"title: chained", "title:title:title:"},
        {"author: empty", "author:"},
        {"unknown field", "nosuchfield:akalo"},
        {"colon only", ":akalo ::::"},
        {"every field at once",
         "title:a* AND NOT category:Economy OR date:1995..2005 NEAR place:usa lang:fr site:site1.example author:author"},
        {"percent signs", "% %% 100%"},
        {"SQL-ish", "' OR 1=1 -- ;DROP TABLE x"},
        {"shell-ish", "$(reboot) `id` ${HOME}"},
        {"template-ish", "{{7*7}} ${7*7} <%= 7*7 %>"},
        {"script tag", "<script>alert(1)</script>"},
        {"backslashes", "\\\\ \\\" \\"},
        {"only spaces", "     "},
        {"tabs and newlines", "\t\n\r\v\f"},
    };
    return q;
}

std::vector<Row> table() {
    std::vector<Row> rows;
    for (const auto& [name, q] : hostile_queries()) {
        rows.push_back({"search q: " + name, "/api/search?q=" + encode(q)});
        rows.push_back({"doc q: " + name, "/api/doc/gen-7?q=" + encode(q)});
        rows.push_back({"suggest q: " + name, "/api/suggest?q=" + encode(q)});
    }
    const std::string long_q = encode(std::string(100 * 1024, 'a'));
    const std::string spaced_q = encode([] { std::string s; while (s.size() < 100 * 1024) s += "akalo bkaka "; return s; }());
    const std::vector<Row> more{
        // Long requests: httplib refuses request lines past 8 KB itself (414).
        {"search q: 100 KB of one letter", "/api/search?q=" + long_q, 414},
        {"search q: 100 KB of words", "/api/search?q=" + spaced_q, 414},
        {"suggest q: 100 KB", "/api/suggest?q=" + long_q, 414},
        {"search q: 4097 bytes", "/api/search?q=" + std::string(4097, 'a'), 400, "q"},
        {"doc q: 4097 bytes", "/api/doc/gen-7?q=" + std::string(4097, 'a'), 400, "q"},
        {"suggest q: 4097 bytes", "/api/suggest?q=" + std::string(4097, 'a'), 400, "q"},
        // Malformed percent-encoding.
        {"q=% alone", "/api/search?q=%"},
        {"q=%zz", "/api/search?q=%zz"},
        {"q=%e (half)", "/api/search?q=%e"},
        {"q=%u0041", "/api/search?q=%u0041"},
        {"q=%00 (NUL)", "/api/search?q=%00"},
        {"raw UTF-8 in the target", "/api/search?q=caf\xc3\xa9"},
        {"raw invalid byte in the target", "/api/search?q=\xff"},
        // page and size.
        {"page=0", "/api/search?q=akalo&page=0", 400, "page"},
        {"page=-1", "/api/search?q=akalo&page=-1", 400, "page"},
        {"page=10000 (last allowed)", "/api/search?q=akalo&page=10000", 200},
        {"page=10000 size=100", "/api/search?q=a*&page=10000&size=100", 200},
        {"page=10001", "/api/search?q=akalo&page=10001", 400, "page"},
        {"page past 2^64", "/api/search?q=akalo&page=99999999999999999999999", 400, "page"},
        {"page=1e3", "/api/search?q=akalo&page=1e3", 400, "page"},
        {"page=0x10", "/api/search?q=akalo&page=0x10", 400, "page"},
        {"page=+1", "/api/search?q=akalo&page=%2B1", 400, "page"},
        {"page with a space", "/api/search?q=akalo&page=%201", 400, "page"},
        {"page full-width digit", "/api/search?q=akalo&page=%EF%BC%91", 400, "page"},
        {"page empty", "/api/search?q=akalo&page=", 400, "page"},
        {"size=0", "/api/search?q=akalo&size=0", 400, "size"},
        {"size=-1", "/api/search?q=akalo&size=-1", 400, "size"},
        {"size=101", "/api/search?q=akalo&size=101", 400, "size"},
        {"size=1000000", "/api/search?q=akalo&size=1000000", 400, "size"},
        {"size=-9223372036854775808", "/api/search?q=akalo&size=-9223372036854775808", 400, "size"},
        {"size empty", "/api/search?q=akalo&size=", 400, "size"},
        {"size=100 over a*", "/api/search?q=a*&size=100&exact=1", 200},
        // Dates.
        {"from=2013-13-45", "/api/search?from=2013-13-45", 400, "from"},
        {"to=2013-02-30", "/api/search?to=2013-02-30", 400, "to"},
        {"from=0000", "/api/search?from=0000"},
        {"from=99999", "/api/search?from=99999", 400, "from"},
        {"from with a time", "/api/search?from=2013-01-01T00:00", 400, "from"},
        {"from empty", "/api/search?q=akalo&from="},
        {"to before from", "/api/search?from=2010&to=1995", 400, "to"},
        {"from=..", "/api/search?from=..", 400, "from"},
        // Choices.
        {"sort empty", "/api/search?q=akalo&sort=", 400, "sort"},
        {"sort upper case", "/api/search?q=akalo&sort=NEWEST", 400, "sort"},
        {"op=AND", "/api/search?q=akalo&op=AND", 400, "op"},
        {"exact=2", "/api/search?q=akalo&exact=2", 400, "exact"},
        {"facets empty", "/api/search?q=akalo&facets=", 400, "facets"},
        // recency.
        {"recency=36500", "/api/search?q=akalo&recency=36500", 200},
        {"recency=1", "/api/search?q=a*&recency=1", 200},
        {"recency=36501", "/api/search?q=akalo&recency=36501", 400, "recency"},
        {"recency=-1", "/api/search?q=akalo&recency=-1", 400, "recency"},
        {"recency=1.5", "/api/search?q=akalo&recency=1.5", 400, "recency"},
        {"recency=1e9", "/api/search?q=akalo&recency=1e9", 400, "recency"},
        {"recency past 2^64", "/api/search?q=akalo&recency=99999999999999999999999", 400, "recency"},
        {"recency with newest order", "/api/search?q=akalo&recency=30&sort=newest"},
        // Repeated and unknown parameters.
        {"page twice", "/api/search?q=akalo&page=1&page=2", 400, "page"},
        // httplib keeps one of identical key=value pairs: a repeat of the same value is harmless.
        {"size twice, same value", "/api/search?q=akalo&size=1&size=1"},
        {"sort twice", "/api/search?q=akalo&sort=newest&sort=oldest", 400, "sort"},
        {"q twice", "/api/search?q=akalo&q=bkaka", 400, "q"},
        {"recency twice", "/api/search?q=akalo&recency=1&recency=2", 400, "recency"},
        {"category 50 times", "/api/search?q=akalo" + [] { std::string s; for (int i = 0; i < 50; ++i) s += "&category=c" + std::to_string(i); return s; }(), 200},
        {"category 51 times", "/api/search?q=akalo" + [] { std::string s; for (int i = 0; i < 51; ++i) s += "&category=c" + std::to_string(i); return s; }(), 400, "category"},
        {"category empty", "/api/search?category="},
        {"category NUL", "/api/search?category=%00"},
        {"category 4 KB", "/api/search?category=" + std::string(4000, 'c')},
        {"unknown parameter", "/api/search?q=akalo&debug=1", 400, "debug"},
        {"parameter without a name", "/api/search?q=akalo&=x", 400},
        {"parameter without a value", "/api/search?q=akalo&size", 400, "size"},
        {"ampersands only", "/api/search?&&&"},
        {"bracketed name", "/api/search?q=akalo&a%5Bb%5D=1", 400, "a[b]"},
        {"NUL in a name", "/api/search?q=akalo&%00=1", 400},
        {"doc: unknown parameter", "/api/doc/gen-7?debug=1", 400, "debug"},
        {"doc: q twice", "/api/doc/gen-7?q=a&q=b", 400, "q"},
        {"suggest: no q", "/api/suggest", 400, "q"},
        {"suggest: q twice", "/api/suggest?q=a&q=b", 400, "q"},
        {"suggest: unknown parameter", "/api/suggest?q=a&size=100", 400, "size"},
        // Article ids.
        {"doc: unknown id", "/api/doc/no-such-article", 404},
        {"doc: NUL id", "/api/doc/%00", 404},
        {"doc: traversal id", "/api/doc/..%2F..%2Fetc%2Fpasswd", 404},
        {"doc: 300-byte id", "/api/doc/" + std::string(300, 'i'), 404},
        {"doc: invalid UTF-8 id", "/api/doc/%FF%FE", 404},
        {"doc: id with a slash", "/api/doc/gen-7/extra", 404},
        {"doc: id with spaces", "/api/doc/gen%207", 404},
    };
    rows.insert(rows.end(), more.begin(), more.end());
    return rows;
}

bool is_api_error(const json& body) {
    return body.is_object() && body.contains("error") && body["error"].is_object() && body["error"]["code"].is_string() &&
           body["error"]["message"].is_string() && !body["error"]["message"].get<std::string>().empty();
}

std::string document_state(const std::string& db) {
    std::string state;
    for (const auto& entry : fs::directory_iterator(db))
        state += entry.path().filename().string() + " " + std::to_string(entry.file_size()) + " " +
                 std::to_string(entry.last_write_time().time_since_epoch().count()) + "\n";
    return state;
}

}  // namespace

TEST_CASE("hostile requests get 200 with results or a JSON 400 naming the problem, quickly", "[reliability][hostile]") {
    const int port = fixture().server->port();
    const auto rows = table();
    REQUIRE(rows.size() >= 100);
    std::map<int, int> statuses;
    double slowest = 0;
    std::string slowest_name;
    std::printf("hostile requests (%zu): status, milliseconds, request\n", rows.size());
    for (const auto& row : rows) {
        const Answer a = request(port, "GET", row.target, std::chrono::milliseconds(static_cast<int>(kHangGuardMs) * 2));
        std::printf("%3d %9.1f ms  %s\n", a.status, a.ms, row.name.c_str());
        ++statuses[a.status];
        if (a.ms > slowest) slowest = a.ms, slowest_name = row.name;
        INFO(row.name << "\n" << row.target.substr(0, 300) << "\n-> " << a.status << " in " << a.ms << " ms\n"
                      << a.body.substr(0, 500));
        CHECK_FALSE(a.timed_out);
        CHECK(a.ms < kHangGuardMs);
        const bool doc_route = row.target.rfind("/api/doc/", 0) == 0;
        if (row.expect) CHECK(a.status == row.expect);
        else CHECK((a.status == 200 || a.status == 400 || (doc_route && a.status == 404)));
        CHECK(a.header("Content-Type") == "application/json");
        const json body = json::parse(a.body, nullptr, false);
        if (body.is_discarded()) {
            FAIL_CHECK("the answer is not JSON");
            continue;
        }
        if (a.status == 200) {
            if (row.target.rfind("/api/search", 0) == 0) {
                CHECK(body["hits"].is_array());
                CHECK(body["total"].is_number_unsigned());
            } else if (row.target.rfind("/api/suggest", 0) == 0) {
                CHECK(body["suggestions"].is_array());
            } else {
                CHECK(body["id"] == "gen-7");
            }
        } else {
            if (!is_api_error(body)) {
                FAIL_CHECK("the answer is not a JSON error");
                continue;
            }
            const std::string code = body["error"]["code"];
            if (a.status == 400) {
                CHECK((code == "bad_parameter" || code == "bad_query"));
                if (code == "bad_parameter") CHECK(body["error"]["parameter"].is_string());
                if (code == "bad_query") CHECK(body["error"]["position"].is_number_unsigned());
                if (!row.parameter.empty()) CHECK(body["error"]["parameter"] == row.parameter);
            }
        }
    }
    std::printf("hostile requests: %zu sent;", rows.size());
    for (const auto& [status, count] : statuses) std::printf(" %d x%d", status, count);
    std::printf("; slowest %.1f ms (%s)\n", slowest, slowest_name.c_str());

    // Still up, and nothing counted as a server error.
    const Answer health = request(port, "GET", "/healthz");
    CHECK(health.status == 200);
    const Answer metrics = request(port, "GET", "/metrics");
    CHECK_THAT(metrics.body, !Catch::Contains("status=\"500\""));
    CHECK(statuses.count(500) == 0);
}

TEST_CASE("no method changes anything: every route refuses POST, PUT, DELETE and PATCH", "[reliability][admin]") {
    const int port = fixture().server->port();
    const std::string db = fixture().db;
    const std::string files_before = document_state(db);
    const std::string health_before = request(port, "GET", "/healthz").body;
    const std::string search_before = request(port, "GET", "/api/search?q=akalo&exact=1&snippets=0").body;

    const char* const routes[] = {"/api/search", "/api/search?q=akalo", "/api/doc/gen-7", "/api/suggest?q=ak",
                                  "/healthz", "/metrics", "/openapi.json", "/", "/index.html", "/api/admin",
                                  "/api/reindex", "/api/doc", "/api/unknown", "/no/such/page", "/api/doc/gen-7?q=a"};
    const std::string bodies[] = {"", R"({"id":"gen-7","title":"changed"})", std::string(70 * 1024, 'x')};
    int answers = 0;
    std::printf("state-changing methods: status per method and route\n");
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
        for (const char* route : routes) {
            for (const auto& body : bodies) {
                const Answer a = request(port, method, route, std::chrono::seconds(5), body);
                ++answers;
                INFO(method << " " << route << " (body " << body.size() << " bytes) -> " << a.status << " " << a.body);
                if (body.empty()) std::printf("%3d %s %s\n", a.status, method, route);
                if (body.size() > 64 * 1024) {
                    // Refused for its size before routing (payload limit), or 405.
                    CHECK((a.status == 413 || a.status == 405));
                    continue;
                }
                CHECK(a.status == 405);
                CHECK(a.header("Allow") == "GET, HEAD");
                const json error = json::parse(a.body, nullptr, false);
                REQUIRE_FALSE(error.is_discarded());
                CHECK(error["error"]["code"] == "method_not_allowed");
            }
        }
    }
    // Methods httplib does not know, and a method override header, change nothing either.
    for (const char* method : {"TRACE", "CONNECT", "PROPFIND", "MKCOL", "FOO"}) {
        const Answer a = request(port, method, "/api/search?q=akalo");
        INFO(method << " -> " << a.status << " " << a.body);
        CHECK(a.status >= 400);
        CHECK(a.status < 500);
        std::printf("%3d %s /api/search?q=akalo\n", a.status, method);
    }
    const Answer override = raw_exchange(port, "GET /api/doc/gen-7 HTTP/1.1\r\nHost: x\r\nX-HTTP-Method-Override: DELETE\r\n"
                                           "Connection: close\r\n\r\n");
    CHECK(override.status == 200);
    CHECK(answers == 4 * 15 * 3);

    CHECK(request(port, "GET", "/healthz").body == health_before);
    auto hits = [](const std::string& text) {
        const json j = json::parse(text, nullptr, false);
        return j.is_discarded() ? json() : json{j["total"], j["hits"]};
    };
    CHECK(hits(request(port, "GET", "/api/search?q=akalo&exact=1&snippets=0").body) == hits(search_before));
    CHECK(request(port, "GET", "/api/doc/gen-7").status == 200);
    CHECK(document_state(db) == files_before);
}
