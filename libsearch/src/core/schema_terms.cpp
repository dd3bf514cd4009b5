#include "core/schema_terms.hpp"

#include <cstdio>

#include "analysis/utf8.hpp"
#include "core/fnv1a.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::schema_terms {

namespace {

// Xapian refuses terms over 245 bytes; keep boolean terms well inside that,
// cutting on a UTF-8 character boundary.
constexpr std::size_t kMaxTermValue = 200;

std::string limit_term(std::string term) {
    if (term.size() <= kMaxTermValue) return term;
    std::size_t cut = kMaxTermValue;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
    term.resize(cut);
    return term;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string id_term(std::string_view id) { return schema::prefix_id + std::string(id); }

std::string clean_category(std::string_view category) {
    std::string out;
    bool pending_space = false;
    for (char c : category) {
        if (is_space(c) || c == '\x1f') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string category_term(std::string_view category) {
    return limit_term(schema::prefix_category + utf8::lower(clean_category(category)));
}

std::string place_term(std::string_view place) {
    return limit_term(schema::prefix_place + utf8::lower(clean_category(place)));
}

std::string host_of(std::string_view url) {
    if (auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    else if (url.substr(0, 2) == "//") url.remove_prefix(2);
    url = url.substr(0, url.find_first_of("/?#"));
    if (auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    if (!url.empty() && url.front() == '[') {
        url = url.substr(0, url.find(']') + 1);  // IPv6 literal keeps its colons
    } else {
        url = url.substr(0, url.find(':'));
    }
    while (!url.empty() && url.back() == '.') url.remove_suffix(1);
    return utf8::lower(url);
}

std::vector<std::string> site_terms(std::string_view url) {
    std::vector<std::string> terms;
    const std::string host = host_of(url);
    if (host.empty()) return terms;
    if (host.front() == '[') {
        terms.push_back(limit_term(schema::prefix_site + host));
        return terms;
    }
    for (std::size_t start = 0; start < host.size();) {
        terms.push_back(limit_term(schema::prefix_site + host.substr(start)));
        const auto dot = host.find('.', start);
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return terms;
}

std::string language_term(std::string_view code) { return limit_term(schema::prefix_language + std::string(code)); }

std::string year_term(int year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%04d", schema::prefix_year, year);
    return buf;
}

std::string month_term(int year, int month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%04d%02d", schema::prefix_month, year, month);
    return buf;
}

std::string day_term(const Date& date) { return schema::prefix_day + date.key(); }

std::string pack_categories(const std::vector<std::string>& categories) {
    std::string packed;
    for (const auto& category : categories) {
        if (!packed.empty()) packed += '\x1f';
        packed += category;
    }
    return packed;
}

std::vector<std::string> unpack_categories(std::string_view packed) {
    std::vector<std::string> out;
    while (!packed.empty()) {
        const auto sep = packed.find('\x1f');
        out.emplace_back(packed.substr(0, sep));
        if (sep == std::string_view::npos) break;
        packed.remove_prefix(sep + 1);
    }
    return out;
}

std::string pack_facets(const std::optional<Date>& date, const std::vector<std::string>& categories) {
    std::string packed = date ? date->key().substr(0, 6) : std::string();
    packed += '\x1e';
    packed += pack_categories(categories);
    return packed;
}

FacetValues unpack_facets(std::string_view packed) {
    FacetValues values;
    const auto separator = packed.find('\x1e');
    if (separator == std::string_view::npos) return values;
    values.year_month = packed.substr(0, separator);
    values.categories = unpack_categories(packed.substr(separator + 1));
    return values;
}

std::string content_hash(std::string_view title, std::string_view body) {
    Fnv1a hash;
    bool pending_space = false;
    auto feed = [&](std::string_view text) {
        for (char c : utf8::lower(text)) {
            if (is_space(c)) {
                pending_space = true;
                continue;
            }
            if (pending_space) hash.add(' ');
            pending_space = false;
            hash.add(static_cast<unsigned char>(c));
        }
        pending_space = true;
    };
    feed(title);
    feed(body);
    return hash.hex();
}

}  // namespace libsearch::schema_terms
