#include "analysis/utf8.hpp"
#include "core/schema_terms.hpp"
#include "ingest/decompress.hpp"
#include "ingest/file_bytes.hpp"
#include "ingest/html/charset.hpp"
#include "ingest/text_util.hpp"
#include "libsearch/ingest.hpp"
#include "libsearch/ingest/dates.hpp"
#include "libsearch/ingest/html.hpp"
#include "libsearch/ingest/jsonl.hpp"
#include "libsearch/ingest/news_sgml.hpp"
#include "libsearch/ingest/text_page.hpp"
#include "libsearch/ingest/warc.hpp"

namespace libsearch {

namespace {

void append(ReadResult& into, ReadResult&& from) {
    for (auto& a : from.articles) into.articles.push_back(std::move(a));
    for (auto& s : from.skipped) into.skipped.push_back(std::move(s));
    for (auto& w : from.warnings) into.warnings.push_back(std::move(w));
}

bool is_html_type(std::string_view content_type, std::string_view payload) {
    const std::string type = ingest::ascii_lower(content_type);
    if (type.find("html") != std::string::npos) return true;
    if (!type.empty() && type.find("text/plain") == std::string::npos) return false;
    return detect_format(payload, "") == InputFormat::html;
}

// A web archive's records: HTML responses as HTML pages, conversions (WET)
// as text pages. The crawl date stands in only where the page has no date.
ReadResult read_web_archive(std::string_view bytes, std::string_view source) {
    ReadResult result;
    WarcContents contents = read_warc(bytes, source);
    result.skipped = std::move(contents.skipped);
    for (const auto& record : contents.records) {
        const std::string where = std::string(source) + "#" + std::to_string(record.number);
        ReadResult page;
        if (record.type == "conversion" || !is_html_type(record.content_type, record.payload))
            page = read_text_page(record.payload, where);
        else
            page = read_html(record.payload, where, record.target_uri);
        const auto crawl_date = parse_date(record.warc_date);
        for (auto& article : page.articles) {
            if (article.url.empty()) article.url = record.target_uri;
            if (!article.date && crawl_date) {
                article.date = crawl_date;
                article.date_source = DateSource::crawl;
            }
        }
        append(result, std::move(page));
    }
    return result;
}

ReadResult read_format(InputFormat format, std::string_view content, std::string_view source) {
    switch (format) {
        case InputFormat::html:
            return read_html(content, source);
        case InputFormat::warc:
            return read_web_archive(content, source);
        case InputFormat::jsonl:
            return read_jsonl(utf8::sanitize(content), source);
        case InputFormat::news_sgml:
            return read_news_sgml(content, source);
        case InputFormat::text_page:
            break;
    }
    // Plain text in a legacy encoding is converted; valid UTF-8 passes as is.
    if (utf8::is_valid(content)) return read_text_page(content, source);
    return read_text_page(ingest::to_utf8(content), source);
}

void complete(Article& article, std::string_view source, const ReadOptions& options) {
    if (article.id.empty()) article.id = content_id(article);
    if (article.source.empty()) article.source = std::string(source);
    if (article.categories.empty() && !options.category.empty()) article.categories.push_back(options.category);
    if (article.language.empty()) {
        article.language = options.language;
        if (article.language.empty()) article.language = detect_language(article.title + "\n" + article.body);
    }
}

// An article's text is cut at these sizes. More is no news article but a
// whole file read as one (a 200 MiB text page made one 200 MiB "article"),
// and analysing it takes memory in proportion: about 6 bytes a byte, 1.3 GB
// for that page, in each thread that reads one.
constexpr std::size_t kMaxBodyBytes = std::size_t{8} << 20;
constexpr std::size_t kMaxTitleBytes = std::size_t{64} << 10;

// Cuts `text` to at most `max` bytes, at a UTF-8 character boundary; true when cut.
bool cut_text(std::string& text, std::size_t max) {
    if (text.size() <= max) return false;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return true;
}

void complete_all(ReadResult& result, std::string_view source, const ReadOptions& options) {
    for (auto& article : result.articles) {
        const std::size_t mib = (article.title.size() + article.body.size()) >> 20;
        const bool cut = cut_text(article.title, kMaxTitleBytes) | cut_text(article.body, kMaxBodyBytes);
        complete(article, source, options);
        if (cut)
            result.warnings.push_back({article.source, 0, "article '" + article.id.substr(0, 80) +
                                                              "' is cut to its first 8 MiB of text (it has " +
                                                              std::to_string(mib) + " MiB)"});
    }
}

}  // namespace

std::string content_id(const Article& article) {
    return "c" + schema_terms::content_hash(article.title, article.body);
}

ReadResult read_input(std::string_view bytes, std::string_view source, const ReadOptions& options) {
    ReadResult result;
    auto skip = [&](std::string reason) {
        result.skipped.push_back({std::string(source), 0, std::move(reason)});
        return result;
    };
    if (bytes.size() > options.max_bytes) return skip(ingest::too_large_reason(options.max_bytes));

    ingest::Decompressed unpacked;
    std::string_view content = bytes;
    if (ingest::is_compressed(bytes)) {
        // Web archives are read as a stream, record by record; the rest whole.
        const std::string head = ingest::decompressed_head(bytes, 4096);
        const auto format = options.format ? options.format : detect_format(head, source);
        if (format == InputFormat::warc) {
            result = read_web_archive(bytes, source);
            complete_all(result, source, options);
            return result;
        }
        unpacked = ingest::decompress(bytes, options.max_bytes);
        if (!unpacked.error.empty()) return skip(unpacked.error);
        content = unpacked.data;
    }
    // Text saved as UTF-16 (Windows' "Unicode") has a NUL in every other
    // byte and would be refused as binary data: with its byte-order mark, it
    // is decoded to UTF-8 first and then read like any text.
    std::string decoded;
    if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
        decoded = ingest::to_utf8(content);
        content = decoded;
    }
    if (ingest::trim(content).empty()) return skip("file is empty");

    const auto format = options.format ? options.format : detect_format(content, source);
    if (!format) return skip("binary data, not a text page, HTML, JSON Lines, WARC or SGML file");
    result = read_format(*format, content, source);
    complete_all(result, source, options);
    return result;
}

ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options) {
    const std::string source = path.string();
    std::string bytes, error;
    if (!ingest::read_file_bytes(source, options.max_bytes, bytes, error)) return {{}, {{source, 0, error}}};
    return read_input(bytes, source, options);
}

}  // namespace libsearch
