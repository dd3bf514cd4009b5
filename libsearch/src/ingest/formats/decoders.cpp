#include "ingest/formats/decoders.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace libsearch::ingest {

namespace {

class PlainDecoder final : public Decoder {
  public:
    explicit PlainDecoder(std::string_view bytes) : bytes_(bytes) {}
    std::size_t read(char* out, std::size_t n) override {
        const std::size_t count = std::min(n, bytes_.size() - pos_);
        std::memcpy(out, bytes_.data() + pos_, count);
        pos_ += count;
        return count;
    }

  private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

// gzip through zlib rather than libarchive: libarchive's gzip filter drops
// the output of a whole block (up to 64 KiB) when the input is truncated,
// which would lose complete records before a truncated one. Concatenated
// members (one per WARC record) are read one after the other.
class GzipDecoder final : public Decoder {
  public:
    explicit GzipDecoder(std::string_view bytes) : bytes_(bytes) {
        if (inflateInit2(&z_, 15 + 16) != Z_OK) error_ = "cannot start zlib";
    }
    ~GzipDecoder() override { inflateEnd(&z_); }
    GzipDecoder(const GzipDecoder&) = delete;
    GzipDecoder& operator=(const GzipDecoder&) = delete;

    std::size_t read(char* out, std::size_t n) override {
        z_.next_out = reinterpret_cast<Bytef*>(out);
        z_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, UINT_MAX));
        const uInt wanted = z_.avail_out;
        while (z_.avail_out > 0 && error_.empty() && step()) {
        }
        return wanted - z_.avail_out;
    }

  private:
    std::size_t remaining() const { return bytes_.size() - consumed_ - z_.avail_in; }

    // One inflate call; false at the end of the data or on an error.
    bool step() {
        if (!in_member_) {
            if (consumed_ == bytes_.size()) return false;
            if (bytes_.substr(consumed_, 2) != "\x1f\x8b") {
                error_ = "data after the last gzip member is not gzip";
                return false;
            }
            inflateReset(&z_);
            in_member_ = true;
        }
        if (z_.avail_in == 0) {
            if (remaining() == 0) {
                error_ = "gzip data is truncated";
                return false;
            }
            z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes_.data() + consumed_));
            z_.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes_.size() - consumed_, 1u << 30));
        }
        const uInt before = z_.avail_in;
        const int rc = inflate(&z_, Z_NO_FLUSH);
        consumed_ += before - z_.avail_in;
        if (rc == Z_STREAM_END) {
            in_member_ = false;
            z_.avail_in = 0;  // the next member starts at consumed_
            return true;
        }
        if (rc == Z_OK || (rc == Z_BUF_ERROR && z_.avail_out == 0)) return true;
        if (rc == Z_BUF_ERROR && z_.avail_in == 0) return true;  // more input is fed on the next step
        error_ = std::string("gzip data is damaged (") + (z_.msg ? z_.msg : "zlib error") + ")";
        return false;
    }

    std::string_view bytes_;
    z_stream z_{};
    std::size_t consumed_ = 0;  ///< input bytes inflate has used
    bool in_member_ = false;
};

// bzip2, xz and zstd. The filters are named one by one rather than with
// _filter_all(): some others (lrzip, grzip, lzop) would run an external
// program on untrusted input. The "raw" format hands over the filtered bytes
// as they are (libarchive's WARC format drops conversion records and hides
// WARC-Type, so the records are parsed by warc_reader.cpp).
class ArchiveDecoder final : public Decoder {
  public:
    explicit ArchiveDecoder(std::string_view bytes) : archive_(archive_read_new()) {
        archive_read_support_filter_bzip2(archive_);
        archive_read_support_filter_xz(archive_);
        archive_read_support_filter_zstd(archive_);
        archive_read_support_format_raw(archive_);
        archive_entry* entry = nullptr;
        if (archive_read_open_memory(archive_, bytes.data(), bytes.size()) != ARCHIVE_OK ||
            archive_read_next_header(archive_, &entry) != ARCHIVE_OK)
            fail();
    }
    ~ArchiveDecoder() override { archive_read_free(archive_); }
    ArchiveDecoder(const ArchiveDecoder&) = delete;
    ArchiveDecoder& operator=(const ArchiveDecoder&) = delete;

    std::size_t read(char* out, std::size_t n) override {
        if (!error_.empty()) return 0;
        const la_ssize_t got = archive_read_data(archive_, out, n);
        if (got < 0) fail();
        return got > 0 ? static_cast<std::size_t>(got) : 0;
    }

  private:
    void fail() {
        const char* message = archive_error_string(archive_);
        error_ = message ? message : "damaged compressed data";
    }
    struct archive* archive_;
};

bool starts_with_bytes(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

}  // namespace

std::unique_ptr<Decoder> make_decoder(std::string_view bytes) {
    using namespace std::literals;
    if (starts_with_bytes(bytes, "\x1f\x8b"sv)) return std::make_unique<GzipDecoder>(bytes);
    if (starts_with_bytes(bytes, "BZh"sv) ||
        starts_with_bytes(bytes,
                          "\xfd"
                          "7zXZ\0"sv) ||
        starts_with_bytes(bytes, "\x28\xb5\x2f\xfd"sv))
        return std::make_unique<ArchiveDecoder>(bytes);
    return std::make_unique<PlainDecoder>(bytes);
}

}  // namespace libsearch::ingest
