#pragma once
/// @file synonyms.hpp
/// Synonyms and aliases the archive owner keeps in a plain file, applied to
/// queries: a search for one member of a group finds articles using any.
///
/// File format (UTF-8): one group per line, members separated by `|`; a
/// member is one or more words, optionally in double quotes; `#` starts a
/// comment; blank lines are ignored. Matching ignores case.
///
///     PMOI | MEK | "People's Mojahedin Organization of Iran"
///     NCRI | "National Council of Resistance of Iran"
///     IAEA | International Atomic Energy Agency   # quotes are optional

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch {

class Synonyms {
  public:
    Synonyms() = default;

    /// Parse the file format above. `source` names the file in errors.
    /// @throws InvalidArgument (parameter "synonyms") naming the line: a group
    ///         with fewer than two members, an unclosed quote, a member in two groups.
    static Synonyms parse(std::string_view text, const std::string& source = "synonyms");
    /// parse() the file at `path`. @throws InvalidArgument when unreadable or malformed.
    static Synonyms load(const std::string& path);

    /// Number of groups.
    std::size_t size() const noexcept { return groups_.size(); }

    /// The query text with every member met outside quotes replaced by the
    /// whole group, e.g. `MEK camp` -> `(pmoi OR mek OR "people's mojahedin
    /// organization of iran") camp`. Quoted phrases, field values (`title:x`),
    /// excluded or required words (`-x`, `+x`), wildcards and operators are
    /// left as they are. Longer members win ("Iran" inside a longer member).
    std::string expand(std::string_view query) const;

  private:
    std::vector<std::vector<std::string>> groups_;  // members: lower-case words joined by one space
    std::map<std::string, std::size_t> group_of_;   // member -> index in groups_
    std::size_t longest_ = 0;                       // words in the longest member
};

}  // namespace libsearch
