#pragma once
// The bytes of an input as a forward stream, decompressed on the fly when
// they are gzip (one stream, or one member per record as CommonCrawl
// writes), bzip2, xz or zstd. Only what the reader is looking at is held in
// memory, never the whole decompressed input.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace libsearch::ingest {

/// Where a ByteStream's bytes come from: the input as it is, or decompressed.
class Decoder {
  public:
    virtual ~Decoder() = default;
    /// Write up to `n` bytes to `out`; return how many, 0 at the end. After a
    /// failure, the bytes decoded before it are still returned, then 0, and
    /// error() says what went wrong.
    virtual std::size_t read(char* out, std::size_t n) = 0;
    const std::string& error() const noexcept { return error_; }

  protected:
    std::string error_;
};

class ByteStream {
  public:
    /// Reads `bytes`, which must outlive the stream.
    explicit ByteStream(std::string_view bytes);
    ~ByteStream();
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;

    /// Up to `n` bytes from the current position, without consuming them;
    /// fewer only at the end of the data. Valid until the next call.
    std::string_view peek(std::size_t n);
    /// The next line without its LF or CRLF, consumed with them. A line
    /// longer than `max` bytes, or the end of the data, gives false.
    bool line(std::string& out, std::size_t max);
    /// Consume up to `n` bytes into `out`; returns how many (fewer at the end).
    std::size_t take(std::size_t n, std::string& out);
    /// Consume up to `n` bytes without keeping them; returns how many.
    std::size_t skip(std::size_t n);
    bool at_end() { return peek(1).empty(); }

    /// Why the data ended early ("gzip data is truncated"), or "" when it did not.
    const std::string& error() const noexcept { return decoder_->error(); }

  private:
    // Make `n` bytes available past pos_ if the data has them.
    void fill(std::size_t n);
    std::size_t available() const noexcept { return buffer_.size() - pos_; }

    std::unique_ptr<Decoder> decoder_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool end_ = false;
};

}  // namespace libsearch::ingest
