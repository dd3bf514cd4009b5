// read_jsonl() on any bytes: rich, crawl and BEIR records (ingest/jsonl.hpp).

#include <libsearch/ingest/jsonl.hpp>

#include <algorithm>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto result = libsearch::read_jsonl(text, "fuzz.jsonl");
    fuzz::check_result(result);
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    fuzz::expect(result.articles.size() <= lines, "at most one article a line");
    for (const auto& skipped : result.skipped)
        fuzz::expect(skipped.line >= 1 && skipped.line <= lines, "a Skipped line number is a line of the input");
    return 0;
}
