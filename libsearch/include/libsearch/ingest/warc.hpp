#pragma once
/// @file ingest/warc.hpp
/// WARC and WET web-archive records.

#include <string>
#include <string_view>
#include <vector>

#include "libsearch/ingest.hpp"

namespace libsearch {

/// One record of a web archive that can hold an article.
struct WarcRecord {
    std::string type;          ///< WARC-Type: "response", "resource" or "conversion"
    std::string target_uri;    ///< WARC-Target-URI
    std::string warc_date;     ///< WARC-Date as written (ISO 8601)
    std::string content_type;  ///< of the payload: the HTTP Content-Type for responses, else the record's
    std::string payload;       ///< the document: for responses the HTTP body (headers removed, chunked
                               ///< and gzip/deflate content encodings undone)
    std::size_t number = 0;    ///< 1-based position of the record in the file
};

/// What a WARC reader found.
struct WarcContents {
    std::vector<WarcRecord> records;  ///< response, resource and conversion records, in file order
    std::vector<Skipped> skipped;     ///< damaged or truncated records, with their number
};

/// Read the records of a WARC or WET file (plain or gzip-compressed, as one
/// stream or one gzip member per record). Record types other than response,
/// resource and conversion (warcinfo, request, metadata, revisit) are passed
/// over silently. A truncated or damaged record ends reading with a Skipped
/// entry; the records before it are kept.
WarcContents read_warc(std::string_view bytes, std::string_view source);

}  // namespace libsearch
