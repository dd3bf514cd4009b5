// searchd over HTTP: a real daemon on 127.0.0.1, a real index on disk.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <libsearch/libsearch.hpp>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "run_process.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"
#include "story_versions.hpp"
#include "test_index.hpp"

using namespace testsupport;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<libsearch::Article> articles() {
    std::vector<libsearch::Article> out{
        article("liberty", "Camp Liberty residents appeal to the UN",
                "Residents of Camp Liberty asked the United Nations for protection.\n\nThe camp is near Baghdad.",
                {"Iranian opposition"}, day(2013, 2, 15)),
        article("blockade", "Medical blockade of Camp Liberty", "Patients in the camp cannot reach hospitals.",
                {"Iranian opposition", "Human rights"}, day(2013, 3, 2)),
        article("oil", "Oil prices rise", "Crude oil rose on supply fears.", {"Economy"}, day(2014, 6, 1)),
        article("xss", "<img src=x onerror=alert(1)>", "A title <script>alert(2)</script> camp test.", {"Tests"},
                day(2012, 1, 1)),
        article("undated", "An essay on exile", "Exile and the camp, without a date.", {"Essays"}),
    };
    out[0].url = "https://news.example.org/liberty";
    return out;
}

// One index and one server for the read-only tests of this file.
struct Fixture {
    TempDir dir;
    std::string db = dir / "db";
    std::string web = dir / "web";
    std::unique_ptr<ServerProcess> server;

    Fixture() {
        {
            libsearch::IndexWriter writer({.path = db});
            for (const auto& a : articles()) writer.add(a);
        }
        fs::create_directories(web + "/js");
        std::ofstream(web + "/index.html") << "<!doctype html><title>page</title>";
        std::ofstream(web + "/js/app.js") << "console.log('ok');";
        std::ofstream(dir / "secret.txt") << "outside";
        fs::create_symlink(dir / "secret.txt", web + "/leak.txt");
        server = std::make_unique<ServerProcess>(SEARCHD_PATH, std::vector<std::string>{"--db", db, "--web", web});
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

httplib::Client client() {
    httplib::Client c("127.0.0.1", fixture().server->port());
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    c.set_url_encode(false);  // targets here are written already encoded
    return c;
}

json get_json(const std::string& target, int expected_status = 200) {
    auto res = client().Get(target.c_str());
    REQUIRE(res);
    INFO(target << " -> " << res->body);
    CHECK(res->status == expected_status);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    auto j = json::parse(res->body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

std::vector<std::string> hit_ids(const json& response) {
    std::vector<std::string> ids;
    for (const auto& hit : response["hits"]) ids.push_back(hit["id"]);
    return ids;
}

// Sends raw bytes, for requests a well-behaved client library would not make.
std::string raw_request(const std::string& bytes) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(fixture().server->port()));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    REQUIRE(send(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
    std::string answer;
    char buffer[4096];
    ssize_t n;
    while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    return answer;
}

}  // namespace

TEST_CASE("searchd announces its address on the first line", "[searchd]") {
    CHECK_THAT(fixture().server->first_line(), Catch::Matches(R"(listening on http://127\.0\.0\.1:\d+)"));
}

TEST_CASE("GET /api/search answers with hits, facets and paging", "[searchd]") {
    auto r = get_json("/api/search?q=camp+liberty");
    CHECK(r["query"] == "camp liberty");
    CHECK(r["total"] == 2);
    CHECK(r["total_exact"] == true);
    CHECK(r["page"] == 1);
    CHECK(r["size"] == 10);
    CHECK(r["took_ms"].is_number());
    REQUIRE(r["hits"].size() == 2);
    const auto& hit = r["hits"][0];
    for (const char* field : {"id", "title", "title_html", "url", "categories", "date", "author", "snippet", "score"})
        CHECK(hit.contains(field));
    CHECK_THAT(hit["snippet"].get<std::string>(), Catch::Contains("<mark>"));
    CHECK_THAT(hit["title_html"].get<std::string>(), Catch::Contains("<mark>Camp</mark>"));
    CHECK(r["facets"]["category"][0] == json({{"value", "Iranian opposition"}, {"count", 2}}));
    CHECK(r["facets"]["year"] == json::array({{{"value", "2013"}, {"count", 2}}}));
    CHECK(r["facets"]["month"].size() == 2);
    CHECK(r["suggestion"].is_null());
}

TEST_CASE("search parameters: category, from/to, sort, page, size, op, exact", "[searchd]") {
    CHECK(hit_ids(get_json("/api/search?q=camp&category=Human+rights")) == std::vector<std::string>{"blockade"});
    CHECK(get_json("/api/search?q=camp&category=Tests&category=Essays")["total"] == 2);
    CHECK(hit_ids(get_json("/api/search?q=camp&from=2013-03&to=2013-03")) == std::vector<std::string>{"blockade"});
    CHECK(hit_ids(get_json("/api/search?q=camp&sort=oldest")) ==
          std::vector<std::string>{"xss", "liberty", "blockade", "undated"});
    CHECK(hit_ids(get_json("/api/search?q=camp&sort=newest")).front() == "blockade");
    auto page2 = get_json("/api/search?q=camp&sort=oldest&size=2&page=2");
    CHECK(hit_ids(page2) == std::vector<std::string>{"blockade", "undated"});
    CHECK(page2["page"] == 2);
    CHECK(page2["size"] == 2);
    CHECK(get_json("/api/search?q=oil+exile")["total"] == 0);
    CHECK(get_json("/api/search?q=oil+exile&op=or")["total"] == 2);
    CHECK(get_json("/api/search?q=camp&exact=1")["facets_exact"] == true);
    CHECK_FALSE(get_json("/api/search?q=camp")["facets"]["category"].empty());
    CHECK(get_json("/api/search?q=camp&facets=0")["facets"]["category"].empty());
    CHECK(get_json("/api/search?q=camp&facets=0")["total"] == 4);
    CHECK_FALSE(get_json("/api/search?q=camp")["hits"][0]["snippet"].get<std::string>().empty());
    CHECK(get_json("/api/search?q=camp&snippets=0")["hits"][0]["snippet"] == "");
    CHECK(get_json("/api/search?q=camp&snippets=0")["hits"][0]["title_html"] != "");
    // Empty q with a filter: the filtered articles, newest first.
    CHECK(hit_ids(get_json("/api/search?category=Iranian+opposition")) ==
          std::vector<std::string>{"blockade", "liberty"});
    CHECK(get_json("/api/search?q=Liberti")["suggestion"] == "liberty");
    // A recency boost reorders, never filters (its effect: the [recency] unit test).
    CHECK(get_json("/api/search?q=camp&recency=30")["total"] == get_json("/api/search?q=camp")["total"]);
}

TEST_CASE("bad parameters and queries are 400 with a message naming them", "[searchd][errors]") {
    struct Row {
        const char* target;
        const char* code;
        const char* field;
    };
    const Row rows[] = {
        {"/api/search?size=0", "bad_parameter", "size"},
        {"/api/search?size=101", "bad_parameter", "size"},
        {"/api/search?size=-5", "bad_parameter", "size"},
        {"/api/search?page=0", "bad_parameter", "page"},
        {"/api/search?page=abc", "bad_parameter", "page"},
        {"/api/search?page=99999999999999999999", "bad_parameter", "page"},
        {"/api/search?sort=random", "bad_parameter", "sort"},
        {"/api/search?op=xor", "bad_parameter", "op"},
        {"/api/search?exact=yes", "bad_parameter", "exact"},
        {"/api/search?facets=2", "bad_parameter", "facets"},
        {"/api/search?snippets=no", "bad_parameter", "snippets"},
        {"/api/search?recency=-1", "bad_parameter", "recency"},
        {"/api/search?from=2013-13", "bad_parameter", "from"},
        {"/api/search?to=yesterday", "bad_parameter", "to"},
        {"/api/search?from=2014&to=2013", "bad_parameter", "to"},
        {"/api/search?q=a&q=b", "bad_parameter", "q"},
        {"/api/search?nonsense=1", "bad_parameter", "nonsense"},
        {"/api/search?q=date:2013-13-45", "bad_query", nullptr},
        {"/api/doc/liberty?q=date:2013-02-30", "bad_query", nullptr},
        {"/api/suggest", "bad_parameter", "q"},
    };
    for (const auto& row : rows) {
        auto r = get_json(row.target, 400);
        CHECK(r["error"]["code"] == row.code);
        CHECK_FALSE(r["error"]["message"].get<std::string>().empty());
        if (row.field) CHECK(r["error"]["parameter"] == row.field);
    }
    CHECK(get_json("/api/search?q=date:2013-13-45", 400)["error"]["position"] == 5);
    CHECK(get_json("/api/search?q=" + std::string(5000, 'a'), 400)["error"]["parameter"] == "q");
}

TEST_CASE("whatever a user types gets a 200 or a 400, never a 500", "[searchd][errors]") {
    for (const char* q : {"%22unbalanced", "((((", "a*", "NOT", "-", "\"\"", "%00", "%ff%fe", "title:", "date:..",
                          "category:", "a+AND+OR+NOT+b", "%E2%80%9Ccamp%E2%80%9D", "*", "site:", "NEAR", "a%20NEAR/999%20b"}) {
        auto res = client().Get((std::string("/api/search?q=") + q).c_str());
        REQUIRE(res);
        INFO(q << " -> " << res->status << " " << res->body);
        CHECK((res->status == 200 || res->status == 400));
    }
}

TEST_CASE("GET /api/timeline counts matches per period for up to 4 queries", "[searchd][timeline]") {
    auto j = get_json("/api/timeline?q=camp&q=oil&interval=year");
    CHECK(j["interval"] == "year");
    CHECK(j["periods"] == json::array({"2012", "2013", "2014"}));
    CHECK(j["articles"] == json::array({1, 2, 1}));
    REQUIRE(j["series"].size() == 2);
    CHECK(j["series"][0]["q"] == "camp");
    CHECK(j["series"][0]["counts"] == json::array({1, 2, 0}));
    CHECK(j["series"][0]["total"] == 4);
    CHECK(j["series"][0]["undated"] == 1);
    CHECK(j["series"][0]["shares"][1] == 1.0);
    CHECK(j["series"][1]["counts"] == json::array({0, 0, 1}));
    CHECK(j["exact"] == true);

    j = get_json("/api/timeline?from=2013-02&to=2013-04&category=Human%20rights");  // no q: every article
    CHECK(j["periods"] == json::array({"2013-02", "2013-03", "2013-04"}));
    CHECK(j["series"][0]["q"] == "");
    CHECK(j["series"][0]["counts"] == json::array({0, 1, 0}));

    struct Row {
        const char* target;
        const char* parameter;
    };
    for (const Row& row : {Row{"/api/timeline?q=a&q=b&q=c&q=d&q=e", "q"}, Row{"/api/timeline?interval=week", "interval"},
                           Row{"/api/timeline?from=1000&to=2000", "interval"}, Row{"/api/timeline?to=2013-02-30", "to"},
                           Row{"/api/timeline?q=camp&page=2", "page"}}) {
        const auto error = get_json(row.target, 400);
        CHECK(error["error"]["parameter"] == row.parameter);
    }
}

TEST_CASE("GET /api/doc/{id} returns the article, marked with q; 404 when unknown", "[searchd]") {
    auto doc = get_json("/api/doc/liberty?q=camp");
    CHECK(doc["id"] == "liberty");
    CHECK(doc["title"] == "Camp Liberty residents appeal to the UN");
    CHECK(doc["url"] == "https://news.example.org/liberty");
    CHECK(doc["date"] == "2013-02-15");
    CHECK(doc["date_source"] == "article");
    CHECK(doc["body_html"] ==
          "<p>Residents of <mark>Camp</mark> Liberty asked the United Nations for protection.</p>\n"
          "<p>The <mark>camp</mark> is near Baghdad.</p>");
    CHECK(get_json("/api/doc/undated")["date"].is_null());
    auto xss = get_json("/api/doc/xss");
    CHECK(xss["title"] == "<img src=x onerror=alert(1)>");
    CHECK(xss["title_html"] == "&lt;img src=x onerror=alert(1)&gt;");
    CHECK_THAT(xss["body_html"].get<std::string>(), Catch::Contains("&lt;script&gt;"));
    CHECK(get_json("/api/doc/no-such-id", 404)["error"]["code"] == "not_found");
}

TEST_CASE("GET /api/suggest completes words and titles", "[searchd]") {
    auto r = get_json("/api/suggest?q=camp+lib");
    CHECK(r["query"] == "camp lib");
    REQUIRE_FALSE(r["suggestions"].empty());
    CHECK(r["suggestions"][0] == json({{"text", "camp liberty"}, {"kind", "term"}}));
    bool title = false;
    for (const auto& s : r["suggestions"]) title = title || s["kind"] == "title";
    CHECK(title);
}

TEST_CASE("healthz, metrics and 404/405 answers", "[searchd]") {
    auto health = get_json("/healthz");
    CHECK(health["status"] == "ok");
    CHECK(health["documents"] == 5);
    CHECK(health["last_commit"].is_string());

    auto metrics_before = client().Get("/metrics");
    REQUIRE(metrics_before);
    CHECK_THAT(metrics_before->get_header_value("Content-Type"), Catch::StartsWith("text/plain"));
    CHECK_THAT(metrics_before->body, Catch::Contains("searchd_documents 5"));
    // The search queue (--search-threads): no search runs or waits while metrics are read.
    CHECK_THAT(metrics_before->body, Catch::Contains("\nsearchd_search_slots " +
                                                     std::to_string(2 * std::max(1u, std::thread::hardware_concurrency())) + "\n"));
    CHECK_THAT(metrics_before->body, Catch::Contains("\nsearchd_searches_running 0\n"));
    CHECK_THAT(metrics_before->body, Catch::Contains("\nsearchd_searches_queued 0\n"));
    get_json("/api/search?q=metrics-probe");
    get_json("/api/search?size=0", 400);
    auto count = [](const std::string& text, const std::string& series) -> long {
        const auto pos = text.find(series + " ");
        return pos == std::string::npos ? 0 : std::stol(text.substr(pos + series.size() + 1));
    };
    const std::string ok = "searchd_requests_total{route=\"/api/search\",status=\"200\"}";
    const std::string bad = "searchd_requests_total{route=\"/api/search\",status=\"400\"}";
    // A request is counted once its answer is written, which may be just
    // after the client has read it, and each request of the client comes on
    // a connection of its own, so the second may be counted before the
    // first: look again for a moment, until both are.
    std::string metrics_after;
    for (int i = 0; i < 100; ++i) {
        metrics_after = client().Get("/metrics")->body;
        if (count(metrics_after, bad) > count(metrics_before->body, bad) &&
            count(metrics_after, ok) > count(metrics_before->body, ok))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(count(metrics_after, ok) == count(metrics_before->body, ok) + 1);
    CHECK(count(metrics_after, bad) == count(metrics_before->body, bad) + 1);
    CHECK_THAT(metrics_after, Catch::Contains("searchd_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"}"));
    CHECK_THAT(metrics_after, Catch::Contains("searchd_index_age_seconds"));

    CHECK(get_json("/api/unknown", 404)["error"]["code"] == "not_found");
    auto post = client().Post("/api/search", "q=x", "application/x-www-form-urlencoded");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    CHECK(json::parse(post->body)["error"]["code"] == "method_not_allowed");
}

TEST_CASE("/openapi.json describes every route and exactly the parameters accepted", "[searchd][openapi]") {
    auto spec = get_json("/openapi.json");
    CHECK(spec["openapi"] == "3.0.3");
    std::set<std::string> paths;
    for (const auto& [path, _] : spec["paths"].items()) paths.insert(path);
    CHECK(paths == std::set<std::string>{"/api/search", "/api/timeline", "/api/doc/{id}", "/api/doc/{id}/similar",
                                         "/api/suggest", "/healthz", "/metrics", "/openapi.json", "/api/export",
                                         "/feeds/search.atom", "/api/kwic"});
    // Every documented query parameter is accepted with a valid value...
    const std::map<std::string, std::string> valid{{"q", "camp"}, {"category", "Economy"}, {"from", "2013"},
                                                   {"to", "2014"}, {"sort", "newest"}, {"page", "1"},
                                                   {"size", "5"}, {"op", "or"}, {"exact", "1"},
                                                   {"recency", "365"}, {"facets", "0"}, {"snippets", "0"},
                                                   {"interval", "year"}, {"limit", "3"}, {"format", "jsonl"},
                                                   {"versions", "collapse"}, {"version_group", "0123456789abcdef"},
                                                   {"width", "3"}, {"stem", "1"}, {"offset", "1"}};
    for (const auto& [path, item] : spec["paths"].items()) {
        std::string target = path == "/api/doc/{id}"           ? "/api/doc/liberty"
                             : path == "/api/doc/{id}/similar" ? "/api/doc/liberty/similar"
                                                               : path;
        for (const auto& param : item["get"]["parameters"]) {
            if (param["in"] != "query") continue;
            const std::string name = param["name"];
            INFO(path << " " << name);
            REQUIRE(valid.count(name));
            // /api/kwic requires q: the others are tried next to it.
            const std::string base = path == "/api/kwic" && name != "q" ? "?q=camp&" : "?";
            auto res = client().Get((target + base + name + "=" + valid.at(name)).c_str());
            REQUIRE(res);
            CHECK(res->status == 200);
        }
        // ...and an undocumented one is refused, for the API routes.
        if (path.rfind("/api/", 0) == 0) {
            auto res = client().Get((target + "?q=camp&undocumented=1").c_str());
            CHECK(res->status == 400);
        }
    }
    // The search parameters and their constraints match what the server enforces.
    for (const auto& param : spec["paths"]["/api/search"]["get"]["parameters"]) {
        if (param["schema"].contains("maximum")) {
            const std::string over = std::to_string(param["schema"]["maximum"].get<long>() + 1);
            CHECK(client().Get(("/api/search?" + param["name"].get<std::string>() + "=" + over).c_str())->status == 400);
        }
        if (param["schema"].contains("enum") && param["schema"]["type"] == "string")
            for (const auto& value : param["schema"]["enum"])
                CHECK(client().Get(("/api/search?" + param["name"].get<std::string>() + "=" + value.get<std::string>()).c_str())->status == 200);
    }
}

TEST_CASE("static files: content types, caching, security headers, no escape from web/", "[searchd][security]") {
    auto page = client().Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->get_header_value("Cache-Control") == "no-cache");
    CHECK_THAT(page->get_header_value("Content-Security-Policy"), Catch::Contains("script-src 'self'"));
    CHECK_THAT(page->get_header_value("Content-Security-Policy"), Catch::Contains("frame-ancestors 'none'"));
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
    auto script = client().Get("/js/app.js");
    REQUIRE(script);
    CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    const std::string etag = script->get_header_value("ETag");
    CHECK_FALSE(etag.empty());
    auto again = client().Get("/js/app.js", {{"If-None-Match", etag}});
    CHECK(again->status == 304);

    CHECK(client().Get("/leak.txt")->status == 404);  // a symlink out of web/
    for (const char* target : {"/../secret.txt", "/js/../../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                               "/js/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "//etc/passwd", "/%00"}) {
        INFO(target);
        const std::string answer = raw_request(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        CHECK_THAT(answer, !Catch::Contains("outside"));
        CHECK_THAT(answer, !Catch::Contains("root:"));
        CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 4"));
    }
}

TEST_CASE("the access log has one line per request", "[searchd]") {
    get_json("/api/search?q=access-log-probe");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::string log;
    while (std::chrono::steady_clock::now() < deadline) {
        log = fixture().server->stderr_text();
        if (log.find("access-log-probe") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK_THAT(log, Catch::Matches(R"((.|\n)*127\.0\.0\.1 GET /api/search\?q=access-log-probe 200 \d+B [0-9.]+ms(.|\n)*)"));
}

TEST_CASE("new commits appear without a restart, and no request fails meanwhile", "[searchd][live]") {
    TempDir dir;
    const std::string db = dir / "db";
    libsearch::IndexWriter writer({.path = db, .batch_size = 0});
    writer.add(article("first", "First article", "alpha text"));
    writer.commit();
    ServerProcess server(SEARCHD_PATH, {"--db", db, "--web", "", "--quiet"});
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(10);

    std::atomic<bool> done{false};
    std::atomic<int> failures{0}, requests{0};
    std::string first_failure;
    std::thread reader([&] {
        httplib::Client r("127.0.0.1", server.port());
        r.set_read_timeout(10);
        for (int i = 0; i < 20000 && !done; ++i) {
            auto res = r.Get("/api/search?q=text&exact=1");
            ++requests;
            if (!res || res->status != 200) {
                if (!failures++)
                    first_failure = res ? std::to_string(res->status) + " " + res->body : httplib::to_string(res.error());
            }
        }
    });
    for (int round = 0; round < 10; ++round) {
        for (int i = 0; i < 50; ++i)
            writer.add(article("live-" + std::to_string(round) + "-" + std::to_string(i), "Live", "beta text"));
        writer.commit();
    }
    // Visible within a few seconds.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    long total = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        auto res = c.Get("/api/search?q=beta&exact=1");
        REQUIRE(res);
        total = json::parse(res->body)["total"];
        if (total == 500) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    done = true;
    reader.join();
    CHECK(total == 500);
    CHECK(requests > 0);
    INFO(first_failure << "\n" << server.stderr_text().substr(0, 2000));
    CHECK(failures == 0);
    CHECK(server.stop() == 0);
}

TEST_CASE("searchd refuses bad command lines and missing indexes", "[searchd][errors]") {
    TempDir dir;
    CHECK_THROWS_WITH(ServerProcess(SEARCHD_PATH, {"--db", dir / "missing"}), Catch::Contains("no index"));
    CHECK_THROWS(ServerProcess(SEARCHD_PATH, {}));
}

TEST_CASE("a second searchd on a port in use is refused, naming the address", "[searchd][errors]") {
    const std::string port = std::to_string(fixture().server->port());
    // `timeout`: a searchd that wrongly shared the port would serve until killed (124).
    const auto second = run_process({"/usr/bin/timeout", "10", SEARCHD_PATH, "--db", fixture().db, "--web", "", "--port", port});
    INFO(second.err);
    CHECK(second.status == 1);
    CHECK_THAT(second.err, Catch::Contains("cannot listen on 127.0.0.1:" + port));
    CHECK(get_json("/api/search?q=camp")["total"] == 4);
}

// cpp-httplib 0.11 listens with a backlog of 5; clients connecting together
// then lost their handshakes and waited seconds for TCP to retry
// (tests/reliability/http/load.sh). `ss` shows a listening socket's backlog.
TEST_CASE("searchd takes many connections arriving together: a deep listen backlog", "[searchd]") {
    const std::string port = std::to_string(fixture().server->port());
    const auto ss = run_process({"/usr/bin/ss", "-ltnH", "sport = :" + port});
    INFO(ss.out << ss.err);
    REQUIRE(ss.status == 0);
    std::istringstream line(ss.out);
    std::string state;
    long queued = -1, backlog = -1;
    line >> state >> queued >> backlog;
    CHECK(state == "LISTEN");
    CHECK(backlog >= 128);
}

TEST_CASE("searchd applies a synonyms file, and refuses a malformed one", "[searchd][synonyms]") {
    TempDir dir;
    const std::string db = dir / "db";
    {
        libsearch::IndexWriter writer({.path = db});
        writer.add(article("agency", "Report", "The UN refugee agency counted the residents."));
        writer.add(article("acronym", "Visit", "UNHCR staff visited the camp."));
    }
    std::ofstream(dir / "synonyms.conf") << "UNHCR | \"UN refugee agency\"\n";
    ServerProcess server(SEARCHD_PATH, {"--db", db, "--web", "", "--synonyms", dir / "synonyms.conf", "--quiet"});
    httplib::Client c("127.0.0.1", server.port());
    auto res = c.Get("/api/search?q=unhcr");
    REQUIRE(res);
    CHECK(json::parse(res->body)["total"] == 2);

    std::ofstream(dir / "bad.conf") << "lonely\n";
    CHECK_THROWS_WITH(ServerProcess(SEARCHD_PATH, {"--db", db, "--synonyms", dir / "bad.conf"}),
                      Catch::Contains("bad.conf:1"));
}

TEST_CASE("GET /api/doc/{id}/similar lists the most similar articles; 404 unknown; 400 bad parameters",
          "[searchd][similar]") {
    auto j = get_json("/api/doc/liberty/similar");
    CHECK(j["id"] == "liberty");
    REQUIRE(j["similar"].is_array());
    REQUIRE_FALSE(j["similar"].empty());
    const auto& best = j["similar"][0];
    CHECK(best["id"] == "blockade");  // "Camp Liberty" in both titles
    CHECK(best["title"] == "Medical blockade of Camp Liberty");
    CHECK(best["url"] == "");
    CHECK(best["date"] == "2013-03-02");
    CHECK(best["categories"] == json({"Iranian opposition", "Human rights"}));
    CHECK(best["score"].get<double>() > 0);
    for (const auto& s : j["similar"]) CHECK(s["id"] != "liberty");
    CHECK(get_json("/api/doc/liberty/similar?limit=1")["similar"].size() == 1);
    for (const auto& s : get_json("/api/doc/liberty/similar?category=essays")["similar"])
        CHECK(s["categories"] == json({"Essays"}));
    CHECK(get_json("/api/doc/liberty/similar?from=2014")["similar"].empty());  // only oil is that late, and unlike

    auto missing = get_json("/api/doc/no-such-id/similar", 404);
    CHECK(missing["error"]["code"] == "not_found");
    CHECK_THAT(missing["error"]["message"].get<std::string>(), Catch::Contains("no-such-id"));
    struct Row {
        std::string target, parameter;
    };
    for (const Row& row : {Row{"/api/doc/liberty/similar?limit=0", "limit"},
                           Row{"/api/doc/liberty/similar?limit=51", "limit"},
                           Row{"/api/doc/liberty/similar?limit=five", "limit"},
                           Row{"/api/doc/liberty/similar?limit=1&limit=2", "limit"},
                           Row{"/api/doc/liberty/similar?q=camp", "q"},
                           Row{"/api/doc/liberty/similar?from=2013-13", "from"},
                           Row{"/api/doc/liberty/similar?from=2014&to=2013", "to"}}) {
        auto error = get_json(row.target, 400);
        CHECK(error["error"]["code"] == "bad_parameter");
        CHECK(error["error"]["parameter"] == row.parameter);
    }
    // The document route is still the document route.
    CHECK(get_json("/api/doc/liberty")["id"] == "liberty");
}

TEST_CASE("GET /api/doc/{id} carries the article's citation", "[searchd][citation]") {
    CHECK(get_json("/api/doc/liberty")["citation"] ==
          json({{"title", "Camp Liberty residents appeal to the UN"},
                {"site", "news.example.org"},
                {"date", "2013-02-15"},
                {"url", "https://news.example.org/liberty"},
                {"text", "Camp Liberty residents appeal to the UN. news.example.org, 2013-02-15. "
                         "https://news.example.org/liberty."}}));
    const auto undated = get_json("/api/doc/undated")["citation"];
    CHECK(undated["date"] == "n.d.");
    CHECK(undated["site"] == "");
    CHECK(undated["text"] == "An essay on exile. n.d.");
}

TEST_CASE("article ids with slashes or percent-encoding reach the document and similar routes",
          "[searchd][similar]") {
    TempDir dir;
    const std::string db = dir / "db";
    {
        libsearch::IndexWriter writer({.path = db});
        writer.add(article("2013/02/liberty", "Camp Liberty residents", "Residents of Camp Liberty appealed."));
        writer.add(article("a b%c", "Camp Liberty appeal", "An appeal from Camp Liberty residents."));
        writer.add(article("similar", "Oil", "Crude oil prices."));
    }
    ServerProcess server(SEARCHD_PATH, {"--db", db, "--web", "", "--quiet"});
    httplib::Client c("127.0.0.1", server.port());
    c.set_url_encode(false);
    auto body_of = [&](const std::string& target, int status) {
        auto res = c.Get(target.c_str());
        REQUIRE(res);
        INFO(target << " -> " << res->body);
        CHECK(res->status == status);
        return json::parse(res->body);
    };
    CHECK(body_of("/api/doc/2013/02/liberty", 200)["id"] == "2013/02/liberty");
    CHECK(body_of("/api/doc/2013%2F02%2Fliberty", 200)["id"] == "2013/02/liberty");
    CHECK(body_of("/api/doc/a%20b%25c", 200)["id"] == "a b%c");
    CHECK(body_of("/api/doc/similar", 200)["id"] == "similar");  // an id that is the route's word

    auto similar = body_of("/api/doc/2013/02/liberty/similar", 200);
    CHECK(similar["id"] == "2013/02/liberty");
    REQUIRE(similar["similar"].size() == 1);
    CHECK(similar["similar"][0]["id"] == "a b%c");
    similar = body_of("/api/doc/a%20b%25c/similar", 200);
    CHECK(similar["id"] == "a b%c");
    REQUIRE(similar["similar"].size() == 1);
    CHECK(similar["similar"][0]["id"] == "2013/02/liberty");
    CHECK(body_of("/api/doc/2013%2F02%2Fliberty/similar?limit=1", 200)["similar"].size() == 1);
    CHECK(body_of("/api/doc/similar/similar", 200)["similar"].empty());
    CHECK(body_of("/api/doc/nope/similar", 404)["error"]["code"] == "not_found");
}

TEST_CASE("versions=collapse shows one version of a story with the count; version_group expands it",
          "[searchd][versions]") {
    TempDir dir;
    const std::string db = dir / "db";
    {
        libsearch::IndexWriter writer({.path = db});
        for (const auto& a : story_with_versions()) writer.add(a);
        writer.group_versions();
    }
    ServerProcess server(SEARCHD_PATH, {"--db", db, "--web", ""});
    httplib::Client c("127.0.0.1", server.port());
    auto get = [&](const std::string& target, int status = 200) {
        auto res = c.Get(target.c_str());
        REQUIRE(res);
        INFO(target << " -> " << res->body);
        REQUIRE(res->status == status);
        return json::parse(res->body);
    };
    const json all = get("/api/search?q=camp");
    CHECK(all["hits"].size() == 4);
    const json collapsed = get("/api/search?q=camp&versions=collapse");
    REQUIRE(collapsed["hits"].size() == 2);
    std::string group;
    for (const auto& hit : collapsed["hits"]) {
        if (hit["id"] == "other") {
            CHECK_FALSE(hit.contains("versions"));
            CHECK_FALSE(hit.contains("version_group"));
        } else {
            CHECK(hit["versions"] == 2);
            group = hit["version_group"].get<std::string>();
        }
    }
    REQUIRE_FALSE(group.empty());
    const json expanded = get("/api/search?q=camp&version_group=" + group);
    std::set<std::string> ids;
    for (const auto& hit : expanded["hits"]) ids.insert(hit["id"].get<std::string>());
    CHECK(ids == std::set<std::string>{"full", "reprint", "teaser"});
    CHECK(get("/api/search?q=camp&versions=some", 400)["error"]["parameter"] == "versions");
    CHECK(get("/api/search?q=camp&version_group=" + std::string(65, 'a'), 400)["error"]["parameter"] == "version_group");
}

TEST_CASE("GET /api/kwic lists each occurrence with context, paged", "[searchd][kwic]") {
    auto j = get_json("/api/kwic?q=camp&width=2&sort=oldest");
    CHECK(j["phrase"] == "camp");
    CHECK(j["total"] == 5);
    CHECK(j["complete"] == true);
    CHECK(j["articles"] == 4);
    CHECK(j["next_offset"].is_null());
    REQUIRE(j["lines"].size() == 5);
    // The oldest first: the article whose title is markup; context is plain text, never HTML.
    const auto& first = j["lines"][0];
    CHECK(first["id"] == "xss");
    CHECK(first["title"] == "<img src=x onerror=alert(1)>");
    CHECK(first["left"] == "(2)</script> ");
    CHECK(first["match"] == "camp");
    CHECK(first["right"] == " test.");
    CHECK(first["date"] == "2012-01-01");
    const auto& liberty = j["lines"][1];
    CHECK(liberty["id"] == "liberty");
    CHECK(liberty["url"] == "https://news.example.org/liberty");
    CHECK(liberty["left"] == "Residents of ");
    CHECK(liberty["match"] == "Camp");
    CHECK(liberty["right"] == " Liberty asked");
    CHECK(j["lines"][4]["id"] == "undated");
    CHECK(j["lines"][4]["date"].is_null());

    j = get_json("/api/kwic?q=%22Camp%20Liberty%22");
    CHECK(j["phrase"] == "camp liberty");
    CHECK(j["total"] == 1);
    CHECK(j["articles"] == 2);  // "blockade" names it in its title only
    REQUIRE(j["lines"].size() == 1);
    CHECK(j["lines"][0]["match"] == "Camp Liberty");

    j = get_json("/api/kwic?q=camp&limit=2");
    CHECK(j["lines"].size() == 2);
    CHECK(j["next_offset"] == 2);
    j = get_json("/api/kwic?q=camp&limit=2&offset=4");
    CHECK(j["lines"].size() == 1);
    CHECK(j["offset"] == 4);
    CHECK(j["next_offset"].is_null());

    CHECK(get_json("/api/kwic?q=camps&stem=1")["total"] == 5);
    CHECK(get_json("/api/kwic?q=camps")["total"] == 0);
    CHECK(get_json("/api/kwic?q=camp&category=Essays")["lines"][0]["id"] == "undated");
    CHECK(get_json("/api/kwic?q=camp&from=2013&to=2013")["total"] == 3);
}

TEST_CASE("GET /api/kwic refuses bad parameters with a 400 naming them", "[searchd][kwic][errors]") {
    struct Row {
        const char* target;
        const char* parameter;
    };
    for (const Row& row : {Row{"/api/kwic", "q"}, Row{"/api/kwic?q=", "q"}, Row{"/api/kwic?q=%20%22%22", "q"},
                           Row{"/api/kwic?q=!%3F", "q"}, Row{"/api/kwic?q=camp&width=0", "width"},
                           Row{"/api/kwic?q=camp&width=51", "width"}, Row{"/api/kwic?q=camp&width=x", "width"},
                           Row{"/api/kwic?q=camp&limit=0", "limit"}, Row{"/api/kwic?q=camp&limit=501", "limit"},
                           Row{"/api/kwic?q=camp&offset=-1", "offset"}, Row{"/api/kwic?q=camp&stem=yes", "stem"},
                           Row{"/api/kwic?q=camp&sort=random", "sort"}, Row{"/api/kwic?q=camp&to=2013-02-30", "to"},
                           Row{"/api/kwic?q=camp&from=2014&to=2013", "to"}, Row{"/api/kwic?q=camp&page=2", "page"},
                           Row{"/api/kwic?q=a&q=b", "q"}}) {
        INFO(row.target);
        const auto error = get_json(row.target, 400);
        CHECK(error["error"]["parameter"] == row.parameter);
    }
    for (const char* q : {"%22unbalanced", "((((", "a*", "%00", "%ff%fe", "title:", "%E2%80%9Ccamp%E2%80%9D", "U.S."}) {
        auto res = client().Get((std::string("/api/kwic?q=") + q).c_str());
        REQUIRE(res);
        INFO(q << " -> " << res->status << " " << res->body);
        CHECK((res->status == 200 || res->status == 400));
    }
}
