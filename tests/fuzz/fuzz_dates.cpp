// Every public date parser on any text: parse_date, find_date_in_text,
// date_from_url (ingest/dates.hpp), parse_iso_date, parse_date_bound and
// try_parse_date_bound (date.hpp).

#include <libsearch/errors.hpp>
#include <libsearch/ingest/dates.hpp>

#include "fuzz_common.hpp"

namespace {

using libsearch::BoundSide;

// parse_date_bound() and try_parse_date_bound() agree: the one throws
// InvalidArgument exactly when the other gives nullopt.
std::optional<libsearch::Date> bound(std::string_view text, BoundSide side) {
    const auto tried = libsearch::try_parse_date_bound(text, side);
    try {
        const auto parsed = libsearch::parse_date_bound(text, side, "from");
        fuzz::expect(tried && *tried == parsed, "parse_date_bound and try_parse_date_bound agree");
    } catch (const libsearch::InvalidArgument& e) {
        fuzz::expect(!tried, "parse_date_bound throws only where try_parse_date_bound gives nullopt");
        fuzz::expect(e.parameter() == "from", "InvalidArgument names the parameter it was given");
    }
    if (tried) fuzz::check_date(*tried);
    return tried;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);

    if (const auto date = libsearch::parse_date(text)) fuzz::check_date(*date);
    if (const auto date = libsearch::find_date_in_text(text)) fuzz::check_date(*date);
    if (const auto date = libsearch::find_date_in_text(text, text.size())) fuzz::check_date(*date);
    if (const auto date = libsearch::find_date_in_text(text, size % 64)) fuzz::check_date(*date);
    if (const auto date = libsearch::date_from_url(text)) fuzz::check_date(*date);

    if (const auto date = libsearch::parse_iso_date(text)) {
        fuzz::check_date(*date);
        fuzz::expect(date->iso() == text, "parse_iso_date accepts only YYYY-MM-DD as it prints");
    }

    const auto first = bound(text, BoundSide::first_day);
    const auto last = bound(text, BoundSide::last_day);
    fuzz::expect(first.has_value() == last.has_value(), "a bound reads for both sides or neither");
    if (first && last) fuzz::expect(*first <= *last, "a period's first day is not after its last");
    return 0;
}
