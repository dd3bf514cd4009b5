// read_html() on any bytes (ingest/html.hpp), and so extract_html(), which it
// calls once (calling both would parse every input twice for nothing). An
// input whose first line starts with "http" gives that line as the page's URL.

#include <libsearch/ingest/html.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = fuzz::as_text(data, size);
    std::string_view url;
    if (bytes.starts_with("http")) {
        fuzz::Fields fields(bytes, '\n');
        url = fields.next();
        bytes = fields.rest();
    }
    const auto result = libsearch::read_html(bytes, "fuzz.html", url);
    fuzz::check_result(result);
    fuzz::expect(result.articles.size() + result.skipped.size() == 1, "read_html gives one article or one Skipped");
    for (const auto& article : result.articles) {
        fuzz::expect(!article.body.empty(), "an HTML article has a body");
        fuzz::expect(article.id.empty(), "HTML extraction leaves the id empty");
    }
    return 0;
}
