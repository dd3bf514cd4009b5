#include "search/kwic.hpp"

#include "index/document_data.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"
#include "search/ranking.hpp"

namespace libsearch::search {

namespace {

// TermGenerator (STEM_SOME) writes a "Z" stem term only for a word that
// starts with a letter and is not a stopword (STOP_STEMMED): a number or a
// stopword is in the index as written, so it matches only as written.
bool has_stem_term(const std::string& key, const analysis::Analyzer& analyzer) {
    if (key.empty()) return false;
    const unsigned first = *Xapian::Utf8Iterator(key);
    switch (Xapian::Unicode::get_category(first)) {
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
            break;
        default:
            return false;
    }
    return !(analyzer.stopper() && (*analyzer.stopper())(key));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A blank line between two offsets: the paragraph break of Highlighter::paragraphs.
bool paragraph_break(std::string_view text, std::size_t from, std::size_t to) {
    bool newline = false;
    for (std::size_t i = from; i < to; ++i) {
        if (text[i] == '\n') {
            if (newline) return true;
            newline = true;
        } else if (!is_space(text[i])) {
            newline = false;
        }
    }
    return false;
}

// text[from, to) on one line: each whitespace run as one space, kept at the
// ends too, so that left + match + right reads as the text does.
std::string one_line(std::string_view text, std::size_t from, std::size_t to) {
    std::string out;
    out.reserve(to - from);
    for (std::size_t i = from; i < to; ++i) {
        if (!is_space(text[i]))
            out += text[i];
        else if (out.empty() || out.back() != ' ')
            out += ' ';
    }
    return out;
}

}  // namespace

KwicPhrase::KwicPhrase(std::string_view text, bool stem, const analysis::Analyzer& analyzer, StemCache& stems)
    : analyzer_(analyzer), stems_(stems) {
    for (auto& word : indexed_words(text)) {
        KwicPiece piece{std::move(word.key), {}};
        if (stem && has_stem_term(piece.key, analyzer)) piece.stem = stems(piece.key);
        pieces_.push_back(std::move(piece));
    }
    if (pieces_.empty()) throw InvalidArgument("q", "give a word or phrase to list in context");
    if (pieces_.size() > kMaxKwicPhraseWords)
        throw InvalidArgument(
            "q", "at most " + std::to_string(kMaxKwicPhraseWords) + " words, got " + std::to_string(pieces_.size()));
}

Xapian::Query KwicPhrase::query() const {
    std::vector<Xapian::Query> terms;
    bool any_stem = false;
    for (const auto& piece : pieces_) {
        any_stem = any_stem || !piece.stem.empty();
        terms.emplace_back(piece.stem.empty() ? piece.key : "Z" + piece.stem);
    }
    if (terms.size() == 1) return terms.front();
    // Stem terms have no positions, so by stem the index can only say that
    // every word is there; the scan finds where they stand together.
    if (any_stem) return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
}

std::string KwicPhrase::text() const {
    std::string out;
    for (const auto& piece : pieces_) out += (out.empty() ? "" : " ") + piece.key;
    return out;
}

bool KwicPhrase::matches(const TextWord& word, const KwicPiece& piece) const {
    if (piece.stem.empty()) return word.key == piece.key;
    return has_stem_term(word.key, analyzer_) && stems_(word.key) == piece.stem;
}

std::vector<std::size_t> KwicPhrase::find(const std::vector<TextWord>& words) const {
    std::vector<std::size_t> starts;
    const std::size_t length = pieces_.size();
    for (std::size_t i = 0; i + length <= words.size();) {
        std::size_t k = 0;
        while (k < length && matches(words[i + k], pieces_[k])) ++k;
        if (k == length) {
            starts.push_back(i);
            i += length;
        } else {
            ++i;
        }
    }
    return starts;
}

void kwic_context(std::string_view text, const std::vector<TextWord>& words, std::size_t first, std::size_t length,
                  std::size_t width, KwicLine& line) {
    const std::size_t last = first + length - 1;
    std::size_t left = first;  // the first context word before
    while (left > 0 && first - left < width && !paragraph_break(text, words[left - 1].end, words[left].begin)) --left;
    std::size_t right = last;  // the last context word after
    while (right + 1 < words.size() && right - last < width &&
           !paragraph_break(text, words[right].end, words[right + 1].begin))
        ++right;
    // The punctuation stuck to the outermost words comes along: "(2)", "base."
    std::size_t begin = words[left].begin, end = words[right].end;
    const std::size_t before = left > 0 ? words[left - 1].end : 0;
    const std::size_t after = right + 1 < words.size() ? words[right + 1].begin : text.size();
    while (left < first && begin > before && !is_space(text[begin - 1])) --begin;
    while (right > last && end < after && !is_space(text[end])) ++end;
    line.left = left < first ? one_line(text, begin, words[first].begin) : std::string();
    line.match = one_line(text, words[first].begin, words[last].end);
    line.right = right > last ? one_line(text, words[last].end, end) : std::string();
}

Kwic collect_kwic(const Xapian::Database& db, const KwicPhrase& phrase, const Xapian::Query& filter,
                  const KwicRequest& request) {
    Xapian::Query query = phrase.query();
    if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    Xapian::Enquire enquire(db);
    query = prepare_ranking(enquire, query, SearchRequest{});
    enquire.set_query(query);
    Xapian::MultiValueKeyMaker keymaker;
    if (request.sort != SortOrder::relevance) {
        // Undated articles last both ways, as in Searcher::search().
        if (request.sort == SortOrder::newest)
            keymaker.add_value(schema::slot_date, true);
        else
            keymaker.add_value(schema::slot_date, false, "99999999");
        enquire.set_sort_by_key_then_relevance(&keymaker, false);
    }
    const auto scan_limit = static_cast<Xapian::doccount>(kKwicArticleScanLimit);
    const Xapian::MSet mset = enquire.get_mset(0, scan_limit, scan_limit + 1);

    Kwic kwic;
    kwic.phrase = phrase.text();
    kwic.articles = mset.get_matches_estimated();
    kwic.complete = mset.get_matches_lower_bound() <= mset.size();
    std::uint64_t line_number = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ++kwic.articles_scanned;
        auto article = index::decode_article(it.get_document().get_data());
        if (!article) continue;  // a document some other program put in the database
        const auto words = indexed_words(article->body);
        for (const std::size_t start : phrase.find(words)) {
            // Lines before and after the page are only counted.
            if (line_number++ < request.offset || kwic.lines.size() >= request.limit) continue;
            KwicLine line;
            line.id = article->id;
            line.title = article->title;
            line.url = article->url;
            line.date = article->date;
            kwic_context(article->body, words, start, phrase.size(), request.width, line);
            kwic.lines.push_back(std::move(line));
        }
    }
    kwic.total = line_number;
    const std::uint64_t shown_to = request.offset + kwic.lines.size();
    if (!kwic.lines.empty() && shown_to < kwic.total) kwic.next_offset = shown_to;
    if (!kwic.complete)
        kwic.warnings.push_back("only the first " + std::to_string(kwic.articles_scanned) + " of about " +
                                std::to_string(kwic.articles) +
                                " matching articles were read; narrow the search with a category or dates to "
                                "see the others");
    return kwic;
}

}  // namespace libsearch::search
