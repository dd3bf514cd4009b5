#pragma once
// A temporary directory for the index a fuzz target builds once, removed at
// exit (left behind only when the target crashes).

#include <cstdlib>
#include <filesystem>
#include <string>

namespace fuzz {

class IndexDir {
  public:
    IndexDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "libsearch-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        path_ = pattern;
    }
    ~IndexDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    IndexDir(const IndexDir&) = delete;
    IndexDir& operator=(const IndexDir&) = delete;

    std::string index() const { return (path_ / "index").string(); }

  private:
    std::filesystem::path path_;
};

}  // namespace fuzz
