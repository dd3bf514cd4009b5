#include "search/query_matches.hpp"

#include <algorithm>
#include <cmath>

namespace libsearch::search {

namespace {

// Free-text fields whose terms carry a prefix (title:, author:); their words
// are marked like any other. Other prefixes are filters, never marked.
bool is_text_prefix(char c) { return c == 'S' || c == 'A'; }

// The word a term stands for, without "Z" (stemmed) and a text-field prefix;
// false for filter terms (categories, ids, dates...).
bool term_word(const std::string& term, std::string& word, bool& stemmed) {
    std::size_t at = 0;
    stemmed = !term.empty() && term[0] == 'Z';
    if (stemmed) ++at;
    if (at < term.size() && is_text_prefix(term[at])) ++at;
    if (at >= term.size() || (term[at] >= 'A' && term[at] <= 'Z')) return false;
    word = term.substr(at);
    return true;
}

// About 200 KB of words and stems per cache: searchd keeps one Searcher, so
// one cache, per worker thread.
constexpr std::size_t kMaxStemCache = 2'000;

}  // namespace

StemCache::StemCache(Xapian::Stem stemmer)
    : stemmer_(std::move(stemmer)), keeps_first_byte_(stemmer_.get_description() == "Xapian::Stem(english)") {}

const std::string& StemCache::operator()(const std::string& word) {
    auto found = stems_.find(word);
    if (found != stems_.end()) return found->second;
    if (stems_.size() >= kMaxStemCache) stems_.clear();
    return stems_.emplace(word, stemmer_(word)).first->second;
}

QueryMatches::QueryMatches(const Xapian::Query& query, const Xapian::MSet& stats, Xapian::doccount documents,
                           StemCache& stems)
    : stems_of_(stems), documents_(std::max<Xapian::doccount>(documents, 1)) {
    if (query.empty()) return;
    walk(query, stats);
}

std::uint32_t QueryMatches::new_term(double weight) {
    weights_.push_back(weight);
    return static_cast<std::uint32_t>(weights_.size() - 1);
}

double QueryMatches::idf(const std::string& term, const Xapian::MSet& stats) const {
    Xapian::doccount frequency = 0;
    try {
        frequency = stats.get_termfreq(term);
    } catch (const Xapian::Error&) {
        // An MSet without statistics for the term: weigh it as a rare one.
    }
    return std::log(1.0 + documents_ / (0.5 + frequency));
}

void QueryMatches::walk(const Xapian::Query& query, const Xapian::MSet& stats) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM:
            add_word(*query.get_terms_begin(), stats);
            return;
        case Xapian::Query::OP_PHRASE:
            add_phrase(query, stats);
            return;
        case Xapian::Query::OP_WILDCARD:
            add_wildcard(query);
            return;
        case Xapian::Query::OP_AND_NOT:  // what is excluded is not marked
        case Xapian::Query::OP_FILTER:   // nor what only filters
            if (query.get_num_subqueries() > 0) walk(query.get_subquery(0), stats);
            return;
        default:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) walk(query.get_subquery(i), stats);
    }
}

void QueryMatches::add_word(const std::string& term, const Xapian::MSet& stats) {
    std::string word;
    bool stemmed = false;
    if (!term_word(term, word, stemmed)) return;
    auto& table = stemmed ? stems_ : exact_;
    if (table.count(word)) return;
    if (stemmed) stem_first_bytes_.set(static_cast<unsigned char>(word.front()));
    table.emplace(std::move(word), new_term(idf(term, stats)));
}

void QueryMatches::add_phrase(const Xapian::Query& phrase, const Xapian::MSet& stats) {
    std::vector<Piece> pieces;
    double weight = 0;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        const Xapian::Query sub = phrase.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) return;
        const std::string term = *sub.get_terms_begin();
        Piece piece;
        if (!term_word(term, piece.key, piece.stemmed)) return;
        weight += idf(term, stats);
        pieces.push_back(std::move(piece));
    }
    if (!pieces.empty()) phrases_.emplace_back(std::move(pieces), new_term(weight));
}

// Xapian 1.4 does not expose a wildcard's pattern but in its description,
// "Query(WILDCARD SYNONYM pattern)".
void QueryMatches::add_wildcard(const Xapian::Query& wildcard) {
    std::string text = wildcard.get_description();
    if (text.size() < 2 || text.back() != ')') return;
    text.pop_back();
    const auto space = text.rfind(' ');
    if (space == std::string::npos) return;
    std::string word;
    bool stemmed = false;
    if (!term_word(text.substr(space + 1), word, stemmed) || word.empty()) return;
    prefixes_.emplace_back(std::move(word), new_term(std::log(2.0)));
}

bool QueryMatches::matches(const TextWord& word, const Piece& piece) const {
    if (!piece.stemmed) return word.key == piece.key;
    if (stems_of_.keeps_first_byte() && !word.key.empty() && word.key.front() != piece.key.front()) return false;
    return stems_of_(word.key) == piece.key;
}

bool QueryMatches::may_stem_to_a_query_stem(const std::string& word) const {
    return !stems_.empty() && (!stems_of_.keeps_first_byte() || word.empty() ||
                               stem_first_bytes_.test(static_cast<unsigned char>(word.front())));
}

std::vector<MatchSpan> QueryMatches::find(const std::vector<TextWord>& words) const {
    std::vector<MatchSpan> spans;
    if (empty()) return spans;
    const auto count = static_cast<std::uint32_t>(words.size());
    for (std::uint32_t i = 0; i < count;) {
        const TextWord& word = words[i];
        // A phrase first: its words are marked together, not one by one.
        bool found = false;
        for (const auto& [pieces, term] : phrases_) {
            const auto length = static_cast<std::uint32_t>(pieces.size());
            if (i + length > count) continue;
            std::uint32_t k = 0;
            while (k < length && matches(words[i + k], pieces[k])) ++k;
            if (k == length) {
                spans.push_back({i, i + length, term});
                i += length;
                found = true;
                break;
            }
        }
        if (found) continue;
        if (auto exact = exact_.find(word.key); exact != exact_.end()) {
            spans.push_back({i, i + 1, exact->second});
        } else if (may_stem_to_a_query_stem(word.key)) {
            if (auto stem = stems_.find(stems_of_(word.key)); stem != stems_.end()) spans.push_back({i, i + 1, stem->second});
        }
        if (spans.empty() || spans.back().first != i) {
            for (const auto& [prefix, term] : prefixes_) {
                if (word.key.starts_with(prefix)) {
                    spans.push_back({i, i + 1, term});
                    break;
                }
            }
        }
        ++i;
    }
    return spans;
}

}  // namespace libsearch::search
