#include "index/document_builder.hpp"

#include <algorithm>

#include "analysis/normalize.hpp"
#include "analysis/utf8.hpp"
#include "core/schema_terms.hpp"
#include "index/document_data.hpp"
#include "index/versions.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"

namespace libsearch::index {

namespace st = schema_terms;

namespace {
constexpr std::size_t kMaxIdBytes = 200;
}

Article prepare_article(const Article& in, const Language& default_language) {
    if (in.id.empty()) throw InvalidArgument("id", "an article needs a non-empty id");
    if (in.id.size() > kMaxIdBytes)
        throw InvalidArgument("id", "article id is " + std::to_string(in.id.size()) +
                                        " bytes long; at most 200 are allowed");
    Article out;
    out.id = utf8::sanitize(in.id);
    out.url = utf8::sanitize(in.url);
    out.title = utf8::sanitize(in.title);
    out.body = utf8::sanitize(in.body);
    out.author = utf8::sanitize(in.author);
    out.source = utf8::sanitize(in.source);
    out.date = in.date;
    out.date_source = !in.date ? DateSource::none
                      : in.date_source == DateSource::none ? DateSource::article : in.date_source;
    out.language = in.language.empty() ? default_language.code : resolve_language(utf8::sanitize(in.language)).code;
    std::vector<std::string> seen_terms;
    for (const auto& category : in.categories) {
        std::string clean = st::clean_category(utf8::sanitize(category));
        if (clean.empty()) continue;
        std::string term = st::category_term(clean);
        if (std::find(seen_terms.begin(), seen_terms.end(), term) != seen_terms.end()) continue;
        seen_terms.push_back(std::move(term));
        out.categories.push_back(std::move(clean));
    }
    for (const auto& url : in.other_urls) {
        std::string clean = utf8::sanitize(url);
        if (!clean.empty() && clean != out.url &&
            std::find(out.other_urls.begin(), out.other_urls.end(), clean) == out.other_urls.end())
            out.other_urls.push_back(std::move(clean));
    }
    for (const auto& place : in.places) {
        std::string clean = st::clean_category(utf8::sanitize(place));
        if (!clean.empty() && std::find(out.places.begin(), out.places.end(), clean) == out.places.end())
            out.places.push_back(std::move(clean));
    }
    return out;
}

Xapian::Document build_document(const Article& a, Xapian::TermGenerator& generator) {
    Xapian::Document doc;
    generator.set_document(doc);

    // Title words count title_weight times in the general index, so a match
    // in the title outranks one in the body; "S" terms serve title: searches.
    const std::string title = analysis::normalize_spelling(a.title);
    generator.index_text(title, 1, schema::prefix_title);
    generator.increase_termpos(schema::field_gap);
    generator.index_text(title, schema::title_weight);
    generator.increase_termpos(schema::field_gap);
    if (!a.author.empty()) {
        const std::string author = analysis::normalize_spelling(a.author);
        generator.index_text(author, 1, schema::prefix_author);
        generator.increase_termpos(schema::field_gap);
        generator.index_text(author);
        generator.increase_termpos(schema::field_gap);
    }
    generator.index_text(analysis::normalize_spelling(a.body));

    doc.add_boolean_term(st::id_term(a.id));
    for (const auto& category : a.categories) doc.add_boolean_term(st::category_term(category));
    for (const auto& place : a.places) doc.add_boolean_term(st::place_term(place));
    doc.add_boolean_term(st::language_term(a.language));
    for (const auto& term : st::site_terms(a.url)) doc.add_boolean_term(term);
    for (const auto& url : a.other_urls)
        for (const auto& term : st::site_terms(url)) doc.add_boolean_term(term);
    if (a.date) {
        doc.add_boolean_term(st::year_term(a.date->year));
        doc.add_boolean_term(st::month_term(a.date->year, a.date->month));
        doc.add_boolean_term(st::day_term(*a.date));
        doc.add_value(schema::slot_date, a.date->key());
    }
    if (a.date || !a.categories.empty()) doc.add_value(schema::slot_facets, st::pack_facets(a.date, a.categories));
    doc.add_value(schema::slot_content_hash, st::content_hash(a.title, a.body));
    const auto samples = version_samples(a.title, a.body);
    if (!samples.empty()) doc.add_value(schema::slot_version_samples, pack_version_samples(samples));
    doc.add_value(schema::slot_hit_fields, encode_hit_fields(a));
    doc.set_data(encode_article(a));
    return doc;
}

}  // namespace libsearch::index
