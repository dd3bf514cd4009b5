#include "records.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace bench {

namespace {

std::string string_field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Record to_record(const nlohmann::json& j) {
    Record r;
    r.id = string_field(j, "id");
    r.url = string_field(j, "url");
    r.title = string_field(j, "title");
    r.body = string_field(j, "body");
    r.author = string_field(j, "author");
    r.language = string_field(j, "language");
    r.date = string_field(j, "date");
    if (compact_date(r.date).empty()) r.date.clear();
    if (const auto it = j.find("categories"); it != j.end() && it->is_array())
        for (const auto& c : *it)
            if (c.is_string() && !c.get_ref<const std::string&>().empty()) r.categories.push_back(c.get<std::string>());
    return r;
}

}  // namespace

void for_each_record(const std::vector<std::string>& files, const std::function<void(const Record&)>& fn) {
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in) throw std::runtime_error(file + ": cannot open");
        std::string line;
        std::size_t number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object())
                throw std::runtime_error(file + ":" + std::to_string(number) + ": not a JSON object");
            Record r = to_record(j);
            if (r.id.empty()) throw std::runtime_error(file + ":" + std::to_string(number) + ": record has no id");
            fn(r);
        }
    }
}

std::string compact_date(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return {};
    std::string out = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    for (const char c : out)
        if (c < '0' || c > '9') return {};
    return out;
}

double disk_mb(const std::string& path) {
    namespace fs = std::filesystem;
    std::uintmax_t bytes = 0;
    if (fs::is_directory(path)) {
        for (const auto& entry : fs::recursive_directory_iterator(path))
            if (entry.is_regular_file()) bytes += entry.file_size();
    } else if (fs::exists(path)) {
        bytes = fs::file_size(path);
    }
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

}  // namespace bench
