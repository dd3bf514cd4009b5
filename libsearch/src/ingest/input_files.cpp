#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "ingest/file_bytes.hpp"
#include "libsearch/ingester.hpp"

namespace libsearch {

namespace fs = std::filesystem;

namespace {

// Files met in a folder that are documentation, code or checksums, not
// archive content (a README next to the pages, the script that made them).
// Named on the command line, they are read like any file.
bool not_archive_content(const fs::path& path) {
    static constexpr std::string_view kExtensions[] = {
        ".md",  ".rst", ".py",   ".sh",  ".pl",   ".rb",  ".js",  ".mjs", ".ts",   ".css", ".cmake", ".dtd",
        ".xsd", ".conf", ".c",   ".cc",   ".cpp", ".h",    ".hpp", ".yml", ".yaml", ".toml", ".ini", ".cfg",   ".lock",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".pdf", ".zip",  ".exe", ".so",    ".o"};
    static constexpr std::string_view kNames[] = {"readme", "license", "licence", "copying", "provenance",
                                                  "sha256sums", "md5sums", "manifest", "makefile", "changelog"};
    std::string extension = path.extension().string();
    for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto known : kExtensions)
        if (extension == known) return true;
    std::string stem = path.stem().string();
    for (auto& c : stem) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto name : kNames)
        if (stem == name || path.filename().string() == name) return true;
    return false;
}

bool hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() > 1 && name[0] == '.';
}

void walk(const fs::path& root, std::vector<std::string>& files, std::vector<Skipped>& skipped) {
    std::error_code error;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
    if (error) {
        skipped.push_back({root.string(), 0, "cannot list folder: " + error.message()});
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            skipped.push_back({it->path().string(), 0, "cannot list folder: " + error.message()});
            error.clear();
            continue;
        }
        const auto& entry = *it;
        if (hidden(entry.path())) {
            if (entry.is_directory(error)) it.disable_recursion_pending();
            continue;
        }
        // Symlinked folders are not followed: they can loop.
        const bool symlink = entry.is_symlink(error);
        if (symlink && entry.is_directory(error)) {
            it.disable_recursion_pending();
            continue;
        }
        error.clear();
        if (not_archive_content(entry.path())) continue;
        // What is neither a file nor a folder is reported, not passed over in
        // silence: a symlink to nowhere or in a loop, a named pipe (whose
        // reading would wait for a writer), a socket, a device.
        const auto status = entry.status(error);
        if (error) {
            skipped.push_back({entry.path().string(), 0,
                               (symlink ? "broken symbolic link: " : "cannot read: ") + error.message()});
            error.clear();
        } else if (fs::is_regular_file(status)) {
            files.push_back(entry.path().string());
        } else if (!fs::is_directory(status)) {
            skipped.push_back({entry.path().string(), 0, ingest::not_a_file_reason(status.type())});
        }
    }
}

}  // namespace

InputFiles list_input_files(const std::vector<std::string>& paths) {
    InputFiles result;
    for (const auto& path : paths) {
        if (path == "-") {
            result.files.push_back(path);
            continue;
        }
        std::error_code error;
        const auto status = fs::status(path, error);
        if (error && status.type() != fs::file_type::not_found) {
            // A loop of symlinks, a folder that cannot be entered: say which.
            result.skipped.push_back({path, 0, "cannot read: " + error.message()});
        } else if (error || !fs::exists(status)) {
            result.skipped.push_back({path, 0, "no such file or folder"});
        } else if (fs::is_directory(status)) {
            std::vector<std::string> found;
            walk(path, found, result.skipped);
            std::sort(found.begin(), found.end());
            result.files.insert(result.files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(status)) {
            result.files.push_back(path);
        } else {
            result.skipped.push_back({path, 0, ingest::not_a_file_reason(status.type())});
        }
    }
    // The same file reached through two arguments is read once.
    std::set<std::string> seen;
    std::vector<std::string> unique;
    for (auto& file : result.files) {
        std::error_code error;
        const std::string key = file == "-" ? file : fs::weakly_canonical(file, error).string();
        if (seen.insert(key).second) unique.push_back(std::move(file));
    }
    result.files = std::move(unique);
    return result;
}

}  // namespace libsearch
