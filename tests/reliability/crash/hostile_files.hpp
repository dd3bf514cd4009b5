#pragma once
// Hostile input files, made at test time in a temporary folder (never
// committed): binary data, compression bombs, huge and sparse files, broken
// encodings, pathological HTML, lying WARC lengths, deep JSON, broken SGML,
// and things that are not files at all (pipes, sockets, symlink loops).

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "gzip.hpp"
#include "run_process.hpp"

namespace crashtest {

namespace fs = std::filesystem;

/// What the indexer must make of a hostile file.
enum class Expect {
    skipped,  ///< reported in the skipped list, with a reason
    either,   ///< reported, or read into articles (sanely: bounded time and memory)
    nothing,  ///< a folder: nothing to read, nothing to report
};

struct HostileFile {
    std::string name;   ///< file name in the folder
    std::string kind;   ///< class, for the figures
    Expect expect;
    /// Makes it at this path; false when it cannot here (a tool missing).
    std::function<bool(const fs::path&)> make;
    /// What identifies it in a report's `source` (default: the name).
    std::string match = "";
};

inline void write_file(const fs::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

inline std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

/// A gzip file of `count` members, each `member` compressed: decompresses to
/// count * member.size() bytes (gzip readers must read every member).
inline std::string gzip_members(const std::string& member, std::size_t count) {
    return repeat(testsupport::gzip(member), count);
}

/// Runs a shell script with $0 = arg; true when it succeeds.
inline bool shell(const std::string& script, const std::string& arg) {
    return testsupport::run_process({"/bin/sh", "-c", script, arg}).status == 0;
}

inline const std::string kProse =
    "The oil minister said on Monday that talks on the export embargo would resume next week in Geneva, "
    "and that the government expected the sanctions to be eased before the end of the year.\n\n";

inline const std::string kTextPage =
    "News : Human rights\n\n"
    "Court hands activists long sentences\n\n"
    "A court sentenced four activists to long prison terms on Monday, their lawyers said.\n\n"
    "The lawyers said they would appeal against the verdict in the coming weeks.\n";

inline std::string html_page(const std::string& title, const std::string& body_html) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1>" + body_html + "</article></body></html>";
}

inline const std::string kGoodHtml =
    html_page("Quokka festival opens on Rottnest Island",
              "<p>Thousands of visitors came to Rottnest Island on Saturday for the first quokka festival, "
              "organisers said, and the island's ferries added extra crossings.</p>"
              "<p>The festival runs until Sunday and includes guided walks and talks on conservation.</p>");

inline std::string jsonl_record(const std::string& id, const std::string& title, const std::string& body) {
    return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"body\": \"" + body +
           "\", \"date\": \"2014-06-01\", \"category\": \"News\"}\n";
}

/// A WARC response record holding a good HTML page, with this Content-Length header.
inline std::string warc_record(const std::string& content_length, std::string* block_out = nullptr) {
    const std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + kGoodHtml;
    if (block_out) *block_out = block;
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.org/quokka\r\n"
           "WARC-Date: 2014-06-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:6c1a7d2e-0000-4000-8000-000000000001>\r\n"
           "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
           (content_length.empty() ? std::to_string(block.size()) : content_length) + "\r\n\r\n" + block +
           "\r\n\r\n";
}

inline std::string random_bytes(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::string out(n, '\0');
    for (auto& c : out) c = static_cast<char>(rng() & 0xff);
    return out;
}

inline std::string utf16(const std::string& ascii, bool little_endian, bool bom) {
    std::string out;
    if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii) {
        if (little_endian) out += {c, '\0'};
        else out += {'\0', c};
    }
    return out;
}

inline bool make_socket(const fs::path& path) {
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string p = path.string();
    if (fd < 0 || p.size() >= sizeof address.sun_path) return false;
    p.copy(address.sun_path, p.size());
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);  // the socket file stays
    return ok;
}

// Writers that cannot fail.
inline std::function<bool(const fs::path&)> content(std::function<std::string()> make) {
    return [make](const fs::path& p) {
        write_file(p, make());
        return true;
    };
}

/// The hostile files (each made at most once per folder).
inline std::vector<HostileFile> hostile_files() {
    const std::size_t MiB = 1 << 20;
    using E = Expect;
    return {
        // Binary data.
        {"garbage.bin", "binary", E::skipped, content([=] { return random_bytes(4 * MiB, 1); })},
        {"elf-named.txt", "binary", E::skipped,
         content([=] { return std::string("\x7f" "ELF\x02\x01\x01", 7) + random_bytes(MiB, 2); })},
        {"control-chars.txt", "binary", E::skipped,
         content([] { return repeat("\x01\x02\x05\x06\x0e\x0f\x10\x11 abc", 10000); })},
        // Compression bombs and broken compressed data.
        {"zeros-1g.gz", "compression bomb", E::skipped,
         content([=] { return gzip_members(std::string(MiB, '\0'), 1024); })},
        {"spaces-1g.txt.gz", "compression bomb", E::skipped,
         content([=] { return gzip_members(std::string(MiB, ' '), 1024); })},
        {"nested-zeros.gz.gz", "compression bomb", E::skipped,
         content([=] { return testsupport::gzip(gzip_members(std::string(MiB, '\0'), 1024)); })},
        {"nested-article.jsonl.gz.gz", "compression bomb", E::either, content([] {
             return testsupport::gzip(testsupport::gzip(jsonl_record("nested-1", "Nested", "Twice gzipped.")));
         })},
        {"zeros-1g.bz2", "compression bomb", E::skipped,
         [](const fs::path& p) { return shell("command -v bzip2 >/dev/null && head -c 1G /dev/zero | bzip2 -1 > \"$0\"", p); }},
        {"zeros-1g.xz", "compression bomb", E::skipped,
         [](const fs::path& p) { return shell("command -v xz >/dev/null && head -c 1G /dev/zero | xz -0 -T1 > \"$0\"", p); }},
        {"zeros-1g.zst", "compression bomb", E::skipped,
         [](const fs::path& p) { return shell("command -v zstd >/dev/null && head -c 1G /dev/zero | zstd -q -1 > \"$0\"", p); }},
        {"words-200m.txt.gz", "compression bomb", E::either, content([=] {
             return gzip_members(repeat(kProse, MiB / kProse.size()), 200);
         })},
        {"trailing-garbage.jsonl.gz", "compression bomb", E::skipped, content([] {
             return testsupport::gzip(jsonl_record("trail-1", "Trailing", "Garbage follows.")) + "GARBAGE\n";
         })},
        {"gzip-magic-only.gz", "compression bomb", E::skipped, content([] { return std::string("\x1f\x8b"); })},
        // Sizes.
        {"sparse-1g.txt", "size", E::skipped,
         [](const fs::path& p) { write_file(p, ""); fs::resize_file(p, std::uintmax_t{1} << 30); return true; }},
        {"empty.txt", "size", E::skipped, content([] { return std::string(); })},
        {"blank.txt", "size", E::skipped, content([=] { return repeat(" \n\t\r\n", MiB / 5); })},
        {"line-100m.txt", "size", E::either, content([=] { return repeat("word ", 20 * MiB); })},
        // Encodings.
        {"invalid-utf8.txt", "encoding", E::either, content([] {
             return "News : World\n\nBroken \xff\xfe bytes \xc0\x80 in a title\n\nA body with \xed\xa0\x80 "
                    "surrogates, \xf8\x88\x80\x80\x80 five-byte forms and a lone \x80 continuation, said officials "
                    "on Monday in a long enough paragraph.\n";
         })},
        {"utf16le-bom.txt", "encoding", E::either, content([] { return utf16(kTextPage, true, true); })},
        {"utf16be-no-bom.txt", "encoding", E::either, content([] { return utf16(kTextPage, false, false); })},
        {"nul-bytes.txt", "encoding", E::either, content([] {
             return kTextPage + repeat(kProse, 60) + std::string(1000, '\0') + repeat(kProse, 10);
         })},
        {"bom-only.txt", "encoding", E::skipped, content([] { return std::string("\xEF\xBB\xBF"); })},
        // HTML.
        {"nested-100k.html", "HTML", E::either, content([] {
             return "<html><body>" + repeat("<div>", 100'000) + kProse + repeat("</div>", 100'000) + "</body></html>";
         })},
        {"attributes-100k.html", "HTML", E::either, content([] {
             std::string tag = "<div";
             for (int i = 0; i < 100'000; ++i) tag += " a" + std::to_string(i) + "=\"v\"";
             return "<html><body>" + tag + "><p>" + kProse + "</p></div></body></html>";
         })},
        {"unclosed-b-100k.html", "HTML", E::either,
         content([] { return "<html><body>" + repeat("<b>x", 100'000) + "</body></html>"; })},
        {"nested-tables-30k.html", "HTML", E::either,
         content([] { return "<html><body>" + repeat("<table><tr><td>", 30'000) + "</body></html>"; })},
        {"unterminated-comment-20m.html", "HTML", E::either,
         content([=] { return "<html><body><!--" + repeat("comment ", 20 * MiB / 8); })},
        {"long-word-20m.html", "HTML", E::either,
         content([=] { return html_page("One long word", "<p>" + std::string(20 * MiB, 'w') + "</p>"); })},
        // Web archives.
        {"length-too-long.warc", "WARC", E::either, content([] { return warc_record("1000000"); })},
        {"length-too-short.warc", "WARC", E::either, content([] { return warc_record("10") + warc_record(""); })},
        {"length-negative.warc", "WARC", E::either, content([] { return warc_record("-5") + warc_record(""); })},
        {"length-absurd.warc", "WARC", E::either,
         content([] { return warc_record("99999999999999999999999999") + warc_record(""); })},
        {"truncated-plain.warc", "WARC", E::either, content([] {
             const std::string two = warc_record("") + warc_record("");
             return two.substr(0, two.size() - 200);
         })},
        {"truncated.warc.gz", "WARC", E::either, content([] {
             const std::string gz = testsupport::gzip(repeat(warc_record(""), 20));
             return gz.substr(0, gz.size() / 2);
         })},
        {"records-100k.warc", "WARC", E::either, content([] {
             return repeat("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 0\r\n\r\n\r\n\r\n", 100'000);
         })},
        // JSON Lines.
        {"deep-10k.jsonl", "JSON Lines", E::either, content([] {
             return "{\"id\": \"deep-10k\", \"title\": \"Deep\", \"body\": " + repeat("[", 10'000) +
                    repeat("]", 10'000) + "}\n";
         })},
        {"deep-100k.jsonl", "JSON Lines", E::either, content([] {
             return "{\"id\": \"deep-100k\", \"title\": \"Deep\", \"extra\": " + repeat("{\"a\":", 100'000) + "1" +
                    repeat("}", 100'000) + ", \"body\": \"Deeply nested extra field.\"}\n";
         })},
        {"open-brackets-1m.jsonl", "JSON Lines", E::skipped, content([] { return repeat("[", 1'000'000) + "\n"; })},
        {"record-50m.jsonl", "JSON Lines", E::either, content([=] {
             std::string body = repeat("The minister said talks would resume. ", 50 * MiB / 38);
             return jsonl_record("big-1", "A fifty megabyte record", body);
         })},
        {"keys-1m.jsonl", "JSON Lines", E::either, content([] {
             std::string record = "{\"id\": \"keys-1m\", \"title\": \"Many keys\", \"body\": \"Many keys follow.\"";
             for (int i = 0; i < 1'000'000; ++i) record += ", \"k" + std::to_string(i) + "\": " + std::to_string(i);
             return record + "}\n";
         })},
        {"long-id.jsonl", "JSON Lines", E::skipped,
         content([] { return jsonl_record(std::string(10'000, 'x'), "Long id", "An id of ten thousand bytes."); })},
        // News SGML.
        {"unclosed.sgm", "news SGML", E::either, content([] {
             return "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"90001\"><DATE>26-FEB-1987 15:01:01.79"
                    "<TEXT><TITLE>UNCLOSED TAGS<BODY>" + kProse;
         })},
        {"open-tags-300k.sgm", "news SGML", E::either,
         content([] { return "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + repeat("<REUTERS NEWID=\"1\"><TEXT><BODY>", 300'000); })},
        {"body-30m.sgm", "news SGML", E::either, content([=] {
             return "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"90002\"><DATE>26-FEB-1987 15:01:01.79"
                    "</DATE><TEXT><TITLE>HUGE BODY</TITLE><BODY>" + repeat(kProse, 30 * MiB / kProse.size()) +
                    "</BODY></TEXT></REUTERS>\n";
         })},
        // Not regular files.
        {"named-pipe.jsonl", "special file", E::skipped, [](const fs::path& p) { return mkfifo(p.c_str(), 0600) == 0; }},
        {"socket.txt", "special file", E::skipped, make_socket},
        {"zero-device.txt", "special file", E::skipped,
         [](const fs::path& p) { fs::create_symlink("/dev/zero", p); return true; }},
        {"loop-a.txt", "special file", E::skipped, [](const fs::path& p) {
             fs::create_symlink(p.parent_path() / "loop-b.txt", p);
             fs::create_symlink(p, p.parent_path() / "loop-b.txt");
             return true;
         }},
        {"dangling.txt", "special file", E::skipped,
         [](const fs::path& p) { fs::create_symlink(p.parent_path() / "no-such-file.txt", p); return true; }},
        {"loop-dir", "special file", E::nothing, [](const fs::path& p) {
             fs::create_directory(p);
             fs::create_directory_symlink(".", p / "self");
             return true;
         }},
        {"folder.jsonl", "special file", E::nothing, [](const fs::path& p) { return fs::create_directory(p); }},
        {"bad\xff\nname.txt", "special file", E::either, content([] { return kTextPage; }), "name.txt"},
    };
}

}  // namespace crashtest
