// read_text_page() on any bytes: plain-text archive pages (ingest/text_page.hpp).

#include <libsearch/ingest/text_page.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto result = libsearch::read_text_page(fuzz::as_text(data, size), "fuzz.txt");
    fuzz::check_result(result);
    for (const auto& article : result.articles) fuzz::expect(article.id.empty(), "text pages leave ids empty");
    return 0;
}
