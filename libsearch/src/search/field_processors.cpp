#include "search/field_processors.hpp"

#include <functional>
#include <string_view>

#include "core/schema_terms.hpp"
#include "libsearch/language.hpp"
#include "search/date_query.hpp"

namespace libsearch::search {

namespace {

// No term of the schema starts with a digit followed by a NUL.
constexpr std::string_view kNoSuchTerm{"0\0bad field value", 17};

class FunctionFieldProcessor : public Xapian::FieldProcessor {
  public:
    FunctionFieldProcessor(std::function<Xapian::Query(const std::string&)> fn, FieldErrors& errors)
        : fn_(std::move(fn)), errors_(errors) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return fn_(value);
        } catch (const BadFieldValue& bad) {
            if (!errors_.first) errors_.first = bad;
            // Never run (the error is thrown after parsing), but it must be
            // a real query: Xapian 1.4.22's parser dereferences the empty
            // one (MatchNothing) in some negated groups and crashes.
            return Xapian::Query(std::string(kNoSuchTerm));
        }
    }

  private:
    std::function<Xapian::Query(const std::string&)> fn_;
    FieldErrors& errors_;
};

}  // namespace

void add_filter_fields(Xapian::QueryParser& parser, FieldErrors& errors) {
    auto add = [&](const char* field, std::function<Xapian::Query(const std::string&)> fn) {
        parser.add_boolean_prefix(field, (new FunctionFieldProcessor(std::move(fn), errors))->release());
    };
    add("category", [](const std::string& value) {
        return Xapian::Query(schema_terms::category_term(value));
    });
    add("place", [](const std::string& value) { return Xapian::Query(schema_terms::place_term(value)); });
    add("lang", [](const std::string& value) {
        return Xapian::Query(schema_terms::language_term(resolve_language(value).code));
    });
    add("site", [](const std::string& value) {
        const auto terms = schema_terms::site_terms(value);
        if (terms.empty()) throw BadFieldValue{"site", value, "is not a host name"};
        return Xapian::Query(terms.front());
    });
    add("date", [](const std::string& value) { return date_field_query(value); });
}

}  // namespace libsearch::search
