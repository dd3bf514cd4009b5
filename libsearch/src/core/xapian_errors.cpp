#include "core/xapian_errors.hpp"

#include "libsearch/errors.hpp"

namespace libsearch {

void throw_index_error(const Xapian::Error& error, const std::string& path, std::string_view action) {
    const std::string where = "index at '" + path + "'";
    const std::string detail = error.get_msg() + (error.get_error_string() ? std::string(" (") +
                                                      error.get_error_string() + ")" : std::string());
    const std::string type = error.get_type();

    // Failing to find the path while asked to create it means it cannot be made.
    const bool creating = action.starts_with("creating");
    if (type == "DatabaseLockError")
        throw IndexLocked(path, where + " is locked by another writer: " + detail);
    if (type == "DatabaseNotFoundError" && !creating)
        throw IndexNotFound(path, "no index at '" + path + "': " + detail);
    if (type == "DatabaseCorruptError" || type == "DatabaseVersionError")
        throw IndexCorrupt(path, where + " cannot be read (damaged or unsupported): " + detail);
    if (type == "DatabaseCreateError" || (creating && (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")))
        throw IndexNotWritable(path, where + " cannot be created: " + detail);

    const std::string text = error.get_description();
    for (const char* reason :
         {"No space left", "Permission denied", "Read-only file system", "Disk quota", "File too large"}) {
        if (text.find(reason) != std::string::npos || detail.find(reason) != std::string::npos) {
            // Actions read as "error <action> index at ...": "adding article 'x' to".
            std::string_view doing = action;
            if (doing.ends_with(" to")) doing.remove_suffix(3);
            throw IndexNotWritable(path, where + " is not writable while " + std::string(doing) + ": " + detail);
        }
    }
    if (type == "DatabaseOpeningError") {
        if (text.find("No such file") != std::string::npos || text.find("Couldn't detect type") != std::string::npos ||
            text.find("Couldn't stat") != std::string::npos)
            throw IndexNotFound(path, "no index at '" + path + "': " + detail);
        throw IndexCorrupt(path, where + " cannot be opened: " + detail);
    }
    // A read that fails below Xapian's format checks (a short block, a bad
    // checksum) is damage, whatever the operation.
    if (type == "DatabaseError" && (action.starts_with("opening") || text.find("EOF") != std::string::npos ||
                                    text.find("corrupt") != std::string::npos))
        throw IndexCorrupt(path, where + " is damaged: " + detail);
    throw IndexError(path, "error " + std::string(action) + " " + where + ": " + error.get_description());
}

std::exception_ptr as_index_error(std::exception_ptr error, const std::string& path) {
    if (!error) return nullptr;
    try {
        std::rethrow_exception(error);
    } catch (const Error&) {
        return error;
    } catch (const Xapian::Error& e) {
        try {
            throw_index_error(e, path, "saving changes");
        } catch (const Error&) {
            return std::current_exception();
        }
    } catch (...) {
    }
    return nullptr;
}

}  // namespace libsearch
