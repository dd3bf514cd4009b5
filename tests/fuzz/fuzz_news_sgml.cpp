// read_news_sgml() on any bytes: Reuters-21578 style SGML (ingest/news_sgml.hpp).

#include <libsearch/ingest/news_sgml.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto result = libsearch::read_news_sgml(fuzz::as_text(data, size), "fuzz.sgm");
    fuzz::check_result(result);
    return 0;
}
