#include "libsearch/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/utf8.hpp"
#include "core/schema_terms.hpp"
#include "core/schema_version.hpp"
#include "core/xapian_errors.hpp"
#include "index/document_data.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/schema.hpp"
#include "search/date_query.hpp"
#include "search/facet_table.hpp"
#include "search/facets.hpp"
#include "search/highlighter.hpp"
#include "search/kwic.hpp"
#include "search/match_all.hpp"
#include "search/story_counter.hpp"
#include "search/query_builder.hpp"
#include "search/ranking.hpp"
#include "search/similar.hpp"
#include "search/shard_set.hpp"
#include "search/timeline.hpp"

namespace libsearch {

namespace {

constexpr std::size_t kMaxLimit = 100;
constexpr std::size_t kMinSnippet = 20;
constexpr std::size_t kMaxSnippet = 1000;
// Without SearchRequest::exact, Xapian examines at least this many matches
// for facet counts before it scales them up.
constexpr Xapian::doccount kFacetSample = 1000;
// A suggestion is looked for when a query has at most this many matches.
constexpr Xapian::doccount kFewMatches = 3;
// Reads racing a writer's commits may see Xapian::DatabaseModifiedError; the
// search is retried on a reopened database this many times.
constexpr int kModifiedRetries = 3;

void validate(const SearchRequest& r) {
    if (r.limit < 1 || r.limit > kMaxLimit)
        throw InvalidArgument("limit", "must be between 1 and 100, got " + std::to_string(r.limit));
    if (r.snippet_length < kMinSnippet || r.snippet_length > kMaxSnippet)
        throw InvalidArgument("snippet_length", "must be between 20 and 1000, got " + std::to_string(r.snippet_length));
    if (r.offset > 1'000'000) throw InvalidArgument("offset", "must be at most 1000000");
    if (r.time_limit_ms < 0) throw InvalidArgument("time_limit_ms", "cannot be negative");
    if (r.recency_half_life_days < 0 || r.recency_half_life_days > 1e6)
        throw InvalidArgument("recency", "half life must be between 0 and 1000000 days");
}

Xapian::Query filter_query(const SearchRequest& r) {
    Xapian::Query filter = search::match_all();
    bool any = false;
    auto add = [&](Xapian::Query q) {
        filter = any ? Xapian::Query(Xapian::Query::OP_FILTER, filter, q) : q;
        any = true;
    };
    if (!r.categories.empty()) {
        std::vector<Xapian::Query> terms;
        for (const auto& category : r.categories) terms.emplace_back(schema_terms::category_term(category));
        add(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    std::optional<Date> from, to;
    if (!r.from.empty()) from = parse_date_bound(r.from, BoundSide::first_day, "from");
    if (!r.to.empty()) to = parse_date_bound(r.to, BoundSide::last_day, "to");
    if (from && to && *to < *from)
        throw InvalidArgument("to", "'" + r.to + "' is before from '" + r.from + "'");
    if (from || to) add(search::date_range_query(from, to));
    if (!r.version_group.empty())
        add(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_version_group, r.version_group, r.version_group));
    return any ? filter : Xapian::Query();
}

// What an MSet's hits keep in values, in the MSet's order.
struct HitValues {
    std::string version_group;
    std::string fields;  // slot_hit_fields, read only for hits shown without a snippet
};

// One value stream per slot, walked in docid order: a get_value per hit
// would look each up in the B-tree from the root. (Hits on remote shards are
// read one by one, as Xapian fetches each remote document whole anyway.)
std::vector<HitValues> hit_values(const Xapian::Database& db, const Xapian::MSet& mset, bool remote, bool fields) {
    std::vector<HitValues> values(mset.size());
    if (remote) {
        std::size_t i = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
            const Xapian::Document doc = it.get_document();
            values[i].version_group = doc.get_value(schema::slot_version_group);
            if (fields) values[i].fields = doc.get_value(schema::slot_hit_fields);
        }
        return values;
    }
    std::vector<std::pair<Xapian::docid, std::size_t>> order;
    order.reserve(mset.size());
    std::size_t i = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) order.emplace_back(*it, i++);
    std::sort(order.begin(), order.end());
    auto read = [&](Xapian::valueno slot, std::string HitValues::*into) {
        auto value = db.valuestream_begin(slot);
        const auto end = db.valuestream_end(slot);
        for (const auto& [docid, at] : order) {
            if (value == end) return;
            value.skip_to(docid);
            if (value != end && value.get_docid() == docid) values[at].*into = *value;
        }
    };
    read(schema::slot_version_group, &HitValues::version_group);
    if (fields) read(schema::slot_hit_fields, &HitValues::fields);
    return values;
}

Hit make_hit(const Xapian::MSetIterator& it, const search::Highlighter& highlighter, const SearchRequest& r,
             bool has_terms, HitValues values) {
    Hit hit;
    // Without a snippet the hit's own value is enough; an index written
    // before it existed has only the document data.
    auto article = r.snippets ? std::nullopt : index::decode_hit_fields(values.fields);
    if (!article) article = index::decode_article(it.get_document().get_data());
    if (!article) {  // a document some other program put in the database
        hit.id = "#" + std::to_string(*it);
        hit.title_html = hit.snippet = "";
        return hit;
    }
    hit.id = std::move(article->id);
    hit.url = std::move(article->url);
    hit.categories = std::move(article->categories);
    hit.date = article->date;
    hit.author = std::move(article->author);
    hit.language = std::move(article->language);
    hit.score = has_terms ? it.get_weight() : 0.0;
    hit.versions = r.collapse_versions ? it.get_collapse_count() : 0;
    hit.version_group = std::move(values.version_group);
    // The whole title, escaped and marked; the best passage of the body.
    hit.title_html = highlighter.whole(article->title);
    if (r.snippets)
        hit.snippet = r.snippet_format == SnippetFormat::text ? highlighter.passage_text(article->body, r.snippet_length)
                                                              : highlighter.passage(article->body, r.snippet_length);
    hit.title = std::move(article->title);
    return hit;
}

// Why features are left out on remote shards: xapian-tcpsrv knows only
// Xapian's own classes, and keeps spelling data to itself.
constexpr const char* kRemoteRecency =
    "recency is not applied: remote shards cannot run libsearch's recency boost; ranked by relevance alone";
constexpr const char* kRemoteOldest =
    "oldest first on remote shards lists undated articles first, not last";
constexpr const char* kShardedWildcard =
    "wildcard matches are complete, but over several shards Xapian weighs each shard's expansion with that "
    "shard's statistics: their ranking may differ from a single database";
constexpr const char* kRemoteSpelling =
    "no spelling suggestion: remote shards do not serve spelling data";

std::string checked_path(std::string path) {
    if (path.empty()) throw InvalidArgument("path", "an index path is required");
    return path;
}

}  // namespace

struct Searcher::Impl {
    std::string path;
    search::ShardSet shards;
    Xapian::Database db;
    // A remote shard failed: the connections are dead, reopen before the next read.
    bool broken = false;
    analysis::AnalyzerCache analyzers;
    Synonyms synonyms;
    Language default_language;

    Impl(std::string p, SearcherOptions options) : path(checked_path(std::move(p))), shards(path, options) {
        // Opening while a writer commits can meet a revision it just replaced.
        // The default language is set when the index is made and never changes.
        reading("opening", [&] {
            db = shards.open();
            default_language = resolve_language(db.get_metadata(schema::meta_default_language));
        });
    }

    // After a remote failure every Xapian object holding the old database
    // (query parsers) goes with it.
    void reconnect() {
        builders.clear();
        db = shards.open();
        broken = false;
    }

    // Runs a read, reopening and retrying when a writer's commits overtake it.
    template <typename F>
    auto reading(std::string_view action, F&& read) -> decltype(read()) {
        bool reconnected = false;
        for (int attempt = 0;; ++attempt) {
            try {
                if (broken) {
                    reconnect();  // a shard still down throws ShardUnavailable here
                    reconnected = true;
                }
                return read();
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (attempt >= kModifiedRetries) throw_index_error(e, path, action);
                db.reopen();
            } catch (const Xapian::NetworkError& e) {
                // A connection to a shard that has restarted since is dead
                // too: one more try on new connections tells the two apart.
                broken = true;
                if (!reconnected) continue;
                shards.unavailable(e, action);
            } catch (const Xapian::Error& e) {
                throw_index_error(e, path, action);
            }
        }
    }

    Xapian::docid find(const std::string& id) const {
        const std::string term = schema_terms::id_term(id);
        auto posting = db.postlist_begin(term);
        return posting == db.postlist_end(term) ? 0 : *posting;
    }

    // A QueryParser with its field processors is costly to set up next to a
    // search: one per language and operator, kept.
    std::map<std::pair<std::string, DefaultOperator>, std::unique_ptr<search::QueryBuilder>> builders;

    search::QueryBuilder& builder(const analysis::Analyzer& analyzer, DefaultOperator op) {
        auto& slot = builders[{analyzer.language().code, op}];
        if (!slot) slot = std::make_unique<search::QueryBuilder>(db, analyzer, op, &synonyms);
        return *slot;
    }

    // Stems of the words marked in hits, per language, kept across searches.
    std::map<std::string, std::unique_ptr<search::StemCache>> stem_caches;

    search::StemCache& stems(const analysis::Analyzer& analyzer) {
        auto& slot = stem_caches[analyzer.language().code];
        if (!slot) slot = std::make_unique<search::StemCache>(analyzer.stemmer());
        return *slot;
    }

    // The facets table of the state `db` is in (exact facets read it instead
    // of every match's value), held while this Searcher stays there.
    std::shared_ptr<const search::FacetTable> facet_table_;
    std::string facet_table_key_;

    std::shared_ptr<const search::FacetTable> facet_table() {
        std::string key = shards.state_key();
        if (key != facet_table_key_ || !facet_table_) {
            facet_table_ = search::shared_facet_table(key, db);
            facet_table_key_ = std::move(key);
        }
        return facet_table_;
    }

    Language query_language(const SearchRequest& r) const {
        return r.language.empty() ? default_language : resolve_language(r.language);
    }

    SearchResponse run(const SearchRequest& r);
};

SearchResponse Searcher::Impl::run(const SearchRequest& r) {
    SearchResponse response;
    const analysis::Analyzer& analyzer = analyzers.get(query_language(r));
    search::QueryBuilder& builder = this->builder(analyzer, r.default_operator);

    Xapian::Query query, text_query;
    const bool has_text = r.query.find_first_not_of(" \t\r\n") != std::string::npos;
    if (has_text) {
        auto parsed = builder.parse(r.query);
        query = text_query = std::move(parsed.query);
        response.warnings = std::move(parsed.warnings);
    } else {
        query = search::match_all();
    }
    const Xapian::Query filter = filter_query(r);
    if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    Xapian::Enquire enquire(db);
    SearchRequest ranked = r;
    if (shards.has_remote() && r.recency_half_life_days > 0) {
        ranked.recency_half_life_days = 0;
        // Without text the answer is sorted by date: nothing is lost to say.
        if (has_text && r.sort == SortOrder::relevance) response.warnings.emplace_back(kRemoteRecency);
    }
    query = search::prepare_ranking(enquire, query, ranked);
    response.query_description = query.get_description();
    if (shards.count() > 1 && response.query_description.find("WILDCARD") != std::string::npos)
        response.warnings.emplace_back(kShardedWildcard);
    enquire.set_query(query);
    SortOrder sort = r.sort;
    if (!has_text && sort == SortOrder::relevance) sort = SortOrder::newest;
    Xapian::MultiValueKeyMaker keymaker;
    if (sort != SortOrder::relevance && shards.has_remote()) {
        // Remote shards sort only by a plain value (KeyMaker is not
        // serialisable in Xapian 1.4): the same order newest first (undated
        // last), but oldest first puts undated articles first.
        enquire.set_sort_by_value_then_relevance(schema::slot_date, sort == SortOrder::newest);
        if (sort == SortOrder::oldest) response.warnings.emplace_back(kRemoteOldest);
    } else if (sort != SortOrder::relevance) {
        // Undated articles sort last both ways: in reverse (newest) the empty
        // value is the smallest, in forward order it stands in as year 9999+.
        if (sort == SortOrder::newest) keymaker.add_value(schema::slot_date, true);
        else keymaker.add_value(schema::slot_date, false, "99999999");
        enquire.set_sort_by_key_then_relevance(&keymaker, false);
    }
    // Xapian's bounds on a collapsed count stay apart even when it saw every
    // match (the uncollapsed ones too); a spy that sees them all counts the
    // stories exactly.
    // (Not on remote shards: Xapian 1.4 cannot send a spy of ours there.)
    search::StoryCounter stories;
    if (r.collapse_versions) {
        enquire.set_collapse_key(schema::slot_version_group);
        if (!shards.has_remote()) enquire.add_matchspy(&stories);
    }

    if (r.time_limit_ms > 0) enquire.set_time_limit(r.time_limit_ms / 1000.0);
    search::FacetCollector facets(r.facets && r.exact ? facet_table() : nullptr);
    // Xapian 1.4's remote matcher shows each hit of an MSet sorted by value
    // to match spies twice: on remote shards, date-sorted searches count
    // facets in a pass of their own, unsorted.
    const bool counting_pass = r.facets && shards.has_remote() && sort != SortOrder::relevance;
    if (r.facets && !counting_pass) facets.attach(enquire, shards.has_remote());
    const Xapian::doccount wanted = static_cast<Xapian::doccount>(r.offset + r.limit);
    const Xapian::doccount check_at_least = r.exact ? db.get_doccount() : (r.facets ? std::max(kFacetSample, wanted) : 0);

    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(r.offset), static_cast<Xapian::doccount>(r.limit),
                                               check_at_least);
    response.total = {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound()};
    // Fewer matches seen than Xapian was asked to check means it ran out of
    // matches: the spy saw every one.
    if (r.collapse_versions && !shards.has_remote() && stories.seen() < check_at_least) {
        const std::uint64_t n = stories.count();
        response.total = {n, n, n};
    }
    if (counting_pass) {
        Xapian::Enquire counting(db);
        counting.set_query(query);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        // No collapsing: facets count every version, as on one database.
        if (r.time_limit_ms > 0) counting.set_time_limit(r.time_limit_ms / 1000.0);
        facets.attach(counting, true);
        counting.get_mset(0, 0, check_at_least);
    }
    if (r.facets) response.facets = facets.collect(response.total);
    const search::Highlighter highlighter(has_text ? query : Xapian::Query(), mset, db.get_doccount(),
                                          stems(analyzer));
    auto values = hit_values(db, mset, shards.has_remote(), !r.snippets);
    std::size_t at = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        response.hits.push_back(make_hit(it, highlighter, r, has_text, std::move(values[at++])));

    if (has_text && response.total.upper_bound <= kFewMatches && shards.has_remote()) {
        response.warnings.emplace_back(kRemoteSpelling);
    } else if (has_text && response.total.upper_bound <= kFewMatches) {
        std::string suggestion = builder.spelling_suggestion(r.query, text_query);
        if (!suggestion.empty()) response.suggestion = std::move(suggestion);
    }
    return response;
}

Searcher::Searcher(std::string path) : Searcher(std::move(path), SearcherOptions{}) {}
Searcher::Searcher(std::string path, SearcherOptions options)
    : impl_(std::make_unique<Impl>(std::move(path), options)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResponse Searcher::search(const SearchRequest& request) {
    validate(request);
    const auto start = std::chrono::steady_clock::now();
    SearchResponse response = impl_->reading("searching", [&] { return impl_->run(request); });
    response.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return response;
}

Timeline Searcher::timeline(const TimelineRequest& request) {
    if (request.queries.empty()) throw InvalidArgument("q", "give at least one query (an empty one counts every article)");
    if (request.queries.size() > kMaxTimelineQueries)
        throw InvalidArgument("q", "at most " + std::to_string(kMaxTimelineQueries) + " queries on one timeline, got " +
                                       std::to_string(request.queries.size()));
    if (request.time_limit_ms < 0) throw InvalidArgument("time_limit_ms", "cannot be negative");
    Timeline timeline;
    timeline.interval = request.interval;
    const bool months = request.interval == TimelineInterval::month;
    impl_->reading("counting", [&] {
        // The axis: the filter's bounds where given, the archive's dates elsewhere.
        const auto dates = search::archive_dates(impl_->db);
        std::optional<Date> first, last;
        if (!request.from.empty()) first = parse_date_bound(request.from, BoundSide::first_day, "from");
        else if (dates) first = dates->first;
        if (!request.to.empty()) last = parse_date_bound(request.to, BoundSide::last_day, "to");
        else if (dates) last = dates->second;
        if (first && last && *last < *first && !request.from.empty() && !request.to.empty())
            throw InvalidArgument("to", "'" + request.to + "' is before from '" + request.from + "'");
        timeline.periods = first && last ? search::timeline_periods(*first, *last, request.interval)
                                         : std::vector<std::string>{};
        timeline.articles = search::articles_per_period(impl_->db, timeline.periods, request.interval);
    });

    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < timeline.periods.size(); ++i) index_of[timeline.periods[i]] = i;
    for (const auto& query : request.queries) {
        SearchRequest counting{.query = query,
                               .categories = request.categories,
                               .from = request.from,
                               .to = request.to,
                               .limit = 1,
                               .default_operator = request.default_operator,
                               .snippets = false,
                               .exact = true,
                               .facets = true,
                               .language = request.language,
                               .time_limit_ms = request.time_limit_ms};
        const SearchResponse found = search(counting);
        TimelineSeries series;
        series.query = query;
        series.total = found.total.estimated;
        series.counts.assign(timeline.periods.size(), 0);
        series.shares.assign(timeline.periods.size(), 0.0);
        std::uint64_t dated = 0;
        for (const auto& value : months ? found.facets.month : found.facets.year) {
            dated += value.count;
            const auto at = index_of.find(value.value);
            if (at != index_of.end()) series.counts[at->second] = value.count;
        }
        series.undated = series.total > dated ? series.total - dated : 0;
        for (std::size_t i = 0; i < series.counts.size(); ++i)
            if (timeline.articles[i] > 0) series.shares[i] = double(series.counts[i]) / double(timeline.articles[i]);
        if (!found.facets.exact || !found.total.exact()) timeline.exact = false;
        for (const auto& warning : found.warnings) timeline.warnings.push_back("'" + query + "': " + warning);
        timeline.series.push_back(std::move(series));
    }
    return timeline;
}

std::optional<Article> Searcher::article(const std::string& id) {
    return impl_->reading("reading", [&]() -> std::optional<Article> {
        const Xapian::docid docid = impl_->find(id);
        if (!docid) return std::nullopt;
        return index::decode_article(impl_->db.get_document(docid).get_data());
    });
}

std::optional<HighlightedArticle> Searcher::highlighted_article(const std::string& id, const std::string& query,
                                                                const std::string& language) {
    return impl_->reading("reading", [&]() -> std::optional<HighlightedArticle> {
        const Xapian::docid docid = impl_->find(id);
        if (!docid) return std::nullopt;
        auto article = index::decode_article(impl_->db.get_document(docid).get_data());
        if (!article) return std::nullopt;
        SearchRequest request;
        request.language = language;
        const analysis::Analyzer& analyzer = impl_->analyzers.get(impl_->query_language(request));
        Xapian::Enquire enquire(impl_->db);
        Xapian::Query parsed;
        if (query.find_first_not_of(" \t\r\n") != std::string::npos) {
            parsed = impl_->builder(analyzer, DefaultOperator::op_or).parse(query).query;
            enquire.set_query(parsed);
        }
        const Xapian::MSet mset = enquire.get_mset(0, 0);
        const search::Highlighter highlighter(parsed, mset, impl_->db.get_doccount(), impl_->stems(analyzer));
        HighlightedArticle out;
        out.title_html = highlighter.whole(article->title);
        out.body_html = highlighter.paragraphs(article->body);
        out.article = std::move(*article);
        return out;
    });
}

std::vector<Suggestion> Searcher::suggest(const std::string& prefix_text, std::size_t limit) {
    const auto last_space = prefix_text.find_last_of(" \t\n");
    const std::string before = last_space == std::string::npos ? "" : prefix_text.substr(0, last_space + 1);
    std::string word = prefix_text.substr(before.size());
    while (!word.empty() && std::string_view("\"(+-").find(word.front()) != std::string_view::npos) word.erase(0, 1);
    word = utf8::lower(word);
    if (word.size() < 2 || limit == 0) return {};
    return impl_->reading("reading", [&] {
        std::vector<Suggestion> out;
        // The most frequent words with this beginning, over a bounded scan.
        // Ranked by the articles holding them, then by their occurrences.
        struct Candidate {
            Xapian::doccount articles;
            Xapian::termcount occurrences;
            std::string term;
        };
        std::vector<Candidate> terms;
        std::size_t scanned = 0;
        for (auto t = impl_->db.allterms_begin(word); t != impl_->db.allterms_end(word) && scanned < 5000; ++t, ++scanned)
            terms.push_back({t.get_termfreq(), impl_->db.get_collection_freq(*t), *t});
        std::stable_sort(terms.begin(), terms.end(), [](const Candidate& a, const Candidate& b) {
            return a.articles != b.articles ? a.articles > b.articles : a.occurrences > b.occurrences;
        });
        for (std::size_t i = 0; i < terms.size() && i < limit; ++i)
            out.push_back({before + terms[i].term, Suggestion::Kind::term, {}});
        // Titles with a word of this beginning, best first.
        Xapian::Enquire enquire(impl_->db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_WILDCARD, schema::prefix_title + word,
                                        search::kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            if (auto article = index::decode_article(it.get_document().get_data()))
                out.push_back({article->title, Suggestion::Kind::title, article->id});
        }
        return out;
    });
}

Kwic Searcher::kwic(const KwicRequest& request) {
    if (request.width < 1 || request.width > kMaxKwicWidth)
        throw InvalidArgument("width", "must be between 1 and " + std::to_string(kMaxKwicWidth) + ", got " +
                                           std::to_string(request.width));
    if (request.limit < 1 || request.limit > kMaxKwicLimit)
        throw InvalidArgument("limit", "must be between 1 and " + std::to_string(kMaxKwicLimit) + ", got " +
                                           std::to_string(request.limit));
    if (request.offset > 1'000'000) throw InvalidArgument("offset", "must be at most 1000000");
    SearchRequest filters;
    filters.categories = request.categories;
    filters.from = request.from;
    filters.to = request.to;
    filters.language = request.language;
    const analysis::Analyzer& analyzer = impl_->analyzers.get(impl_->query_language(filters));
    const search::KwicPhrase phrase(request.query, request.stem, analyzer, impl_->stems(analyzer));
    return impl_->reading("listing in context",
                          [&] { return search::collect_kwic(impl_->db, phrase, filter_query(filters), request); });
}

void Searcher::set_synonyms(Synonyms synonyms) { impl_->synonyms = std::move(synonyms); }

bool Searcher::reopen() {
    try {
        // A replica's stub names a new copy after a full copy; a broken
        // connection is renewed by the next read, which can say what is down.
        if (impl_->shards.reload_layout()) impl_->broken = true;
        if (impl_->broken) return true;
        return impl_->db.reopen();
    } catch (const Xapian::NetworkError&) {
        impl_->broken = true;  // the next read reconnects, or says which shard is down
        return true;
    } catch (const Xapian::Error& e) {
        throw_index_error(e, impl_->path, "reopening");
    }
}

std::uint64_t Searcher::size() const {
    return impl_->reading("reading", [&] { return std::uint64_t{impl_->db.get_doccount()}; });
}

std::string Searcher::last_commit() const {
    return impl_->reading("reading", [&] { return impl_->shards.last_commit(); });
}

std::string Searcher::default_language() const {
    return impl_->default_language.code;
}

std::optional<std::vector<SimilarArticle>> Searcher::similar(const SimilarRequest& request) {
    if (request.limit < 1 || request.limit > kMaxSimilar)
        throw InvalidArgument("limit", "must be between 1 and " + std::to_string(kMaxSimilar) + ", got " +
                                           std::to_string(request.limit));
    const Xapian::Query filter =
        filter_query({.categories = request.categories, .from = request.from, .to = request.to});
    return impl_->reading("reading", [&]() -> std::optional<std::vector<SimilarArticle>> {
        const Xapian::docid source = impl_->find(request.id);
        if (!source) return std::nullopt;
        std::vector<SimilarArticle> out;
        const Xapian::Document source_doc = impl_->db.get_document(source);
        const auto article = index::decode_article(source_doc.get_data());
        const Language language = article && !article->language.empty() ? resolve_language(article->language)
                                                                         : impl_->default_language;
        Xapian::Query query = search::similar_query(impl_->db, source, analysis::stopper_for(language));
        if (query.empty()) return out;
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(schema_terms::id_term(request.id)));
        if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        Xapian::Enquire enquire(impl_->db);
        enquire.set_query(search::prepare_ranking(enquire, query, SearchRequest{}));
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        enquire.set_collapse_key(schema::slot_content_hash);
        const search::NotReprintOf not_reprint(source_doc.get_value(schema::slot_content_hash));
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit), nullptr, &not_reprint);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto similar = index::decode_article(it.get_document().get_data());
            if (!similar) continue;
            out.push_back({std::move(similar->id), std::move(similar->title), std::move(similar->url), similar->date,
                           std::move(similar->categories), it.get_weight()});
        }
        return out;
    });
}

std::uint64_t Searcher::for_each_match(const SearchRequest& request, std::uint64_t max_hits,
                                       const std::function<bool(const Hit&)>& visit) {
    // Xapian ranks the first offset + limit matches again for every batch,
    // so batches grow (to kMaxBatch hits held at once) to keep that from
    // going quadratic: 100,000 matches take 15 batches, not 100.
    constexpr std::size_t kFirstBatch = 1000, kMaxBatch = 8000;
    SearchRequest batch = request;
    batch.offset = 0;
    batch.limit = 1;
    batch.facets = false;
    batch.exact = false;
    validate(batch);
    // A time limit would cut a batch's ranking short and lose matches.
    batch.time_limit_ms = 0;
    std::unordered_set<std::string> visited;
    std::uint64_t count = 0;
    bool restarted = false;
    std::size_t batch_size = kFirstBatch;
    for (int retries = 0; count < max_hits; batch_size = std::min(batch_size * 2, kMaxBatch)) {
        batch.limit =
            restarted ? batch_size : static_cast<std::size_t>(std::min<std::uint64_t>(batch_size, max_hits - count));
        SearchResponse found;
        try {
            found = impl_->run(batch);
        } catch (const Xapian::DatabaseModifiedError& e) {
            // The revision walked was replaced: the order may differ in the
            // new one, so go through it from the start, skipping what was seen.
            if (++retries > kModifiedRetries) throw_index_error(e, impl_->path, "exporting");
            impl_->db.reopen();
            batch.offset = 0;
            restarted = true;
            continue;
        } catch (const Xapian::Error& e) {
            throw_index_error(e, impl_->path, "exporting");
        }
        for (const Hit& hit : found.hits) {
            if (!visited.insert(hit.id).second) continue;
            ++count;
            if (!visit(hit) || count >= max_hits) return count;
        }
        if (found.hits.size() < batch.limit) break;
        batch.offset += found.hits.size();
    }
    return count;
}

}  // namespace libsearch
