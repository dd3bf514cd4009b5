#include "static_files.hpp"

#include <httplib.h>

#include <fstream>
#include <sstream>

namespace searchd {

namespace fs = std::filesystem;

std::string content_type_for(const fs::path& file) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},          {".svg", "image/svg+xml"},
        {".png", "image/png"},                  {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},  {".webmanifest", "application/manifest+json"},
        {".woff2", "font/woff2"},
    };
    const std::string extension = file.extension().string();
    for (const auto& [ext, type] : kTypes)
        if (extension == ext) return type;
    return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) {
    if (root.empty()) return;
    std::error_code error;
    root_ = fs::canonical(root, error);
    if (error || !fs::is_directory(root_)) root_.clear();
}

std::optional<fs::path> StaticFiles::resolve(const std::string& url_path) const {
    if (root_.empty() || url_path.empty() || url_path.front() != '/') return std::nullopt;
    if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) return std::nullopt;
    // No segment may climb: "/../x", "/a/..", percent-encoded forms arrive decoded.
    for (std::size_t start = 1; start <= url_path.size();) {
        const std::size_t end = std::min(url_path.find('/', start), url_path.size());
        if (url_path.compare(start, end - start, "..") == 0) return std::nullopt;
        start = end + 1;
    }
    fs::path candidate = root_ / url_path.substr(1);
    std::error_code error;
    if (fs::is_directory(candidate, error)) candidate /= "index.html";
    // Symlinks are resolved before the containment check, so a link inside
    // the folder cannot point outside it.
    const fs::path real = fs::canonical(candidate, error);
    if (error || !fs::is_regular_file(real, error)) return std::nullopt;
    const std::string root = root_.string() + "/";
    if (real.string().compare(0, root.size(), root) != 0) return std::nullopt;
    return real;
}

bool StaticFiles::serve(const httplib::Request& request, httplib::Response& response) const {
    const auto file = resolve(request.path);
    if (!file) return false;
    std::error_code error;
    const auto size = fs::file_size(*file, error);
    const auto mtime = fs::last_write_time(*file, error).time_since_epoch().count();
    if (error) return false;
    const std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";
    response.set_header("ETag", etag);
    // The page itself is revalidated every time, so a new version shows at
    // once; its scripts and styles may be cached briefly.
    response.set_header("Cache-Control", file->extension() == ".html" ? "no-cache" : "public, max-age=300");
    if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return true;
    }
    std::ifstream in(*file, std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    response.set_content(body.str(), content_type_for(*file));
    return true;
}

}  // namespace searchd
