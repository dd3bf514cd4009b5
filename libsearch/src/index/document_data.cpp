#include "index/document_data.hpp"

#include <vector>

namespace libsearch::index {

namespace {

constexpr char kFormatVersion = 1;
constexpr char kHitFieldsVersion = 1;

void put_length(std::string& out, std::size_t n) {
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7F) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

void put_string(std::string& out, std::string_view s) {
    put_length(out, s.size());
    out.append(s);
}

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    bool length(std::size_t& n) {
        n = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (data_.empty()) return false;
            const auto byte = static_cast<unsigned char>(data_.front());
            data_.remove_prefix(1);
            n |= static_cast<std::size_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return true;
        }
        return false;
    }

    bool string(std::string& s) {
        std::size_t n;
        if (!length(n) || n > data_.size()) return false;
        s.assign(data_.substr(0, n));
        data_.remove_prefix(n);
        return true;
    }

    bool done() const { return data_.empty(); }

  private:
    std::string_view data_;
};

bool read_date(Reader& in, Article& a) {
    std::string date;
    if (!in.string(date)) return false;
    if (date.empty()) return true;
    if (date.size() != 8) return false;
    a.date = parse_iso_date(date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2));
    return a.date.has_value();
}

bool read_list(Reader& in, std::vector<std::string>& list, std::size_t most) {
    std::size_t count;
    if (!in.length(count) || count > most) return false;
    list.resize(count);
    for (auto& item : list)
        if (!in.string(item)) return false;
    return true;
}

}  // namespace

std::string encode_article(const Article& a) {
    std::string out;
    out.reserve(a.body.size() + a.title.size() + a.url.size() + 64);
    out += kFormatVersion;
    for (const std::string* field : {&a.id, &a.url, &a.title, &a.body, &a.author, &a.language, &a.source})
        put_string(out, *field);
    put_string(out, a.date ? a.date->key() : std::string());
    out += static_cast<char>(a.date ? a.date_source : DateSource::none);
    put_length(out, a.categories.size());
    for (const auto& category : a.categories) put_string(out, category);
    put_length(out, a.places.size());
    for (const auto& place : a.places) put_string(out, place);
    put_length(out, a.other_urls.size());
    for (const auto& url : a.other_urls) put_string(out, url);
    return out;
}

std::optional<Article> decode_article(std::string_view data) {
    if (data.empty() || data.front() != kFormatVersion) return std::nullopt;
    Reader in(data.substr(1));
    Article a;
    for (std::string* field : {&a.id, &a.url, &a.title, &a.body, &a.author, &a.language, &a.source})
        if (!in.string(*field)) return std::nullopt;
    if (!read_date(in, a)) return std::nullopt;
    std::size_t source;
    if (!in.length(source) || source > static_cast<std::size_t>(DateSource::file)) return std::nullopt;
    a.date_source = static_cast<DateSource>(source);
    for (auto* list : {&a.categories, &a.places, &a.other_urls})
        if (!read_list(in, *list, data.size())) return std::nullopt;
    if (!in.done()) return std::nullopt;
    return a;
}

std::string encode_hit_fields(const Article& a) {
    std::string out;
    out.reserve(a.id.size() + a.url.size() + a.title.size() + a.author.size() + 32);
    out += kHitFieldsVersion;
    for (const std::string* field : {&a.id, &a.url, &a.title, &a.author, &a.language})
        put_string(out, *field);
    put_string(out, a.date ? a.date->key() : std::string());
    put_length(out, a.categories.size());
    for (const auto& category : a.categories) put_string(out, category);
    return out;
}

std::optional<Article> decode_hit_fields(std::string_view value) {
    if (value.empty() || value.front() != kHitFieldsVersion) return std::nullopt;
    Reader in(value.substr(1));
    Article a;
    for (std::string* field : {&a.id, &a.url, &a.title, &a.author, &a.language})
        if (!in.string(*field)) return std::nullopt;
    if (!read_date(in, a) || !read_list(in, a.categories, value.size()) || !in.done()) return std::nullopt;
    return a;
}

}  // namespace libsearch::index
