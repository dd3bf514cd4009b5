#include "ingest/formats/byte_stream.hpp"

#include <algorithm>

#include "ingest/formats/decoders.hpp"

namespace libsearch::ingest {

namespace {

constexpr std::size_t chunk_size = std::size_t{64} << 10;

}  // namespace

ByteStream::ByteStream(std::string_view bytes) : decoder_(make_decoder(bytes)) {}

ByteStream::~ByteStream() = default;

void ByteStream::fill(std::size_t n) {
    if (available() >= n || end_) return;
    // Drop what has been consumed before growing the buffer.
    buffer_.erase(0, pos_);
    pos_ = 0;
    while (buffer_.size() < n && !end_) {
        const std::size_t old_size = buffer_.size();
        const std::size_t want = std::max(chunk_size, n - old_size);
        buffer_.resize(old_size + want);
        const std::size_t got = decoder_->read(buffer_.data() + old_size, want);
        buffer_.resize(old_size + got);
        if (got == 0) end_ = true;
    }
}

std::string_view ByteStream::peek(std::size_t n) {
    fill(n);
    return std::string_view(buffer_).substr(pos_, std::min(n, available()));
}

bool ByteStream::line(std::string& out, std::size_t max) {
    std::size_t scanned = 0;
    for (;;) {
        const auto newline = buffer_.find('\n', pos_ + scanned);
        if (newline != std::string::npos && newline - pos_ <= max + 1) {
            std::size_t length = newline - pos_;
            if (length > 0 && buffer_[newline - 1] == '\r') --length;
            out.assign(buffer_, pos_, length);
            pos_ = newline + 1;
            return true;
        }
        scanned = available();
        if (newline != std::string::npos || scanned > max + 1 || end_) return false;
        fill(scanned + chunk_size);
        if (available() == scanned) return false;
    }
}

std::size_t ByteStream::take(std::size_t n, std::string& out) {
    fill(n);
    const std::size_t count = std::min(n, available());
    out.assign(buffer_, pos_, count);
    pos_ += count;
    return count;
}

std::size_t ByteStream::skip(std::size_t n) {
    std::size_t skipped = 0;
    while (skipped < n) {
        fill(std::min(n - skipped, chunk_size));
        const std::size_t count = std::min(n - skipped, available());
        if (count == 0) break;
        pos_ += count;
        skipped += count;
    }
    return skipped;
}

}  // namespace libsearch::ingest
