#pragma once
// Marking query matches in text, through Xapian's MSet::snippet, which
// escapes HTML, stems words the way the query did and marks a matched
// phrase as one span.

#include <xapian.h>

#include <string>
#include <string_view>

namespace libsearch::search {

class Highlighter {
  public:
    /// `mset` comes from an Enquire that ran the query (its size may be 0).
    Highlighter(const Xapian::MSet& mset, const Xapian::Stem& stemmer) : mset_(mset), stemmer_(stemmer) {}

    /// All of `text`, escaped, every match marked.
    std::string whole(std::string_view text) const;
    /// The best passage of about `length` bytes, "…" where text was cut.
    std::string passage(std::string_view text, std::size_t length) const;
    /// `text` as <p> paragraphs (split at blank lines), each whole().
    std::string paragraphs(std::string_view text) const;

  private:
    const Xapian::MSet& mset_;
    const Xapian::Stem& stemmer_;
};

}  // namespace libsearch::search
