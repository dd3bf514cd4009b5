#pragma once
// The document as the main-text search sees it: nodes can be removed, and
// every element knows the text left in it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html/dom.hpp"

namespace libsearch::ingest::html {

/// Text in a subtree, counting only what has not been removed.
struct TextStats {
    double chars = 0;       ///< characters, runs of white space counted as one
    double link_chars = 0;  ///< of them, inside links (in-page "#" links count 0.3)
    double commas = 0;      ///< commas of any script
};

/// Characters of text with white space runs counted once, and its commas.
TextStats measure_text(std::string_view text) noexcept;

class ContentTree {
  public:
    explicit ContentTree(const Document& document);

    const Document& document() const noexcept { return document_; }
    bool removed(NodeId id) const noexcept { return removed_[id] != 0; }
    /// Remove a subtree; its text no longer counts in its ancestors.
    void remove(NodeId id);

    const TextStats& stats(NodeId id) const noexcept { return stats_[id]; }
    double chars(NodeId id) const noexcept { return stats_[id].chars; }
    /// Share of the text inside links (0 for an empty element).
    double link_density(NodeId id) const noexcept;

    /// The next node in document order after `id`'s subtree that is not
    /// removed, or a position at or past `end` (the end of the range walked:
    /// runs of removed nodes beyond it are not crossed).
    NodeId skip_subtree(NodeId id, NodeId end) const noexcept;
    /// The next node in document order after `id` that is not removed, or a
    /// position at or past `end`.
    NodeId next(NodeId id, NodeId end) const noexcept;
    /// Children that are not removed, in order.
    std::vector<NodeId> children(NodeId id) const;
    /// The text left in a subtree, white space collapsed, blocks separated by a space.
    std::string text(NodeId id) const;
    /// Elements with this tag in the subtree (not removed), the subtree's root included.
    std::size_t count_tag(NodeId id, GumboTag tag) const;

    /// Recompute every element's statistics from the nodes not removed.
    void recompute();

  private:
    const Document& document_;
    std::vector<std::uint8_t> removed_;
    std::vector<TextStats> stats_;
};

}  // namespace libsearch::ingest::html
