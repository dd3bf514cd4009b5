#include <string_view>

#include "libsearch/export.hpp"

namespace libsearch {

namespace {

bool starts_formula(std::string_view field) {
    return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

void append_csv_field(std::string& out, std::string_view field, const CsvOptions& options) {
    const bool guard = options.guard_formulas && starts_formula(field);
    const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (guard) out += '\'';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    const char* digits = "0123456789abcdef";
                    out += "\\u00";
                    out += digits[(c >> 4) & 0xf];
                    out += digits[c & 0xf];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += separator;
        out += value;
    }
    return out;
}

}  // namespace

std::string csv_header() { return "id,title,date,categories,author,url,language,snippet\r\n"; }

std::string csv_row(const Hit& hit, const CsvOptions& options) {
    std::string out;
    const std::string date = hit.date ? hit.date->iso() : std::string();
    const std::string fields[] = {hit.id,     hit.title, date,         joined(hit.categories, "; "),
                                  hit.author, hit.url,   hit.language, hit.snippet};
    bool first = true;
    for (const auto& field : fields) {
        if (!first) out += ',';
        first = false;
        append_csv_field(out, field, options);
    }
    out += "\r\n";
    return out;
}

std::string jsonl_row(const Hit& hit) {
    std::string out = "{\"id\":";
    append_json_string(out, hit.id);
    out += ",\"title\":";
    append_json_string(out, hit.title);
    out += ",\"date\":";
    if (hit.date)
        append_json_string(out, hit.date->iso());
    else
        out += "null";
    out += ",\"categories\":[";
    for (std::size_t i = 0; i < hit.categories.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, hit.categories[i]);
    }
    out += "],\"author\":";
    append_json_string(out, hit.author);
    out += ",\"url\":";
    append_json_string(out, hit.url);
    out += ",\"language\":";
    append_json_string(out, hit.language);
    out += ",\"snippet\":";
    append_json_string(out, hit.snippet);
    out += "}\n";
    return out;
}

}  // namespace libsearch
