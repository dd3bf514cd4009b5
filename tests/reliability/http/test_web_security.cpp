// Web security of searchd's answers: a corpus of XSS payloads (titles, bodies,
// authors, URLs, categories: xss_articles.jsonl) indexed by the indexer; every
// HTML field of the API is escaped text with nothing live but <mark> (and <p>
// in body_html); every kind of answer carries the security headers; no
// encoding of a path leaves the web folder. (The page itself: xss_page.mjs.)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "raw_http.hpp"
#include "run_process.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

using json = nlohmann::json;
using namespace reliability;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    testsupport::TempDir dir;
    std::string db = dir / "db";
    std::string web = dir / "site/web";
    std::vector<json> records;
    std::unique_ptr<testsupport::ServerProcess> server;
    Fixture() {
        const auto indexed = testsupport::run_process({INDEXER_PATH, "--db", db, XSS_CORPUS});
        if (indexed.status != 0) throw std::runtime_error("indexer failed: " + indexed.err);
        std::ifstream in(XSS_CORPUS);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) records.push_back(json::parse(line));
        fs::create_directories(web + "/js");
        std::ofstream(web + "/index.html") << "<!doctype html><title>page</title>";
        std::ofstream(web + "/js/app.js") << "console.log('ok');";
        std::ofstream(dir / "site/secret.txt") << "SENTINEL-OUTSIDE-WEB";
        std::ofstream(dir / "secret.txt") << "SENTINEL-OUTSIDE-WEB";
        server = std::make_unique<testsupport::ServerProcess>(
            SEARCHD_PATH, std::vector<std::string>{"--db", db, "--web", web, "--quiet"});
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

json get_json(const std::string& target) {
    const Answer a = request(fixture().server->port(), "GET", target);
    INFO(target << " -> " << a.status << " " << a.body.substr(0, 300));
    REQUIRE(a.status == 200);
    REQUIRE(a.header("Content-Type") == "application/json");
    json j = json::parse(a.body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

/// The text an HTML field shows: allowed tags removed, entities decoded.
/// Fails the test on any other tag, any '>' outside a tag, any '&' that is
/// not an entity: nothing in the field may be live markup.
std::string inert_text(const std::string& html, bool paragraphs) {
    static const std::regex entity(R"(^&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)");
    std::string text;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            bool allowed = false;
            const std::vector<std::string> tags = paragraphs ? std::vector<std::string>{"<mark>", "</mark>", "<p>", "</p>"}
                                                             : std::vector<std::string>{"<mark>", "</mark>"};
            for (const auto& tag : tags) {
                if (html.compare(i, tag.size(), tag) == 0) {
                    allowed = true;
                    i += tag.size();
                    break;
                }
            }
            INFO("live markup at byte " << i << ": " << html.substr(i, 60) << "\nin: " << html.substr(0, 400));
            REQUIRE(allowed);
            continue;
        }
        INFO("unescaped '>' at byte " << i << " in: " << html.substr(0, 400));
        REQUIRE(html[i] != '>');
        if (html[i] == '&') {
            std::smatch m;
            const std::string rest = html.substr(i, 12);
            INFO("bare '&' at byte " << i << ": " << html.substr(i, 20));
            REQUIRE(std::regex_search(rest, m, entity));
            const std::string name = m[1];
            if (name[0] == '#') {
                const long code = name[1] == 'x' ? std::stol(name.substr(2), nullptr, 16) : std::stol(name.substr(1));
                REQUIRE(code < 128);  // the escapes of markup characters, nothing else
                text += static_cast<char>(code);
            } else {
                text += name == "lt" ? "<" : name == "gt" ? ">" : name == "amp" ? "&" : name == "quot" ? "\"" : "'";
            }
            i += m[0].length();
            continue;
        }
        text += html[i++];
    }
    return text;
}

// The payloads' characteristic words: marks land inside the payload text.
const char* const kQueries[] = {"xsstoken", "script", "onerror", "javascript", "mark", "window", "xss", "img",
                                "onmouseover", "p", "\"xsstoken title\""};

}  // namespace

TEST_CASE("XSS payloads come back from every HTML field as inert text", "[reliability][security]") {
    auto& f = fixture();
    REQUIRE(f.records.size() >= 40);
    int fields = 0;
    for (const char* q : kQueries) {
        const json r = get_json("/api/search?size=100&q=" + encode(q));
        for (const auto& hit : r["hits"]) {
            INFO("q=" << q << " hit " << hit["id"]);
            CHECK(inert_text(hit["title_html"], false) == hit["title"]);
            inert_text(hit["snippet"], false);
            fields += 2;
        }
        // The page's other texts are plain JSON strings; a suggestion too.
        CHECK((r["suggestion"].is_null() || r["suggestion"].is_string()));
    }
    for (const auto& record : f.records) {
        const std::string id = record["id"];
        for (const char* q : {"", "script", "mark", "xsstoken", "p"}) {
            const json doc = get_json("/api/doc/" + encode(id) + (*q ? std::string("?q=") + q : ""));
            INFO(id << " q=" << q);
            CHECK(inert_text(doc["title_html"], false) == doc["title"]);
            // body_html: paragraphs of the body, each escaped.
            std::string body = inert_text(doc["body_html"], true);
            CHECK(body.find(record["body"].get<std::string>().substr(0, 20)) != std::string::npos);
            fields += 2;
        }
    }
    std::printf("XSS corpus: %zu articles, %d HTML fields checked, all inert\n", f.records.size(), fields);
}

TEST_CASE("payloads in the query itself come back as plain JSON text", "[reliability][security]") {
    for (const char* q : {"<script>window.__xss=1</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
                          "</mark><script>x</script>"}) {
        const Answer a = request(fixture().server->port(), "GET", "/api/search?q=" + encode(q));
        INFO(q << " -> " << a.body.substr(0, 300));
        REQUIRE(a.status == 200);
        CHECK(a.header("Content-Type") == "application/json");
        CHECK(a.header("X-Content-Type-Options") == "nosniff");
        const json answer = json::parse(a.body);
        CHECK(answer["query"] == q);
        for (const auto& w : answer["warnings"]) CHECK(w.is_string());
    }
}

TEST_CASE("every kind of answer carries the security headers", "[reliability][security]") {
    const int port = fixture().server->port();
    struct Row {
        const char* method;
        const char* target;
        bool page;
    };
    const Row rows[] = {
        {"GET", "/", true},
        {"GET", "/index.html", true},
        {"GET", "/js/app.js", false},
        {"GET", "/api/search?q=xsstoken", false},
        {"GET", "/api/search?size=0", false},
        {"GET", "/api/search?q=date:2013-13-45", false},
        {"GET", "/api/doc/xss-00", false},
        {"GET", "/api/doc/none", false},
        {"GET", "/api/suggest?q=xss", false},
        {"GET", "/api/nothing", false},
        {"GET", "/no-such-file", false},
        {"GET", "/healthz", false},
        {"GET", "/metrics", false},
        {"GET", "/openapi.json", false},
        {"POST", "/api/search", false},
        {"DELETE", "/", false},
        {"HEAD", "/", true},
        {"HEAD", "/api/search?q=x", false},
    };
    for (const auto& row : rows) {
        const Answer a = request(port, row.method, row.target);
        INFO(row.method << " " << row.target << " -> " << a.status << "\n" << a.head);
        REQUIRE(a.status > 0);
        const std::string csp = a.header("Content-Security-Policy");
        CHECK_THAT(csp, Catch::Contains("frame-ancestors 'none'"));
        CHECK_THAT(csp, !Catch::Contains("unsafe-inline"));
        CHECK_THAT(csp, !Catch::Contains("unsafe-eval"));
        if (row.page) {
            CHECK_THAT(csp, Catch::Contains("script-src 'self'"));
            CHECK_THAT(csp, Catch::Contains("base-uri 'none'"));
        } else {
            CHECK_THAT(csp, Catch::StartsWith("default-src 'none'"));
        }
        CHECK(a.header("X-Content-Type-Options") == "nosniff");
        CHECK(a.header("X-Frame-Options") == "DENY");
        CHECK(a.header("Referrer-Policy") == "no-referrer");
        CHECK(a.header("Access-Control-Allow-Origin").empty());  // no cross-origin reads
    }
}

TEST_CASE("no encoding of a path reaches a file outside the web folder", "[reliability][security]") {
    const auto& f = fixture();
    const int port = f.server->port();
    const std::string secret = (fs::path(f.dir.path()) / "secret.txt").string();
    std::vector<std::string> targets{
        "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",       // double encoding
        "/%c0%ae%c0%ae/secret.txt", "/%c0%ae%c0%ae%c0%afsecret.txt",  // overlong UTF-8
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/..;/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt", "/%2E%2e/secret.txt",
        "/....//secret.txt", "/..././secret.txt", "/.../secret.txt",
        "/./../secret.txt", "/js/./../../secret.txt", "/js/..%2f..%2fsecret.txt",
        "/%2e%2e%5csecret.txt", "/..%255csecret.txt", "/..\\secret.txt",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2f%2fetc%2fpasswd", "/%2fetc/passwd",
        "//" + secret, "/%2f" + secret, "/./" + secret,
        "/index.html%00.js", "/secret.txt%00", "/js/app.js/..", "/js/app.js/../../secret.txt",
        "/?/../../secret.txt", "/#/../../secret.txt",
        "http://127.0.0.1/../../secret.txt", "/%u002e%u002e/secret.txt", "/%2e%2e%00/secret.txt",
    };
    std::string many;
    for (int i = 0; i < 50; ++i) many += "../";
    targets.push_back("/" + many + "etc/passwd");
    targets.push_back("/" + many + secret.substr(1));
    std::set<std::string> web_files;
    for (const char* file : {"/index.html", "/js/app.js"}) web_files.insert(request(port, "GET", file).body);
    for (const auto& target : targets) {
        const Answer a = raw_exchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        INFO(target << " -> " << a.status << " " << a.body.substr(0, 100));
        CHECK(a.status > 0);
        CHECK_THAT(a.body, !Catch::Contains("SENTINEL-OUTSIDE-WEB"));
        CHECK_THAT(a.body, !Catch::Contains("root:"));
        // Refused, or one of the folder's own files (e.g. "/?/.." is the page).
        if (a.status == 200) CHECK(web_files.count(a.body));
        else CHECK((a.status >= 400 && a.status < 500));
    }
}
