#include "core/stub_database.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/fnv1a.hpp"
#include "libsearch/errors.hpp"

namespace libsearch::stub {

namespace fs = std::filesystem;

std::optional<std::string> stub_file_of(const std::string& path) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) return path;
    const std::string inside = (fs::path(path) / "XAPIANDB").string();
    if (fs::is_regular_file(inside, error)) return inside;
    return std::nullopt;
}

namespace {

Entry parse_line(const std::string& text, const std::string& file, std::size_t number) {
    auto fail = [&](const std::string& why) -> Entry {
        throw IndexCorrupt(
            file, "stub database '" + file + "', line " + std::to_string(number) + " ('" + text + "'): " + why);
    };
    const auto space = text.find(' ');
    if (space == std::string::npos) return fail("expected 'auto PATH' or 'remote HOST:PORT'");
    const std::string type = text.substr(0, space), rest = text.substr(space + 1);
    Entry entry;
    entry.line = text;
    if (type == "auto" || type == "glass") {
        fs::path target(rest);
        if (target.is_relative()) target = fs::path(file).parent_path() / target;
        entry.target = target.lexically_normal().string();
        return entry;
    }
    if (type != "remote") return fail("libsearch opens only auto, glass and remote lines");
    const auto colon = rest.rfind(':');
    if (rest.empty() || rest[0] == ':' || colon == std::string::npos)
        return fail("a remote shard is written 'remote HOST:PORT' (a xapian-tcpsrv)");
    char* end = nullptr;
    const unsigned long port = std::strtoul(rest.c_str() + colon + 1, &end, 10);
    if (colon + 1 == rest.size() || *end != '\0' || port == 0 || port > 65535) return fail("bad port");
    entry.kind = Entry::Kind::remote;
    entry.target = rest.substr(0, colon);
    if (entry.target.size() > 2 && entry.target.front() == '[' && entry.target.back() == ']')
        entry.target = entry.target.substr(1, entry.target.size() - 2);
    entry.port = static_cast<unsigned>(port);
    return entry;
}

}  // namespace

std::vector<Entry> read(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw IndexNotFound(file, "cannot read stub database '" + file + "'");
    std::vector<Entry> entries;
    std::string text;
    for (std::size_t number = 1; std::getline(in, text); ++number) {
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (text.empty() || text[0] == '#') continue;
        entries.push_back(parse_line(text, file, number));
    }
    if (entries.empty()) throw IndexCorrupt(file, "stub database '" + file + "' lists no database");
    return entries;
}

std::string shard_dir(const std::string& dir, std::size_t i) {
    return (fs::path(dir) / ("shard-" + std::to_string(i))).string();
}

std::size_t shard_of(const std::string& id, std::size_t shards) {
    Fnv1a hash;
    hash.add(id);
    return static_cast<std::size_t>(hash.value() % shards);
}

void write_shards(const std::string& dir, std::size_t shards) {
    const fs::path file = fs::path(dir) / "XAPIANDB", temporary = fs::path(dir) / "XAPIANDB.new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "# libsearch sharded index: articles spread over " << shards
            << " databases by a hash of their id (indexer --shards)\n";
        for (std::size_t i = 0; i < shards; ++i) out << "auto shard-" << i << '\n';
        out.flush();
        if (!out) throw IndexNotWritable(dir, "cannot write the stub database '" + temporary.string() + "'");
    }
    fs::rename(temporary, file);
}

}  // namespace libsearch::stub
