#include "ingest/html/charset.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <utility>

#include "analysis/utf8.hpp"
#include "ingest/text_util.hpp"

namespace libsearch::ingest {

namespace {

constexpr std::string_view kUtf8 = "utf-8";
constexpr std::string_view kFallback = "windows-1252";

// WHATWG Encoding standard labels that iconv would read differently or not at all.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kAliases{{
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"tis-620", "windows-874"},
    {"iso-8859-11", "windows-874"},
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"x-gbk", "gb18030"},
    {"euc-kr", "cp949"},
    {"ks_c_5601-1987", "cp949"},
    {"x-sjis", "shift_jis"},
}};

struct Bom {
    std::string_view bytes;
    std::string_view charset;
};

// The encoding a byte-order mark names, and the mark's length.
std::pair<std::string_view, std::size_t> detect_bom(std::string_view bytes) {
    static constexpr std::array<Bom, 3> boms{{
        {"\xEF\xBB\xBF", kUtf8},
        {"\xFF\xFE", "utf-16le"},
        {"\xFE\xFF", "utf-16be"},
    }};
    for (const auto& bom : boms)
        if (bytes.starts_with(bom.bytes)) return {bom.charset, bom.bytes.size()};
    return {{}, 0};
}

// Value of a charset= parameter starting at `pos` (just after "charset").
std::string read_charset_value(std::string_view tag, std::size_t pos) {
    auto skip_spaces = [&] {
        while (pos < tag.size() && (tag[pos] == ' ' || tag[pos] == '\t' || tag[pos] == '\n' || tag[pos] == '\r')) ++pos;
    };
    skip_spaces();
    if (pos >= tag.size() || tag[pos] != '=') return {};
    ++pos;
    skip_spaces();
    while (pos < tag.size() && (tag[pos] == '"' || tag[pos] == '\'')) ++pos;
    const std::size_t start = pos;
    while (pos < tag.size() && tag[pos] != '"' && tag[pos] != '\'' && tag[pos] != ';' && tag[pos] != '>' &&
           tag[pos] != ' ' && tag[pos] != '/')
        ++pos;
    return std::string(tag.substr(start, pos - start));
}

// A labelled encoding iconv knows, or "".
std::string usable_charset(std::string_view label) {
    std::string name = canonical_charset(label);
    if (name.empty()) return {};
    // A page cannot declare itself UTF-16 in ASCII-compatible bytes (HTML spec).
    if (name.starts_with("utf-16") || name.starts_with("utf-32")) return std::string(kUtf8);
    const iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return {};
    iconv_close(cd);
    return name;
}

// uchardet's guess, or "" when it has none.
std::string detect_charset(std::string_view bytes) {
    const std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(),
                                                                                            uchardet_delete);
    if (!detector) return {};
    constexpr std::size_t kSample = 256 * 1024;
    if (uchardet_handle_data(detector.get(), bytes.data(), std::min(bytes.size(), kSample)) != 0) return {};
    uchardet_data_end(detector.get());
    const char* name = uchardet_get_charset(detector.get());
    return name ? usable_charset(name) : std::string();
}

// How the bytes fare as UTF-8: valid multi-byte sequences and invalid bytes.
struct Utf8Stats {
    std::size_t multibyte = 0;
    std::size_t invalid = 0;
};

Utf8Stats utf8_stats(std::string_view bytes) {
    Utf8Stats stats;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len && i + len <= bytes.size() && utf8::is_valid(bytes.substr(i, len))) {
            ++stats.multibyte;
            i += len;
        } else {
            ++stats.invalid;
            ++i;
        }
    }
    return stats;
}

// Convert with iconv; an undecodable byte becomes U+FFFD and decoding goes on.
std::string convert(std::string_view bytes, const std::string& charset) {
    const iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    std::array<char, 16384> buffer;
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    while (in_left > 0) {
        char* dest = buffer.data();
        std::size_t dest_left = buffer.size();
        const std::size_t rc = iconv(cd, &in, &in_left, &dest, &dest_left);
        out.append(buffer.data(), dest - buffer.data());
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) continue;
        out += "\xEF\xBF\xBD";  // EILSEQ or a truncated sequence (EINVAL): skip one byte
        ++in;
        --in_left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    iconv_close(cd);
    return out;
}

// The encoding of bytes without a byte-order mark. Text that is valid UTF-8
// and uses it is UTF-8 whatever it declares (a common mislabelling); a stray
// invalid byte does not make a page declared UTF-8 windows-1252.
std::string choose_charset(std::string_view bytes, std::string_view declared) {
    const Utf8Stats stats = utf8_stats(bytes);
    if (stats.multibyte > 0 && stats.invalid == 0) return std::string(kUtf8);
    std::string charset = usable_charset(declared);
    if (charset.empty()) charset = usable_charset(sniff_meta_charset(bytes));
    if (charset == kUtf8 && stats.multibyte < 4 * stats.invalid) charset.clear();
    if (!charset.empty()) return charset;
    if (stats.invalid == 0) return std::string(kUtf8);
    charset = detect_charset(bytes);
    if (charset.empty() || charset == kUtf8) charset = kFallback;
    return charset;
}

}  // namespace

std::string canonical_charset(std::string_view label) {
    std::string name = ascii_lower(trim(label));
    std::erase_if(name, [](char c) { return c == '"' || c == '\''; });
    for (const auto& [alias, canonical] : kAliases)
        if (name == alias) return std::string(canonical);
    return name;
}

std::string sniff_meta_charset(std::string_view bytes, std::size_t window) {
    const std::string head = ascii_lower(bytes.substr(0, std::min(window, bytes.size())));
    for (std::size_t pos = head.find("<meta"); pos != std::string::npos; pos = head.find("<meta", pos + 5)) {
        const std::size_t end = std::min(head.find('>', pos), head.size());
        const std::string_view tag = std::string_view(head).substr(pos, end - pos);
        const std::size_t at = tag.find("charset");
        if (at == std::string_view::npos) continue;
        // Case as written: labels are compared case-insensitively anyway.
        std::string value = read_charset_value(tag, at + 7);
        if (!value.empty()) return value;
    }
    return {};
}

std::string to_utf8(std::string_view bytes, std::string_view declared_charset, std::string* used) {
    auto [charset, bom_length] = detect_bom(bytes);
    std::string chosen = charset.empty() ? choose_charset(bytes, declared_charset) : std::string(charset);
    bytes.remove_prefix(bom_length);
    if (used) *used = chosen;
    if (chosen == kUtf8) return utf8::sanitize(bytes);
    return utf8::sanitize(convert(bytes, chosen));
}

}  // namespace libsearch::ingest
