#include "ingest/file_state.hpp"

#include "core/fnv1a.hpp"

namespace libsearch::ingest {

namespace {
constexpr std::string_view kVersion = "v1";
constexpr std::size_t kMaxKeyPath = 180;
}  // namespace

std::string bytes_hash(std::string_view bytes) {
    Fnv1a hash;
    hash.add(bytes);
    return hash.hex();
}

std::string file_state_key(std::string_view absolute_path) {
    if (absolute_path.size() <= kMaxKeyPath) return std::string(kFileStatePrefix) + std::string(absolute_path);
    return std::string(kFileStatePrefix) + "#" + bytes_hash(absolute_path);
}

namespace {

// Paths and ids may hold newlines and backslashes; lines may not.
std::string escape_line(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

std::string unescape_line(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            out += line[i + 1] == 'n' ? '\n' : line[i + 1];
            ++i;
        } else {
            out += line[i];
        }
    }
    return out;
}

}  // namespace

// One field per line: version, path, size, mtime, hash, then one id per line.
std::string encode_file_state(const FileState& s) {
    std::string out = std::string(kVersion) + "\n" + escape_line(s.path) + "\n" + std::to_string(s.size) + "\n" +
                      std::to_string(s.mtime_ns) + "\n" + s.hash + "\n";
    for (const auto& id : s.ids) out += escape_line(id) + "\n";
    return out;
}

std::optional<FileState> decode_file_state(std::string_view value) {
    std::vector<std::string_view> lines;
    while (!value.empty()) {
        const auto nl = value.find('\n');
        lines.push_back(value.substr(0, nl));
        if (nl == std::string_view::npos) break;
        value.remove_prefix(nl + 1);
    }
    if (lines.size() < 5 || lines[0] != kVersion) return std::nullopt;
    FileState s;
    s.path = unescape_line(lines[1]);
    try {
        s.size = std::stoull(std::string(lines[2]));
        s.mtime_ns = std::stoll(std::string(lines[3]));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    s.hash = std::string(lines[4]);
    for (std::size_t i = 5; i < lines.size(); ++i)
        if (!lines[i].empty()) s.ids.push_back(unescape_line(lines[i]));
    return s;
}

}  // namespace libsearch::ingest
