#include <array>

#include "ingest/text_util.hpp"
#include "libsearch/ingest.hpp"

namespace libsearch {

namespace {

struct FormatName {
    InputFormat format;
    std::string_view name;
};

constexpr std::array<FormatName, 5> kNames{{{InputFormat::text_page, "text"},
                                            {InputFormat::html, "html"},
                                            {InputFormat::jsonl, "jsonl"},
                                            {InputFormat::warc, "warc"},
                                            {InputFormat::news_sgml, "sgml"}}};

// Binary data has NUL bytes or many control characters early on.
bool looks_binary(std::string_view head) {
    std::size_t control = 0;
    for (unsigned char c : head) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b && c != 0x03) ++control;
    }
    return control * 20 > head.size();
}

bool ends_with(std::string_view name, std::string_view suffix) {
    return name.size() >= suffix.size() && ingest::iequals(name.substr(name.size() - suffix.size()), suffix);
}

std::optional<InputFormat> format_from_name(std::string_view name) {
    for (std::string_view gz : {".gz", ".gzip"})
        if (ends_with(name, gz)) name.remove_suffix(gz.size());
    if (ends_with(name, ".warc") || ends_with(name, ".wet") || ends_with(name, ".arc")) return InputFormat::warc;
    if (ends_with(name, ".sgm") || ends_with(name, ".sgml")) return InputFormat::news_sgml;
    if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".json")) return InputFormat::jsonl;
    if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml")) return InputFormat::html;
    if (ends_with(name, ".txt") || ends_with(name, ".text")) return InputFormat::text_page;
    return std::nullopt;
}

}  // namespace

std::string_view format_name(InputFormat format) noexcept {
    for (const auto& entry : kNames)
        if (entry.format == format) return entry.name;
    return "unknown";
}

std::optional<InputFormat> parse_format_name(std::string_view name) noexcept {
    for (const auto& entry : kNames)
        if (ingest::iequals(entry.name, name)) return entry.format;
    return std::nullopt;
}

std::optional<InputFormat> detect_format(std::string_view content, std::string_view name) {
    std::string_view head = content.substr(0, 4096);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    if (looks_binary(head)) return std::nullopt;
    const std::string_view start = ingest::trim(head.substr(0, 512));
    if (start.starts_with("WARC/")) return InputFormat::warc;
    const std::string lower = ingest::ascii_lower(head);
    if (lower.find("<reuters") != std::string::npos || lower.find("<!doctype lewis") != std::string::npos)
        return InputFormat::news_sgml;
    if (start.starts_with("{")) return InputFormat::jsonl;
    const std::string lower_start = ingest::ascii_lower(start.substr(0, 256));
    for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title"})
        if (lower_start.starts_with(marker)) return InputFormat::html;
    if (auto by_name = format_from_name(name)) return by_name;
    // Markup further in (a page with a preamble) still reads as HTML.
    if (lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos) return InputFormat::html;
    return InputFormat::text_page;
}

}  // namespace libsearch
