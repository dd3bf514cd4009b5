#include "analysis/utf8.hpp"

#include <xapian.h>

namespace libsearch::utf8 {

std::string lower(std::string_view text) {
    return Xapian::Unicode::tolower(std::string(text));
}

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t len;
    unsigned min_second = 0x80, max_second = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) min_second = 0xA0;
        if (c == 0xED) max_second = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) min_second = 0x90;
        if (c == 0xF4) max_second = 0x8F;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return len;
}

bool is_clean_ascii_or_control(unsigned char c) noexcept { return c >= 0x20 || c == '\t' || c == '\n'; }

}  // namespace

bool is_valid(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequence_length(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string sanitize(std::string_view text) {
    bool clean = true;
    for (std::size_t i = 0; i < text.size() && clean;) {
        const std::size_t len = sequence_length(text, i);
        clean = len != 0 && (len > 1 || (is_clean_ascii_or_control(static_cast<unsigned char>(text[i])) &&
                                         text[i] != 0x7F));
        i += len ? len : 1;
    }
    if (clean) return std::string(text);

    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = sequence_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (len == 1) {
            const char c = text[i];
            if (c == '\r') {
                out += '\n';
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            } else if (is_clean_ascii_or_control(static_cast<unsigned char>(c)) && c != 0x7F) {
                out += c;
            } else {
                out += ' ';
            }
        } else {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

}  // namespace libsearch::utf8
