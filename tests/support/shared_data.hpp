#pragma once
// The public data sets in ../shared/data, used by path. Missing data fails a
// test under CI=true and skips it, with a message, elsewhere.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace testsupport {

inline std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("LIBSEARCH_SHARED_DIR")) return env;
    return std::filesystem::path(LIBSEARCH_SOURCE_DIR) / ".." / "shared";
}

/// The path under ../shared (e.g. "data/reuters21578"), or nullopt after
/// skipping the test. Under CI=true a missing path fails the test.
inline std::optional<std::filesystem::path> shared_path(const std::string& relative) {
    const auto path = shared_dir() / relative;
    if (std::filesystem::exists(path)) return path;
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL("required test data missing: " << path.string());
    WARN("skipped: test data not found at " << path.string());
    return std::nullopt;
}

}  // namespace testsupport
