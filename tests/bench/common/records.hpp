#pragma once
// The benchmark's article records: JSON Lines in the rich format that
// `indexer extract` and corpus/generators/scale_corpus write. Every program
// of the suite reads them through here, one record in memory at a time.

#include <functional>
#include <string>
#include <vector>

namespace bench {

struct Record {
    std::string id, url, title, body, author, language;
    std::vector<std::string> categories;
    std::string date;  ///< YYYY-MM-DD, or empty when the record has no valid date
};

/// Calls `fn` for each record of each file, in order; blank lines are skipped.
/// @throws std::runtime_error naming the file and line of a line that is not
///         a JSON object with an id, or a file that cannot be opened.
void for_each_record(const std::vector<std::string>& files, const std::function<void(const Record&)>& fn);

/// "YYYY-MM-DD" -> "YYYYMMDD"; empty when `date` is not of that form.
std::string compact_date(const std::string& date);

/// Size in MiB of a file, or of every file under a directory.
double disk_mb(const std::string& path);

}  // namespace bench
