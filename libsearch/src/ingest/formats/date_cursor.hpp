#pragma once
// A forward-only reader over date text: numbers, words, spaces and
// punctuation, without ever reading past the end.

#include <cstddef>
#include <optional>
#include <string_view>

namespace libsearch::ingest {

/// A run of ASCII digits: its value (-1 past 9 digits) and its length.
struct Number {
    int value = 0;
    std::size_t digits = 0;
};

class DateCursor {
  public:
    DateCursor(std::string_view text, std::size_t pos) noexcept : text_(text), pos_(pos) {}

    std::size_t pos() const noexcept { return pos_; }
    bool at_end() const noexcept { return pos_ >= text_.size(); }
    /// The current byte, or '\0' at the end.
    char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
    /// Consume `c` when it is next.
    bool eat(char c) noexcept;
    /// Consume spaces, tabs and NBSPs; return how many bytes. Line ends are
    /// not consumed: a date does not run over two lines.
    std::size_t spaces() noexcept;
    /// Consume all digits here; nullopt when there are none.
    std::optional<Number> number() noexcept;
    /// Consume a run of letters (ASCII or any non-ASCII UTF-8 character but
    /// NBSP); empty when there is none.
    std::string_view word() noexcept;
    /// True when a digit, a letter or a non-ASCII byte is at `pos` of the text.
    static bool is_word_byte(std::string_view text, std::size_t pos) noexcept;

  private:
    bool nbsp_here() const noexcept;
    std::string_view text_;
    std::size_t pos_;
};

}  // namespace libsearch::ingest
