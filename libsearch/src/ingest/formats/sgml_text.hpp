#pragma once
// Text of SGML elements as newswire files write it: character references,
// control characters and hard-wrapped lines.

#include <string>
#include <string_view>

namespace libsearch::ingest {

/// The character data of an element as valid UTF-8: references (&lt; &gt;
/// &amp; &quot; &apos; &#NN; &#xHH;) decoded, control characters (raw or as
/// references, e.g. &#3;) dropped except tab and newline, invalid bytes
/// replaced (utf8::sanitize). Unknown references are kept as written.
std::string decode_sgml_text(std::string_view raw);

/// Hard-wrapped newswire text as paragraphs separated by blank lines. A
/// paragraph starts at an indented line or after a blank line; the lines
/// within it are joined with single spaces.
std::string reflow_paragraphs(std::string_view text);

}  // namespace libsearch::ingest
