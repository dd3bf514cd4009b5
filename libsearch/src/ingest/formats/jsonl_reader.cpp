#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/utf8.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest/dates.hpp"
#include "libsearch/ingest/jsonl.hpp"

namespace libsearch {

namespace {

using nlohmann::json;

// A crawl record's first line becomes its title only when it is this short
// and more text follows: a web page's text usually starts with its headline,
// while a long first line is a paragraph, which belongs to the body.
constexpr std::size_t max_crawl_title_bytes = 200;

// The string value of a field, or "" when it is missing or not a string.
std::string string_field(const json& record, const char* key) {
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// `id` or `_id`, written as a string or a number.
std::string record_id(const json& record) {
    for (const char* key : {"id", "_id"}) {
        const auto it = record.find(key);
        if (it == record.end()) continue;
        if (it->is_string()) return std::string(ingest::trim(it->get_ref<const std::string&>()));
        if (it->is_number_integer()) return it->dump();
        if (it->is_number_float()) return it->dump();
    }
    return {};
}

void add_category(Article& article, std::string_view name) {
    const auto category = ingest::collapse_whitespace(name);
    if (category.empty()) return;
    for (const auto& existing : article.categories)
        if (existing == category) return;
    article.categories.push_back(category);
}

// `category` (a string) first, then `categories` (an array or a string).
void read_categories(const json& record, Article& article) {
    add_category(article, string_field(record, "category"));
    const auto it = record.find("categories");
    if (it == record.end()) return;
    if (it->is_string()) add_category(article, it->get_ref<const std::string&>());
    if (!it->is_array()) return;
    for (const auto& item : *it)
        if (item.is_string()) add_category(article, item.get_ref<const std::string&>());
}

// A string or a list of names ("Jane Doe, John Roe").
std::string read_author(const json& record) {
    const auto it = record.find("author");
    if (it == record.end()) return {};
    if (it->is_string()) return ingest::collapse_whitespace(it->get_ref<const std::string&>());
    std::string joined;
    if (it->is_array())
        for (const auto& item : *it)
            if (item.is_string() && !ingest::trim(item.get_ref<const std::string&>()).empty())
                joined +=
                    (joined.empty() ? "" : ", ") + ingest::collapse_whitespace(item.get_ref<const std::string&>());
    return joined;
}

// A date written as text, or a crawl timestamp given in Unix seconds.
std::optional<Date> read_date(const json& value) {
    if (value.is_string()) return parse_date(value.get_ref<const std::string&>());
    if (!value.is_number_integer()) return std::nullopt;
    const auto seconds = value.get<std::int64_t>();
    if (seconds < 0 || seconds > 253402300799) return std::nullopt;  // up to 9999-12-31
    const std::chrono::year_month_day day{
        std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{seconds}})};
    return Date::make(int(day.year()), unsigned(day.month()), unsigned(day.day()));
}

// The record's own date (rich and BEIR records) wins over the crawl timestamp.
void read_dates(const json& record, Article& article) {
    if (const auto it = record.find("date"); it != record.end()) {
        if ((article.date = read_date(*it))) {
            article.date_source = DateSource::article;
            return;
        }
    }
    if (const auto it = record.find("timestamp"); it != record.end()) {
        if ((article.date = read_date(*it))) article.date_source = DateSource::crawl;
    }
}

// A crawl record has text but no title of its own: see max_crawl_title_bytes.
void split_crawl_text(std::string_view text, Article& article) {
    text = ingest::trim(text);
    const auto newline = text.find('\n');
    const auto first = ingest::trim(text.substr(0, newline));
    const auto rest = newline == std::string_view::npos ? std::string_view{} : ingest::trim(text.substr(newline));
    if (!first.empty() && first.size() <= max_crawl_title_bytes && !rest.empty()) {
        article.title = ingest::collapse_whitespace(first);
        article.body = std::string(rest);
    } else {
        article.body = std::string(text);
    }
}

// A JSON object as an article; nullopt (with `reason`) when it has no text.
std::optional<Article> read_record(const json& record, std::string& reason) {
    Article article;
    article.id = record_id(record);
    article.url = std::string(ingest::trim(string_field(record, "url")));
    article.title = ingest::collapse_whitespace(string_field(record, "title"));
    std::string body = string_field(record, "body");
    if (ingest::trim(body).empty()) body = string_field(record, "text");
    const bool crawl = !record.contains("title") && !record.contains("body");
    if (crawl) {
        split_crawl_text(utf8::sanitize(body), article);
    } else {
        article.body = std::string(ingest::trim(utf8::sanitize(body)));
    }
    if (article.title.empty() && article.body.empty()) {
        reason = "record has no title and no text (body or text)";
        return std::nullopt;
    }
    read_categories(record, article);
    read_dates(record, article);
    article.author = read_author(record);
    for (const char* key : {"lang", "language"})
        if (article.language.empty()) article.language = std::string(ingest::trim(string_field(record, key)));
    return article;
}

const char* type_name(const json& value) {
    if (value.is_array()) return "an array";
    if (value.is_string()) return "a string";
    if (value.is_number()) return "a number";
    if (value.is_boolean()) return "a boolean";
    return "null";
}

}  // namespace

ReadResult read_jsonl(std::string_view text, std::string_view source) {
    ReadResult result;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const auto newline = text.find('\n', start);
        const auto end = newline == std::string_view::npos ? text.size() : newline;
        const auto line = ingest::trim(text.substr(start, end - start));
        start = end + 1;
        ++line_number;
        if (line.empty()) continue;
        auto skip = [&](std::string reason) {
            result.skipped.push_back({std::string(source), line_number, std::move(reason)});
        };
        // The JSON parser rejects invalid UTF-8; one bad byte should not cost the record.
        const json record = utf8::is_valid(line) ? json::parse(line, nullptr, false)
                                                 : json::parse(utf8::sanitize(line), nullptr, false);
        if (record.is_discarded()) {
            skip("line is not valid JSON");
        } else if (!record.is_object()) {
            skip(std::string("line is ") + type_name(record) + " in JSON, not an object");
        } else if (std::string reason; auto article = read_record(record, reason)) {
            article->source = std::string(source) + ":" + std::to_string(line_number);
            result.articles.push_back(std::move(*article));
        } else {
            skip(reason);
        }
    }
    return result;
}

}  // namespace libsearch
