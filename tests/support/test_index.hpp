#pragma once
// Builds a real on-disk index from a list of articles for one test.

#include <libsearch/libsearch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace testsupport {

inline libsearch::Article article(std::string id, std::string title, std::string body,
                                  std::vector<std::string> categories = {},
                                  std::optional<libsearch::Date> date = std::nullopt) {
    libsearch::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.categories = std::move(categories);
    a.date = date;
    return a;
}

inline libsearch::Date day(int y, int m, int d) { return *libsearch::Date::make(y, m, d); }

class TestIndex {
  public:
    explicit TestIndex(const std::vector<libsearch::Article>& articles, libsearch::IndexOptions options = {}) {
        options.path = dir_ / "index";
        libsearch::IndexWriter writer(options);
        for (const auto& a : articles) writer.add(a);
        writer.group_versions();  // commits, as an indexer run ends
    }
    std::string path() const { return dir_ / "index"; }
    libsearch::Searcher searcher() const { return libsearch::Searcher(path()); }

  private:
    TempDir dir_;
};

/// Ids of the hits, in order.
inline std::vector<std::string> ids(const libsearch::SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

/// Ids of the hits, sorted (for set comparisons).
inline std::vector<std::string> sorted_ids(const libsearch::SearchResponse& r) {
    auto out = ids(r);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace testsupport
