#include "raw_xapian_search.hpp"

#include "raw_xapian_schema.hpp"
#include "fields.hpp"
#include "records.hpp"

namespace raw_xapian {

namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_DEFAULT;
constexpr Xapian::doccount kFacetCheckAtLeast = 1000;
constexpr std::size_t kTopFacets = 20;
constexpr std::size_t kSnippetBytes = 200;

Xapian::Query date_range(const std::string& from, const std::string& to) {
    if (!from.empty() && !to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, from, to);
    if (!from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, from);
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, to);
}

unsigned snippet_flags(Snippets s) {
    return s == Snippets::exhaustive
               ? unsigned(Xapian::MSet::SNIPPET_EXHAUSTIVE)
               : unsigned(Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE);
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : db_(db_path), stem_(kLanguage) {
    parser_.set_database(db_);
    parser_.set_stemmer(stem_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.add_prefix("title", kTitlePrefix);
}

Result Searcher::search(const Request& r) {
    parser_.set_default_op(r.op_or ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    Xapian::Query query = r.q.find_first_not_of(" \t\r\n") == std::string::npos ? Xapian::Query::MatchAll
                                                                                : parser_.parse_query(r.q, kParseFlags);
    if (!r.category.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(kCategoryPrefix + baseline::lower(r.category)));
    if (!r.from.empty() || !r.to.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, date_range(r.from, r.to));

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy spy(kCategorySlot);
    if (r.facets) enquire.add_matchspy(&spy);
    const Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(r.offset), static_cast<Xapian::doccount>(r.limit),
                         r.facets ? kFacetCheckAtLeast : 0);

    Result result;
    result.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        const std::string data = doc.get_data();
        const std::size_t newline = data.find('\n');
        Hit hit;
        hit.title = data.substr(0, newline);
        if (r.snippets != Snippets::none && newline != std::string::npos)
            hit.snippet = mset.snippet(data.substr(newline + 1), kSnippetBytes, stem_, snippet_flags(r.snippets),
                                       "<mark>", "</mark>", "...");
        hit.id = doc.get_value(kIdSlot);
        result.hits.push_back(std::move(hit));
    }
    if (r.facets)
        for (auto it = spy.top_values_begin(kTopFacets); it != spy.top_values_end(kTopFacets); ++it)
            result.facets.emplace_back(*it, it.get_termfreq());
    return result;
}

}  // namespace raw_xapian
