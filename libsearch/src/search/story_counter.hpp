#pragma once
// Counts the stories among the matches of a collapsed search: each version
// group once, and each article without other versions once.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_set>

#include "libsearch/schema.hpp"

namespace libsearch::search {

class StoryCounter : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        ++seen_;
        std::string group = doc.get_value(schema::slot_version_group);
        if (group.empty()) ++alone_;
        else groups_.insert(std::move(group));
    }
    /// Matches the spy saw.
    std::uint64_t seen() const noexcept { return seen_; }
    /// Stories among them.
    std::uint64_t count() const noexcept { return alone_ + groups_.size(); }

  private:
    std::uint64_t seen_ = 0;
    std::uint64_t alone_ = 0;
    std::unordered_set<std::string> groups_;
};

}  // namespace libsearch::search
