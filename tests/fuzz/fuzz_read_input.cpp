// Format detection and read_input() end to end (ingest.hpp), then the
// analysis of every article it gives (IndexWriter::prepare, as the Ingester
// does before adding).
//
// The input's first line is the file name (it helps detection), optionally
// "FORMAT:" first to force a format ("warc:x.gz"); the rest is the content,
// plain or gzip-compressed.

#include <libsearch/errors.hpp>
#include <libsearch/index_writer.hpp>
#include <libsearch/ingest.hpp>

#include <memory>
#include <string>

#include "fuzz_common.hpp"
#include "index_dir.hpp"

namespace {

struct Analysis {
    fuzz::IndexDir dir;
    libsearch::IndexWriter writer{libsearch::IndexOptions{.path = dir.index(), .spelling = false}};
};
std::unique_ptr<Analysis> analysis;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    analysis = std::make_unique<Analysis>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Fields fields(fuzz::as_text(data, size), '\n');
    std::string_view name = fields.next();
    const std::string_view bytes = fields.rest();

    libsearch::ReadOptions options;
    // A gzip bomb is a Skipped entry, not gigabytes: the same rule, a smaller limit.
    options.max_bytes = std::size_t{8} << 20;
    options.category = "Fuzzed";
    if (const auto colon = name.find(':'); colon != std::string_view::npos && colon < 6) {
        options.format = libsearch::parse_format_name(name.substr(0, colon));
        name.remove_prefix(colon + 1);
    }

    (void)libsearch::detect_format(bytes, name);
    const auto result = libsearch::read_input(bytes, name, options);
    fuzz::check_result(result);
    for (const auto& article : result.articles) {
        fuzz::expect(!article.id.empty(), "read_input gives every article an id");
        fuzz::expect(!article.source.empty() || name.empty(), "read_input gives every article a source");
        fuzz::expect(!article.categories.empty(), "ReadOptions::category fills in a missing category");
        try {
            const auto prepared = analysis->writer.prepare(article);
            fuzz::check_article(prepared.article());
        } catch (const libsearch::InvalidArgument&) {
            // An id over 200 bytes from a record: the Ingester reports it as skipped.
            fuzz::expect(article.id.size() > 200, "prepare() rejects only ids over 200 bytes");
        }
    }
    return 0;
}
