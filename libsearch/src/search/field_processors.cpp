#include "search/field_processors.hpp"

#include <functional>

#include "core/schema_terms.hpp"
#include "libsearch/language.hpp"
#include "search/date_query.hpp"

namespace libsearch::search {

namespace {

class FunctionFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit FunctionFieldProcessor(std::function<Xapian::Query(const std::string&)> fn) : fn_(std::move(fn)) {}
    Xapian::Query operator()(const std::string& value) override { return fn_(value); }

  private:
    std::function<Xapian::Query(const std::string&)> fn_;
};

void add(Xapian::QueryParser& parser, const char* field, std::function<Xapian::Query(const std::string&)> fn) {
    parser.add_boolean_prefix(field, (new FunctionFieldProcessor(std::move(fn)))->release());
}

}  // namespace

void add_filter_fields(Xapian::QueryParser& parser) {
    add(parser, "category", [](const std::string& value) {
        return Xapian::Query(schema_terms::category_term(value));
    });
    add(parser, "place", [](const std::string& value) { return Xapian::Query(schema_terms::place_term(value)); });
    add(parser, "lang", [](const std::string& value) {
        return Xapian::Query(schema_terms::language_term(resolve_language(value).code));
    });
    add(parser, "site", [](const std::string& value) {
        const auto terms = schema_terms::site_terms(value);
        if (terms.empty()) throw BadFieldValue{"site", value, "is not a host name"};
        return Xapian::Query(terms.front());
    });
    add(parser, "date", [](const std::string& value) { return date_field_query(value); });
}

}  // namespace libsearch::search
