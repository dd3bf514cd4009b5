#include "atom_feed.hpp"

#include <cctype>
#include <ctime>

namespace searchd {

namespace {

constexpr const char* kSiteName = "News archive search";

std::string percent_encoded(const std::string& text) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += {'%', digits[c >> 4], digits[c & 15]};
    }
    return out;
}

// Only http(s) URLs become links, as on the page: a javascript: or data: URL
// in an article's metadata must not become a link a feed reader follows.
bool is_web_url(const std::string& url) {
    std::string scheme;
    for (const char c : url.substr(0, 8)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme.rfind("http://", 0) == 0 || scheme.rfind("https://", 0) == 0;
}

std::string timestamp(const libsearch::Date& date) { return date.iso() + "T00:00:00Z"; }

std::string now_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string feed_title(const libsearch::SearchRequest& r) {
    std::string title = r.query.empty() ? std::string("all articles") : "\u201c" + r.query + "\u201d";
    std::string filters;
    for (const auto& category : r.categories) filters += (filters.empty() ? "" : ", ") + category;
    if (!filters.empty()) filters = "in " + filters;
    if (!r.from.empty()) filters += (filters.empty() ? "" : ", ") + std::string("from ") + r.from;
    if (!r.to.empty()) filters += (filters.empty() ? "" : ", ") + std::string("to ") + r.to;
    if (!filters.empty()) title += " (" + filters + ")";
    return std::string(kSiteName) + ": " + title;
}

void element(std::string& out, const char* indent, const char* name, const std::string& text) {
    out += std::string(indent) + "<" + name + ">" + xml_text(text) + "</" + name + ">\n";
}

void entry(std::string& out, const FeedSource& source, const libsearch::Hit& hit) {
    const std::string view = source.base_url + "/?doc=" + percent_encoded(hit.id);
    out += "  <entry>\n";
    element(out, "    ", "id", view);
    element(out, "    ", "title", hit.title.empty() ? hit.id : hit.title);
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(is_web_url(hit.url) ? hit.url : view) +
           "\"/>\n";
    element(out, "    ", "updated", timestamp(*hit.date));
    if (!hit.author.empty()) out += "    <author><name>" + xml_text(hit.author) + "</name></author>\n";
    for (const auto& category : hit.categories) out += "    <category term=\"" + xml_text(category) + "\"/>\n";
    if (!hit.snippet.empty()) out += "    <summary type=\"text\">" + xml_text(hit.snippet) + "</summary>\n";
    out += "  </entry>\n";
}

}  // namespace

std::string xml_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                // XML 1.0 allows no C0 controls but tab, LF and CR, and not
                // U+FFFE or U+FFFF (UTF-8 EF BF BE/BF).
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                    (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
                    i += 2;
                    break;
                }
                out += static_cast<char>(c);
        }
    }
    return out;
}

std::string atom_feed(const FeedSource& source, const libsearch::SearchResponse& response) {
    const std::string query = source.canonical_query.empty() ? "" : "?" + source.canonical_query;
    const std::string self = source.base_url + "/feeds/search.atom" + query;
    // The page shows the same matches newest first, as the feed lists them.
    const std::string page =
        source.base_url + "/?" + source.canonical_query + (source.canonical_query.empty() ? "" : "&") + "sort=newest";
    std::size_t dated = 0;
    for (const auto& hit : response.hits) dated += hit.date ? 1 : 0;
    std::string updated = !response.hits.empty() && response.hits.front().date ? timestamp(*response.hits.front().date)
                          : !source.last_commit.empty()                        ? source.last_commit
                                                                               : now_utc();
    std::string subtitle = "The newest matches of this search in the archive, newest first.";
    if (dated < response.hits.size())
        subtitle += " Articles without a date are left out (" + std::to_string(response.hits.size() - dated) +
                    " of the newest matches).";

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    element(out, "  ", "id", self);
    element(out, "  ", "title", feed_title(*source.request));
    element(out, "  ", "subtitle", subtitle);
    element(out, "  ", "updated", updated);
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(self) + "\"/>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(page) + "\"/>\n";
    out += "  <author><name>" + std::string(kSiteName) + "</name></author>\n";
    out += "  <generator>searchd</generator>\n";
    for (const auto& hit : response.hits)
        if (hit.date) entry(out, source, hit);
    out += "</feed>\n";
    return out;
}

}  // namespace searchd
