#include "beir.hpp"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace libsearch::eval {
namespace {

// Calls line_fn(line_number, line) for each non-blank line, without its "\r\n" or "\n".
template <typename LineFn>
void for_each_line(std::string_view content, LineFn line_fn) {
    std::size_t number = 0;
    while (!content.empty()) {
        const auto end = content.find('\n');
        std::string_view line = content.substr(0, end);
        content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
        ++number;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (!line.empty()) line_fn(number, line);
    }
}

[[noreturn]] void fail(std::string_view source, std::size_t line, const std::string& what) {
    throw std::runtime_error(std::string(source) + ":" + std::to_string(line) + ": " + what);
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot open");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    for (;;) {
        const auto tab = line.find('\t');
        fields.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos) return fields;
        line.remove_prefix(tab + 1);
    }
}

}  // namespace

std::vector<Query> parse_queries(std::string_view content, std::string_view source) {
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    std::vector<Query> queries;
    for_each_line(content, [&](std::size_t number, std::string_view line) {
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object()) fail(source, number, "not a JSON object");
        const auto id = record.find("_id");
        const auto text = record.find("text");
        if (id == record.end() || text == record.end() || !text->is_string())
            fail(source, number, "a query needs \"_id\" and \"text\"");
        queries.push_back({id->is_string() ? id->get<std::string>() : id->dump(), text->get<std::string>()});
    });
    return queries;
}

Qrels parse_qrels(std::string_view content, std::string_view source) {
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    Qrels qrels;
    bool first = true;
    for_each_line(content, [&](std::size_t number, std::string_view line) {
        const auto fields = split_tabs(line);
        // TREC qrels have 4 columns (query, iteration, doc, grade); BEIR has 3.
        if (fields.size() != 3 && fields.size() != 4) fail(source, number, "expected 3 tab-separated fields");
        const std::string_view score = fields.back();
        int grade = 0;
        const auto [end, error] = std::from_chars(score.data(), score.data() + score.size(), grade);
        if (error != std::errc{} || end != score.data() + score.size()) {
            if (first) {  // the header "query-id corpus-id score"
                first = false;
                return;
            }
            fail(source, number, "score is not an integer");
        }
        first = false;
        qrels[std::string(fields.front())][std::string(fields[fields.size() - 2])] = grade;
    });
    return qrels;
}

std::vector<Query> load_queries(const std::filesystem::path& path) {
    return parse_queries(read_all(path), path.string());
}

Qrels load_qrels(const std::filesystem::path& path) { return parse_qrels(read_all(path), path.string()); }

}  // namespace libsearch::eval
