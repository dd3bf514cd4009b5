// GET /api/export and GET /feeds/search.atom over HTTP: a real searchd on
// 127.0.0.1, a real index on disk, feeds read by a real XML parser (libxml2).
#include <arpa/inet.h>
#include <httplib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <libsearch/libsearch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "atom_feed.hpp"
#include "percent_encode.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"
#include "test_index.hpp"

using namespace testsupport;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kHarvest = 1500;
const std::string kXssTitle = "<img src=x onerror=alert(1)> & \"Camp\" <script>alert(2)</script>";

std::vector<libsearch::Article> articles() {
    std::vector<libsearch::Article> out;
    for (int i = 0; i < kHarvest; ++i) {
        std::string body = "The harvest in the valley, report number " + std::to_string(i) + ". ";
        for (int k = 0; k < 8; ++k) body += "Farmers, traders and \"buyers\" met at the market again; prices held. ";
        out.push_back(article("h" + std::to_string(i), "Harvest report " + std::to_string(i), body, {"Farming"},
                              day(2000 + i / 336, 1 + (i / 28) % 12, 1 + i % 28)));
    }
    out.push_back(article("xss", kXssTitle, "A camp report with a bell \x07 and a form feed \x0c inside.",
                          {"Tests & <Checks>"}, day(2013, 5, 1)));
    out.back().url = "javascript:alert(3)";
    out.push_back(article("liberty", "Camp Liberty residents appeal", "Residents of the camp asked for help.",
                          {"Iranian opposition"}, day(2013, 2, 15)));
    out.back().url = "https://news.example.org/liberty";
    out.back().author = "Kilgour";
    out.push_back(article("undated", "An essay on the camp", "Exile and the camp, without a date.", {"Essays"}));
    out.push_back(article("formula", "=HYPERLINK(\"http://evil.example\",\"click\")", "A camp, spreadsheet style.",
                          {"Tests"}, day(2012, 1, 1)));
    return out;
}

struct Fixture {
    TempDir dir;
    std::string db = dir / "db";
    std::unique_ptr<ServerProcess> server;

    Fixture() {
        {
            libsearch::IndexWriter writer({.path = db});
            for (const auto& a : articles()) writer.add(a);
        }
        server = std::make_unique<ServerProcess>(
            SEARCHD_PATH, std::vector<std::string>{"--db", db, "--web", "", "--quiet", "--export-limit", "1000",
                                                   "--export-max", "1600"});
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

httplib::Result get(const std::string& target) {
    httplib::Client c("127.0.0.1", fixture().server->port());
    c.set_read_timeout(30);
    c.set_url_encode(false);
    return c.Get(target.c_str());
}

json get_json(const std::string& target, int status) {
    auto res = get(target);
    REQUIRE(res);
    INFO(target << " -> " << res->body);
    CHECK(res->status == status);
    auto j = json::parse(res->body, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

// RFC 4180 records, as a spreadsheet reads them; fails the test on a
// malformed quote or a line end other than CRLF.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '"') {
            ++i;
            for (;;) {
                REQUIRE(i < text.size());
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') field += text[i++];
        }
        REQUIRE(i < text.size());
        record.push_back(std::move(field));
        field.clear();
        if (text[i] == ',') {
            ++i;
            continue;
        }
        REQUIRE(text.compare(i, 2, "\r\n") == 0);
        i += 2;
        records.push_back(std::move(record));
        record.clear();
    }
    return records;
}

std::uint64_t search_total(const std::string& query_string) {
    return get_json("/api/search?exact=1&size=1&" + query_string, 200)["total"].get<std::uint64_t>();
}

// The ids of every match, by paging through /api/search.
std::vector<std::string> paged_ids(const std::string& query_string) {
    std::vector<std::string> ids;
    for (int page = 1;; ++page) {
        const auto r =
            get_json("/api/search?size=100&facets=0&snippets=0&page=" + std::to_string(page) + "&" + query_string, 200);
        for (const auto& hit : r["hits"]) ids.push_back(hit["id"]);
        if (r["hits"].size() < 100) return ids;
    }
}

struct XmlDoc {
    xmlDocPtr doc = nullptr;
    explicit XmlDoc(const std::string& text)
        : doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "feed.atom", nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {}
    ~XmlDoc() { xmlFreeDoc(doc); }
    XmlDoc(const XmlDoc&) = delete;
    XmlDoc& operator=(const XmlDoc&) = delete;
};

constexpr const char* kAtom = "http://www.w3.org/2005/Atom";

std::vector<xmlNodePtr> children(xmlNodePtr node, const std::string& name) {
    std::vector<xmlNodePtr> out;
    for (xmlNodePtr c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(c->name) && c->ns &&
            std::string(reinterpret_cast<const char*>(c->ns->href)) == kAtom)
            out.push_back(c);
    return out;
}

std::string text_of(xmlNodePtr node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string out = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return out;
}

std::string attribute(xmlNodePtr node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
}

std::string one_text(xmlNodePtr node, const std::string& name) {
    const auto found = children(node, name);
    INFO("<" << name << ">");
    REQUIRE(found.size() == 1);
    return text_of(found[0]);
}

std::map<std::string, std::string> links(xmlNodePtr node) {
    std::map<std::string, std::string> out;
    for (xmlNodePtr link : children(node, "link")) out[attribute(link, "rel")] = attribute(link, "href");
    return out;
}

std::string describe_files(const std::string& fd_dir) {
    std::string out;
    for (const auto& entry : fs::directory_iterator(fd_dir)) {
        std::error_code error;
        out += fs::read_symlink(entry.path(), error).string() + "\n";
    }
    return out;
}

bool rfc3339(const std::string& text) {
    return text.size() == 20 && text[4] == '-' && text[10] == 'T' && text.back() == 'Z';
}

}  // namespace

TEST_CASE("GET /api/export streams every match as CSV, as many as the search counts", "[searchd][export]") {
    auto res = get("/api/export?q=harvest&sort=newest&format=csv&limit=1600");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8; header=present");
    CHECK(res->get_header_value("Content-Disposition") == "attachment; filename=\"search-harvest.csv\"");
    CHECK(res->get_header_value("Transfer-Encoding") == "chunked");
    const auto records = parse_csv(res->body);
    REQUIRE(records.size() == 1 + kHarvest);
    CHECK(records[0] ==
          std::vector<std::string>{"id", "title", "date", "categories", "author", "url", "language", "snippet"});
    CHECK(records.size() - 1 == search_total("q=harvest"));
    std::vector<std::string> ids;
    for (std::size_t i = 1; i < records.size(); ++i) {
        REQUIRE(records[i].size() == 8);
        ids.push_back(records[i][0]);
    }
    CHECK(ids == paged_ids("q=harvest&sort=newest"));
    CHECK(records[1][1] == "Harvest report " + std::to_string(kHarvest - 1));
    CHECK(records[1][3] == "Farming");
    // The snippet is plain text: the quotes of the body, no <mark>, no entities.
    CHECK(records[1][7].find("\"buyers\"") != std::string::npos);
    CHECK(records[1][7].find("<mark>") == std::string::npos);
    CHECK(records[1][7].find("&quot;") == std::string::npos);
}

TEST_CASE("CSV export: undated rows have an empty date, formulas are guarded, markup stays text", "[searchd][export]") {
    auto res = get("/api/export?q=camp&format=csv");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto records = parse_csv(res->body);
    REQUIRE(records.size() == 1 + search_total("q=camp"));
    std::map<std::string, std::vector<std::string>> by_id;
    for (const auto& r : records) by_id[r[0]] = r;
    CHECK(by_id.at("undated")[2].empty());
    CHECK(by_id.at("liberty")[2] == "2013-02-15");
    CHECK(by_id.at("liberty")[4] == "Kilgour");
    CHECK(by_id.at("formula")[1] == "'=HYPERLINK(\"http://evil.example\",\"click\")");
    CHECK(by_id.at("xss")[1] == kXssTitle);
    CHECK(by_id.at("xss")[3] == "Tests & <Checks>");
}

TEST_CASE("GET /api/export?format=jsonl gives one JSON object per match", "[searchd][export]") {
    auto res = get("/api/export?q=camp&format=jsonl&sort=oldest");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/x-ndjson");
    CHECK(res->get_header_value("Content-Disposition") == "attachment; filename=\"search-camp.jsonl\"");
    std::istringstream lines(res->body);
    std::vector<std::string> ids;
    json undated;
    for (std::string line; std::getline(lines, line);) {
        const auto j = json::parse(line, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        ids.push_back(j["id"]);
        if (j["id"] == "undated") undated = j;
    }
    CHECK(ids == paged_ids("q=camp&sort=oldest"));
    CHECK(ids.back() == "undated");  // undated last, as in the search
    CHECK(undated["date"].is_null());
    CHECK(undated["snippet"] == "Exile and the camp, without a date.");
}

TEST_CASE("GET /api/export honours the cap: the request's, the default and the maximum", "[searchd][export]") {
    auto res = get("/api/export?q=harvest&format=jsonl&limit=7");
    REQUIRE(res);
    CHECK(std::count(res->body.begin(), res->body.end(), '\n') == 7);
    res = get("/api/export?q=harvest&format=jsonl");  // --export-limit 1000
    REQUIRE(res);
    CHECK(std::count(res->body.begin(), res->body.end(), '\n') == 1000);
    auto error = get_json("/api/export?q=harvest&limit=1601", 400);  // --export-max 1600
    CHECK(error["error"]["parameter"] == "limit");
    CHECK(get_json("/api/export?q=harvest&limit=0", 400)["error"]["parameter"] == "limit");
    CHECK(get_json("/api/export?q=harvest&limit=ten", 400)["error"]["parameter"] == "limit");
}

TEST_CASE("GET /api/export rejects bad requests with a 400 before streaming", "[searchd][export]") {
    CHECK(get_json("/api/export?q=camp&format=xlsx", 400)["error"]["parameter"] == "format");
    CHECK(get_json("/api/export?q=camp&page=2", 400)["error"]["parameter"] == "page");
    CHECK(get_json("/api/export?q=date:2013-02-30", 400)["error"]["code"] == "bad_query");
    CHECK(get_json("/api/export?from=2013-13", 400)["error"]["parameter"] == "from");
    CHECK(get_json("/api/export?format=csv&format=jsonl", 400)["error"]["parameter"] == "format");
}

TEST_CASE("Clients that go away mid-export leave searchd serving, without leaking", "[searchd][export]") {
    // Two worker threads, so that the Searchers they keep (and their files) are opened in the
    // warm-up round and any descriptor left behind by a cut stream shows.
    ServerProcess server(SEARCHD_PATH,
                         {"--db", fixture().db, "--web", "", "--quiet", "--threads", "2", "--export-max", "1600"});
    const std::string fd_dir = "/proc/" + std::to_string(server.pid()) + "/fd";
    const auto open_files = [&] { return std::distance(fs::directory_iterator(fd_dir), fs::directory_iterator{}); };
    const auto cut_exports = [&](int rounds) {
        for (int round = 0; round < rounds; ++round) {
            const int fd = socket(AF_INET, SOCK_STREAM, 0);
            const int small = 4096;  // a slow reader: the server fills its buffers, then meets the close
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(static_cast<uint16_t>(server.port()));
            inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
            REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
            const std::string request = "GET /api/export?q=harvest&limit=1600 HTTP/1.1\r\nHost: x\r\n\r\n";
            REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
            char buffer[2048];
            REQUIRE(recv(fd, buffer, sizeof buffer, 0) > 0);
            close(fd);
        }
        // Connections that came while others were busy got threads of their own; those end
        // after 2 s without work, closing their Searchers.
        std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    };
    cut_exports(4);
    const auto before = open_files();
    cut_exports(20);
    // Threads of their own may still be finishing a cut stream (slowly under sanitizers); a
    // leaked descriptor would stay open however long one waits.
    for (int wait = 0; wait < 100 && open_files() > before; ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    INFO(describe_files(fd_dir));
    CHECK(open_files() <= before);
    // Every cut export's thread went back to serving: a whole export still comes through.
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(30);
    auto res = c.Get("/api/export?q=harvest&format=jsonl&limit=1600");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(std::count(res->body.begin(), res->body.end(), '\n') == kHarvest);
    CHECK(server.stop() == 0);
    CHECK(server.stderr_text().find("internal") == std::string::npos);
}

TEST_CASE("GET /feeds/search.atom is a well-formed Atom 1.0 feed of the newest matches", "[searchd][feed]") {
    auto res = get("/feeds/search.atom?q=camp&limit=10");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
    XmlDoc xml(res->body);
    INFO(res->body);
    REQUIRE(xml.doc);
    xmlNodePtr feed = xmlDocGetRootElement(xml.doc);
    REQUIRE(std::string(reinterpret_cast<const char*>(feed->name)) == "feed");
    REQUIRE(std::string(reinterpret_cast<const char*>(feed->ns->href)) == kAtom);

    const std::string base = "http://127.0.0.1:" + std::to_string(fixture().server->port());
    CHECK(one_text(feed, "id") == base + "/feeds/search.atom?q=camp");
    CHECK(one_text(feed, "title").find("camp") != std::string::npos);
    CHECK(rfc3339(one_text(feed, "updated")));
    CHECK(one_text(feed, "updated") == "2013-05-01T00:00:00Z");  // the newest entry's date
    CHECK(one_text(feed, "subtitle").find("without a date are left out (1") != std::string::npos);
    const auto feed_links = links(feed);
    CHECK(feed_links.at("self") == base + "/feeds/search.atom?q=camp");
    CHECK(feed_links.at("alternate") == base + "/?q=camp&sort=newest");
    REQUIRE(children(feed, "author").size() == 1);
    CHECK(one_text(children(feed, "author")[0], "name") == "News archive search");

    const auto entries = children(feed, "entry");
    std::vector<std::string> titles, updated;
    for (xmlNodePtr entry : entries) {
        CHECK(one_text(entry, "id").rfind(base + "/?doc=", 0) == 0);
        titles.push_back(one_text(entry, "title"));
        updated.push_back(one_text(entry, "updated"));
        CHECK(rfc3339(updated.back()));
        CHECK_FALSE(one_text(entry, "summary").empty());
        REQUIRE(children(entry, "link").size() == 1);
        const std::string href = attribute(children(entry, "link")[0], "href");
        CHECK((href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0));
    }
    // Newest first, the undated one left out.
    CHECK(titles == std::vector<std::string>{kXssTitle, "Camp Liberty residents appeal",
                                             "=HYPERLINK(\"http://evil.example\",\"click\")"});
    CHECK(std::is_sorted(updated.rbegin(), updated.rend()));

    // The XSS title is text in the XML, not markup; the javascript: URL is not a link.
    CHECK(res->body.find("<img") == std::string::npos);
    CHECK(res->body.find("<script") == std::string::npos);
    CHECK(res->body.find("javascript:") == std::string::npos);
    xmlNodePtr xss = entries[0];
    CHECK(one_text(xss, "id") == base + "/?doc=xss");
    CHECK(attribute(children(xss, "link")[0], "href") == base + "/?doc=xss");
    CHECK(attribute(children(xss, "category")[0], "term") == "Tests & <Checks>");
    // (The library drops control characters from text it indexes; xml_text's own test below
    // covers the feed's defence against them.)
    CHECK(one_text(xss, "summary") == "A camp report with a bell and a form feed inside.");
    xmlNodePtr liberty = entries[1];
    CHECK(attribute(children(liberty, "link")[0], "href") == "https://news.example.org/liberty");
    CHECK(one_text(children(liberty, "author")[0], "name") == "Kilgour");
}

TEST_CASE("A feed's id is stable for the same query and differs for another", "[searchd][feed]") {
    const auto feed_id = [](const std::string& target) {
        auto res = get(target);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        XmlDoc xml(res->body);
        REQUIRE(xml.doc);
        return one_text(xmlDocGetRootElement(xml.doc), "id");
    };
    const std::string a = feed_id("/feeds/search.atom?q=camp&category=Tests&from=2012");
    CHECK(a == feed_id("/feeds/search.atom?from=2012&limit=5&category=Tests&q=camp&op=and"));
    CHECK(a != feed_id("/feeds/search.atom?q=camp"));
    // A feed with no entries is still a valid feed.
    CHECK(feed_id("/feeds/search.atom?q=nomatchwhatsoever").find("nomatchwhatsoever") != std::string::npos);
}

TEST_CASE("GET /feeds/search.atom uses only a plain Host header in its URLs", "[searchd][feed]") {
    httplib::Client c("127.0.0.1", fixture().server->port());
    auto res = c.Get("/feeds/search.atom?q=camp", {{"Host", "news.example.org:8443"}});
    REQUIRE(res);
    CHECK(res->body.find("<id>http://news.example.org:8443/feeds/search.atom?q=camp</id>") != std::string::npos);
    res = c.Get("/feeds/search.atom?q=camp", {{"Host", "bad.example\"/><script>x</script>"}});
    REQUIRE(res);
    CHECK(res->body.find("bad.example") == std::string::npos);
    CHECK(res->body.find("<id>http://localhost/feeds/search.atom?q=camp</id>") != std::string::npos);
}

TEST_CASE("GET /feeds/search.atom rejects bad parameters with a 400", "[searchd][feed]") {
    CHECK(get_json("/feeds/search.atom?limit=101", 400)["error"]["parameter"] == "limit");
    CHECK(get_json("/feeds/search.atom?sort=oldest", 400)["error"]["parameter"] == "sort");
    CHECK(get_json("/feeds/search.atom?q=date:2013-02-30", 400)["error"]["code"] == "bad_query");
}

TEST_CASE("searchd --public-url starts every absolute URL of a feed", "[searchd][feed]") {
    ServerProcess server(
        SEARCHD_PATH, {"--db", fixture().db, "--web", "", "--quiet", "--public-url", "https://archive.example.org/"});
    httplib::Client c("127.0.0.1", server.port());
    auto res = c.Get("/feeds/search.atom?q=liberty");
    REQUIRE(res);
    XmlDoc xml(res->body);
    REQUIRE(xml.doc);
    xmlNodePtr feed = xmlDocGetRootElement(xml.doc);
    CHECK(one_text(feed, "id") == "https://archive.example.org/feeds/search.atom?q=liberty");
    CHECK(one_text(children(feed, "entry")[0], "id") == "https://archive.example.org/?doc=liberty");
}

TEST_CASE("The export and feed routes are in /openapi.json", "[searchd][export]") {
    const auto doc = get_json("/openapi.json", 200);
    CHECK(doc["paths"].contains("/api/export"));
    CHECK(doc["paths"].contains("/feeds/search.atom"));
    std::vector<std::string> names;
    for (const auto& p : doc["paths"]["/api/export"]["get"]["parameters"]) names.push_back(p["name"]);
    CHECK(std::find(names.begin(), names.end(), "format") != names.end());
    CHECK(std::find(names.begin(), names.end(), "limit") != names.end());
}

TEST_CASE("xml_text escapes markup and drops characters XML forbids", "[searchd][feed]") {
    CHECK(searchd::xml_text("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    CHECK(searchd::xml_text(std::string("bell\x07, nul") + '\0' + ", esc\x1b, tab\tLF\nCR\r") ==
          "bell, nul, esc, tab\tLF\nCR\r");
    CHECK(searchd::xml_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");                      // U+FFFE, U+FFFF
    CHECK(searchd::xml_text("Téhéran 伊朗 \xEF\xBF\xBD") == "Téhéran 伊朗 \xEF\xBF\xBD");  // U+FFFD is fine
    // Whatever the text, the result parses as XML character data.
    std::string all;
    for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
    XmlDoc xml("<t>" + searchd::xml_text(all) + "</t>");
    CHECK(xml.doc != nullptr);
}
