// The synonyms file parser and query expansion (synonyms.hpp): the input is
// a synonyms file, a NUL byte, then query text to expand. A malformed file
// is InvalidArgument; anything else is a bug.

#include <libsearch/errors.hpp>
#include <libsearch/synonyms.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Fields fields(fuzz::as_text(data, size), '\0');
    const std::string_view file = fields.next();
    const std::string_view query = fields.rest();
    try {
        const auto synonyms = libsearch::Synonyms::parse(file, "fuzz.conf");
        const std::string expanded = synonyms.expand(query);
        if (synonyms.size() == 0) fuzz::expect(expanded == query, "no synonyms leave a query as it is");
    } catch (const libsearch::InvalidArgument& e) {
        fuzz::expect(e.parameter() == "synonyms", "a bad synonyms file is named as such");
    }
    return 0;
}
