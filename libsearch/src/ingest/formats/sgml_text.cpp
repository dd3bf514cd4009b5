#include "ingest/formats/sgml_text.hpp"

#include <optional>

#include "analysis/utf8.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest {

namespace {

// Control characters carry no text: STX/ETX frame Reuters stories, DEL and
// the C1 range are line noise.
bool is_dropped(char32_t c) { return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0); }

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The character a reference's name stands for ("lt", "#3", "#x41").
std::optional<char32_t> reference_value(std::string_view name) {
    if (name == "lt") return U'<';
    if (name == "gt") return U'>';
    if (name == "amp") return U'&';
    if (name == "quot") return U'"';
    if (name == "apos") return U'\'';
    if (name.size() < 2 || name[0] != '#') return std::nullopt;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    char32_t value = 0;
    for (const char c : name.substr(hex ? 2 : 1)) {
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        if (value > 0x10FFFF) return std::nullopt;
    }
    if (name.size() == (hex ? 2u : 1u) || (value >= 0xD800 && value < 0xE000)) return std::nullopt;
    return value;
}

}  // namespace

std::string decode_sgml_text(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '&') {
            const auto semicolon = raw.find(';', i + 1);
            if (semicolon != std::string_view::npos && semicolon - i <= 10) {
                if (const auto value = reference_value(raw.substr(i + 1, semicolon - i - 1))) {
                    if (!is_dropped(*value)) append_utf8(out, *value);
                    i = semicolon;
                    continue;
                }
            }
        }
        if (static_cast<unsigned char>(c) >= 0x80 || !is_dropped(static_cast<unsigned char>(c))) out += c;
    }
    return utf8::sanitize(out);
}

std::string reflow_paragraphs(std::string_view text) {
    std::string out;
    bool paragraph_open = false;
    for (const auto line : split_lines(text)) {
        const auto words = trim(line);
        if (words.empty()) {
            paragraph_open = false;
            continue;
        }
        const bool indented = line.front() == ' ' || line.front() == '\t';
        if (paragraph_open && !indented) {
            out += ' ';
        } else if (!out.empty()) {
            out += "\n\n";
        }
        out += collapse_whitespace(words);
        paragraph_open = true;
    }
    return out;
}

}  // namespace libsearch::ingest
