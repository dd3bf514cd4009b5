#pragma once
// Decoding bytes of unknown encoding to UTF-8, as browsers do: byte-order
// mark, then the declared charset, then detection. Usable by any reader.

#include <string>
#include <string_view>

namespace libsearch::ingest {

/// The bytes as valid UTF-8 (libsearch::utf8::sanitize()d).
/// The encoding is, in order: a byte-order mark; `declared_charset` (e.g. from
/// an HTTP Content-Type header); a `<meta charset>` or http-equiv Content-Type
/// in the first bytes; UTF-8 when the bytes are valid UTF-8; else detection
/// (uchardet), falling back to windows-1252. Labels are read as the WHATWG
/// Encoding standard says (iso-8859-1, latin1 and us-ascii mean windows-1252).
/// @param used  when given, receives the encoding used, lower case ("utf-8").
/// Never throws on bad input: undecodable bytes become U+FFFD.
std::string to_utf8(std::string_view bytes, std::string_view declared_charset = {}, std::string* used = nullptr);

/// The charset an HTML document declares in a `<meta>` tag within its first
/// `window` bytes, as written ("" when none).
std::string sniff_meta_charset(std::string_view bytes, std::size_t window = 4096);

/// The encoding name iconv should use for a charset label: lower case, with
/// the WHATWG aliases applied ("latin1" -> "windows-1252", "utf8" -> "utf-8").
std::string canonical_charset(std::string_view label);

}  // namespace libsearch::ingest
