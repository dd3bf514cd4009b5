#pragma once
// Xapian's stub database: a text file (or a directory holding one named
// XAPIANDB) whose lines each name a database, opened together as one.
// Lines are "auto PATH" or "glass PATH" (relative to the stub's directory),
// "remote HOST:PORT" (a xapian-tcpsrv), blank, or "# comment". libsearch
// writes one for a sharded index (IndexOptions::shards) and reads it itself
// for searching, so that a remote shard opens with the timeouts the caller
// chose (Xapian's own reader knows none) and a failure names its line.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace libsearch::stub {

/// One database a stub lists.
struct Entry {
    enum class Kind { local, remote } kind = Kind::local;
    /// Local: the database directory, absolute or relative to the stub's.
    /// Remote: the host.
    std::string target;
    unsigned port = 0;
    /// The line as written, to name the shard in errors ("remote 10.0.0.7:7001").
    std::string line;
};

/// The stub file of `path`: `path` itself when it is a file,
/// `path`/XAPIANDB when that exists; nullopt for anything else (a plain
/// database directory, nothing at all).
std::optional<std::string> stub_file_of(const std::string& path);

/// The entries of a stub file, local paths resolved against its directory.
/// @throws IndexNotFound the file cannot be read
/// @throws IndexCorrupt  a line libsearch cannot open (named with its number)
std::vector<Entry> read(const std::string& file);

/// The directory of shard `i` in a sharded index at `dir`.
std::string shard_dir(const std::string& dir, std::size_t i);

/// The shard an article id belongs to among `shards`: FNV-1a 64 of the id
/// modulo `shards`, the same on every machine and run, so re-indexing an
/// article always lands in its shard.
std::size_t shard_of(const std::string& id, std::size_t shards);

/// Writes `dir`/XAPIANDB listing shard-0 ... shard-<shards-1> ("auto" lines,
/// relative, so the directory can move), replacing any by a rename.
void write_shards(const std::string& dir, std::size_t shards);

}  // namespace libsearch::stub
