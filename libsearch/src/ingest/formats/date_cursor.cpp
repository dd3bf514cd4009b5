#include "ingest/formats/date_cursor.hpp"

namespace libsearch::ingest {

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool DateCursor::eat(char c) noexcept {
    if (at_end() || text_[pos_] != c) return false;
    ++pos_;
    return true;
}

bool DateCursor::nbsp_here() const noexcept {
    return pos_ + 1 < text_.size() && static_cast<unsigned char>(text_[pos_]) == 0xC2 &&
           static_cast<unsigned char>(text_[pos_ + 1]) == 0xA0;
}

std::size_t DateCursor::spaces() noexcept {
    const std::size_t start = pos_;
    while (!at_end()) {
        const char c = text_[pos_];
        if (c == ' ' || c == '\t') {
            ++pos_;
        } else if (nbsp_here()) {
            pos_ += 2;
        } else {
            break;
        }
    }
    return pos_ - start;
}

std::optional<Number> DateCursor::number() noexcept {
    Number n;
    while (!at_end() && is_digit(text_[pos_])) {
        n.value = n.digits < 9 ? n.value * 10 + (text_[pos_] - '0') : -1;
        ++n.digits;
        ++pos_;
    }
    if (n.digits == 0) return std::nullopt;
    return n;
}

std::string_view DateCursor::word() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && !nbsp_here()) {
        const char c = text_[pos_];
        if (!is_ascii_letter(c) && static_cast<unsigned char>(c) < 0x80) break;
        ++pos_;
    }
    return text_.substr(start, pos_ - start);
}

bool DateCursor::is_word_byte(std::string_view text, std::size_t pos) noexcept {
    if (pos >= text.size()) return false;
    const char c = text[pos];
    if (static_cast<unsigned char>(c) < 0x80) return is_digit(c) || is_ascii_letter(c);
    // Datelines put dashes, quotes and no-break spaces right against a date
    // ("LONDON\u2014May 5, 2013"): those characters separate words.
    std::size_t start = pos;
    while (start > 0 && pos - start < 3 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    const auto lead = static_cast<unsigned char>(text[start]);
    const auto next = start + 1 < text.size() ? static_cast<unsigned char>(text[start + 1]) : 0;
    if (lead == 0xC2) return next < 0xA0 || next > 0xBF;  // U+00A0..U+00BF: NBSP, guillemets, ...
    if (lead == 0xE2) return next < 0x80 || next > 0x81;  // U+2000..U+207F: dashes, quotes, spaces
    if (lead == 0xE3) return next != 0x80;                // U+3000..U+303F: CJK spaces and marks
    return true;
}

}  // namespace libsearch::ingest
