#pragma once
// Reading the shared HTML test sets: gzip pages, JSON ground truth.

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace html_quality {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string read_gzip(const std::filesystem::path& path) {
    gzFile file = gzopen(path.string().c_str(), "rb");
    if (!file) throw std::runtime_error("cannot open " + path.string());
    std::string out;
    char buffer[65536];
    int n;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    gzclose(file);
    return out;
}

/// One page of the article-extraction-benchmark.
struct BenchmarkPage {
    std::string id;
    std::string url;
    std::string truth;  ///< articleBody
    std::filesystem::path html;
};

inline std::vector<BenchmarkPage> load_benchmark(const std::filesystem::path& dir) {
    const auto truth = nlohmann::json::parse(read_file(dir / "ground-truth.json"));
    std::vector<BenchmarkPage> pages;
    for (const auto& [id, entry] : truth.items())
        pages.push_back({id, entry.value("url", ""), entry.value("articleBody", ""), dir / "html" / (id + ".html.gz")});
    return pages;
}

/// One page of the Readability test pages that has expected metadata.
struct ReadabilityPage {
    std::string name;
    std::filesystem::path html;
    nlohmann::json expected;  ///< expected-metadata.json
};

inline std::vector<ReadabilityPage> load_readability_pages(const std::filesystem::path& dir) {
    std::vector<ReadabilityPage> pages;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "pages")) {
        const auto metadata = entry.path() / "expected-metadata.json";
        if (!std::filesystem::exists(metadata)) continue;
        pages.push_back({entry.path().filename().string(), entry.path() / "source.html",
                         nlohmann::json::parse(read_file(metadata))});
    }
    std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return pages;
}

}  // namespace html_quality
