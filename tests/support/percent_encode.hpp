#pragma once
// Percent-encoding for the query strings tests and benchmarks send.

#include <cstdio>
#include <string>

namespace testsupport {

/// Every byte but unreserved ones (RFC 3986) as %XX: a query-string value of any bytes.
inline std::string percent_encode(const std::string& s) {
    std::string out;
    for (const unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

}  // namespace testsupport
