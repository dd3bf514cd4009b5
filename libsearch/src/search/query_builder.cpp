#include "search/query_builder.hpp"

#include "analysis/normalize.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"
#include "search/date_query.hpp"
#include "search/field_processors.hpp"
#include "search/match_all.hpp"
#include "search/query_text.hpp"

namespace libsearch::search {

namespace {

// A word in at least this many articles is taken as spelt as meant.
constexpr Xapian::doccount kCommonWord = 5;

constexpr unsigned kFullSyntax = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT;

std::size_t position_of(std::string_view text, const BadFieldValue& bad) {
    const std::string with_field = bad.field + ":" + bad.value;
    if (auto pos = text.find(with_field); pos != std::string_view::npos) return pos + bad.field.size() + 1;
    if (auto pos = text.find(bad.field + ":"); pos != std::string_view::npos) return pos;
    return 0;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const analysis::Analyzer& analyzer, DefaultOperator op,
                           const Synonyms* synonyms)
    : db_(db), stopper_(analyzer.stopper()), synonyms_(synonyms) {
    analyzer.configure(parser_);
    parser_.set_database(db);
    parser_.set_default_op(op == DefaultOperator::op_or ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    parser_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    parser_.add_prefix("title", schema::prefix_title);
    parser_.add_prefix("author", schema::prefix_author);
    add_filter_fields(parser_, field_errors_);
}

Xapian::Query QueryBuilder::parse_with(const std::string& text, unsigned flags, std::string_view original) {
    field_errors_.first.reset();
    Xapian::Query query = parser_.parse_query(text, flags);
    if (const auto& bad = field_errors_.first)
        throw QuerySyntaxError(position_of(original, *bad), bad->field + ":" + bad->value + " " + bad->reason);
    return query;
}

// Xapian keeps the words of an all-stopword query, stemmed, without telling.
bool QueryBuilder::only_stopwords(std::string_view folded) const {
    if (!stopper_) return false;
    bool any = false;
    std::string word;
    auto word_ends = [&] {
        if (word.empty()) return true;
        any = true;
        const bool stop = (*stopper_)(word);
        word.clear();
        return stop;
    };
    for (Xapian::Utf8Iterator it(folded.data(), folded.size()); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it) || *it == '\'') {
            Xapian::Unicode::append_utf8(word, *it);
        } else if (!word_ends()) {
            return false;
        }
    }
    return word_ends() && any;
}

ParsedQuery QueryBuilder::parse(std::string_view text) {
    ParsedQuery parsed;
    const std::string expanded = synonyms_ ? synonyms_->expand(text) : std::string(text);
    const std::string folded = split_hyphenated(fold_case(analysis::normalize_spelling(expanded)));
    try {
        parsed.query = parse_with(folded, kFullSyntax, text);
        parsed.warnings = unbalanced_warnings(text);
        for (auto& warning : operator_warnings(text)) parsed.warnings.push_back(std::move(warning));
        // A query of stopwords only ("the who") keeps them, stemmed, but
        // stopwords are indexed unstemmed only: search them as written.
        if (only_stopwords(folded)) {
            parser_.set_stopper(nullptr);
            parser_.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
            parsed.query = parse_with(folded, kFullSyntax, text);
            parser_.set_stopper(stopper_);
            parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        }
        // Xapian treats a query of only excluded words as if they were wanted.
        if (auto excluded = excluded_words_only(folded)) {
            const auto op = parser_.get_default_op();
            parser_.set_default_op(Xapian::Query::OP_OR);
            Xapian::Query words = parse_with(*excluded, kFullSyntax, text);
            parser_.set_default_op(op);
            parsed.query = Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(), words);
        }
        return parsed;
    } catch (const Xapian::QueryParserError& e) {
        parsed.warnings.push_back("query syntax not understood (" + e.get_msg() + "); searched as plain words");
    }
    // A pasted sentence with stray operators or brackets: search its words.
    try {
        parsed.query = parse_with(strip_syntax(folded), 0, text);
        return parsed;
    } catch (const Xapian::QueryParserError& e) {
        throw QuerySyntaxError(0, "query cannot be searched: " + e.get_msg());
    }
}

bool QueryBuilder::all_words_common(const Xapian::Query& parsed) const {
    bool any = false;
    for (auto term = parsed.get_terms_begin(); term != parsed.get_terms_end(); ++term) {
        const std::string& t = *term;
        // Stems ("Z...") and words count; filter terms (capital prefixes) do not.
        const std::size_t at = !t.empty() && t[0] == 'Z' ? 1 : 0;
        if (at >= t.size() || (t[at] >= 'A' && t[at] <= 'Z')) continue;
        if (db_.get_termfreq(t) < kCommonWord) return false;
        any = true;
    }
    return any;
}

std::string QueryBuilder::spelling_suggestion(std::string_view text, const Xapian::Query& parsed) {
    if (all_words_common(parsed)) return {};
    try {
        parser_.parse_query(fold_case(analysis::normalize_spelling(text)), kFullSyntax | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
        return unbracket_chains(parser_.get_corrected_query_string());
    } catch (const Xapian::QueryParserError&) {
        return {};
    }
}

}  // namespace libsearch::search
