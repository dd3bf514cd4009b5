#pragma once
// Serving the page's files from one folder, and nothing outside it.

#include <filesystem>
#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace searchd {

class StaticFiles {
  public:
    /// @param root the folder to serve; empty: serve nothing.
    explicit StaticFiles(const std::string& root);

    /// Answer a GET for `request.path` (already URL-decoded). Returns false
    /// when there is no such file inside the root (the caller answers 404).
    bool serve(const httplib::Request& request, httplib::Response& response) const;

    /// The file a URL path names inside the root, after resolving symlinks;
    /// nullopt for anything that would leave the root or does not exist.
    std::optional<std::filesystem::path> resolve(const std::string& url_path) const;

    bool enabled() const noexcept { return !root_.empty(); }

  private:
    std::filesystem::path root_;
};

/// The Content-Type for a file name.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace searchd
