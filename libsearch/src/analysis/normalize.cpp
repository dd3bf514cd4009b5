#include "analysis/normalize.hpp"

namespace libsearch::analysis {

namespace {

// UTF-8 of the code points involved (all two or three bytes).
bool may_need_work(std::string_view text) {
    for (unsigned char c : text)
        if (c == 0xD8 || c == 0xD9 || c == 0xDB || c == 0xE2) return true;
    return false;
}

unsigned decode2(unsigned char a, unsigned char b) { return ((a & 0x1Fu) << 6) | (b & 0x3Fu); }

void append_utf8(std::string& out, unsigned cp) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

}  // namespace

std::string normalize_spelling(std::string_view text) {
    if (!may_need_work(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xE2 && text.compare(i, 3, "\xE2\x80\x8C") == 0) {  // U+200C ZWNJ
            i += 3;
            continue;
        }
        if ((c == 0xD8 || c == 0xD9 || c == 0xDB) && i + 1 < text.size()) {
            const unsigned cp = decode2(c, static_cast<unsigned char>(text[i + 1]));
            i += 2;
            if ((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640) continue;  // harakat, tatweel
            if (cp == 0x064A || cp == 0x0649) append_utf8(out, 0x06CC);                     // Yeh, Alef Maksura
            else if (cp == 0x0643) append_utf8(out, 0x06A9);                                // Kaf -> Keheh
            else append_utf8(out, cp);
            continue;
        }
        out += text[i++];
    }
    return out;
}

}  // namespace libsearch::analysis
