#pragma once
/// @file errors.hpp
/// The one exception hierarchy thrown across the libsearch API.
///
/// Bad input files are not exceptions: readers report them as
/// libsearch::Skipped entries (file, line, reason) and go on (ingest.hpp).
///
/// Every error the library reports derives from libsearch::Error, so an
/// embedder can catch one type. Xapian's own exceptions never escape: they are
/// translated at the library boundary into the types below. Programs map these
/// types to exit codes (indexer) or HTTP statuses (searchd); the library knows
/// neither.

#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace libsearch {

/// Base of every libsearch error. what() is a complete, human-readable sentence.
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// A caller passed a value outside its documented domain (a malformed date
/// bound, a page size of 0, an empty article id, ...). parameter() names it.
class InvalidArgument : public Error {
  public:
    InvalidArgument(std::string parameter, const std::string& message)
        : Error(parameter + ": " + message), parameter_(std::move(parameter)) {}
    /// The name of the offending parameter, e.g. "from" or "limit".
    const std::string& parameter() const noexcept { return parameter_; }

  private:
    std::string parameter_;
};

/// The query text cannot be turned into a query even leniently, e.g. an
/// impossible date in `date:2013-13-45`. position() is the byte offset in the
/// query text where the problem starts.
class QuerySyntaxError : public Error {
  public:
    QuerySyntaxError(std::size_t position, const std::string& message)
        : Error(message + " (at position " + std::to_string(position) + ")"),
          position_(position), detail_(message) {}
    std::size_t position() const noexcept { return position_; }
    /// The message without the position suffix.
    const std::string& detail() const noexcept { return detail_; }

  private:
    std::size_t position_;
    std::string detail_;
};

/// Base of errors about the index on disk. path() is the database directory.
class IndexError : public Error {
  public:
    IndexError(std::string path, const std::string& message)
        : Error(message), path_(std::move(path)) {}
    const std::string& path() const noexcept { return path_; }

  private:
    std::string path_;
};

/// No index exists at the path (opening for search, or for writing without create).
class IndexNotFound : public IndexError {
    using IndexError::IndexError;
};

/// Another writer holds the index's write lock.
class IndexLocked : public IndexError {
    using IndexError::IndexError;
};

/// The index exists but cannot be read: damaged files or an unsupported format.
class IndexCorrupt : public IndexError {
    using IndexError::IndexError;
};

/// The index cannot be written: permissions, a full disk, a read-only file system.
class IndexNotWritable : public IndexError {
    using IndexError::IndexError;
};

/// A shard of a sharded index (a line of its stub database, see
/// searchd/DEPLOY.md) cannot be reached: its server is down, refuses
/// connections, or did not answer within the shard timeout. shards() names
/// each one that failed, as its stub line says it ("remote 10.0.0.7:7001").
/// Retrying later is sensible; the index itself is not damaged.
class ShardUnavailable : public IndexError {
  public:
    ShardUnavailable(std::string path, std::vector<std::string> shards, const std::string& message)
        : IndexError(std::move(path), message), shards_(std::move(shards)) {}
    const std::vector<std::string>& shards() const noexcept { return shards_; }

  private:
    std::vector<std::string> shards_;
};

/// The libsearch error that `error` stands for, for a last-resort handler
/// such as std::set_terminate: `error` itself when it is a libsearch::Error,
/// Xapian's exceptions translated as the library translates them (about the
/// index at `path`), and nullptr for anything else or no exception.
///
/// Why a program needs it: Xapian 1.4.22 throws from a destructor when the
/// disk fills while a commit writes value chunks (during the unwinding of a
/// first "No space left on device"), and that ends in std::terminate before
/// the library can translate anything. Xapian's commits are atomic, so the
/// index still holds its last commit: a handler can say so and exit cleanly.
std::exception_ptr as_index_error(std::exception_ptr error, const std::string& path);

}  // namespace libsearch
