#include "core/schema_version.hpp"

#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"

namespace libsearch {

void check_schema_version(const Xapian::Database& db, const std::string& path) {
    const std::string stored = db.get_metadata(schema::meta_schema);
    if (stored.empty() || stored == std::to_string(schema::version)) return;
    throw IndexCorrupt(path, "index '" + path + "' was made with schema " + stored + "; this libsearch reads schema " +
                                 std::to_string(schema::version) +
                                 ": rebuild it (remove the directory and run indexer on the archive again)");
}

}  // namespace libsearch
