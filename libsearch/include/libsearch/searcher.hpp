#pragma once
/// @file searcher.hpp
/// Ranked, filtered, faceted, highlighted search over an index.
///
/// Query language (SearchRequest::query), as a person types it:
///   - words: stemmed in the query's language (`camps` finds "camp");
///     upper and lower case are the same
///   - "exact phrase" or "word": matches exactly as written, no stemming
///   - AND, OR, NOT (upper case), +word (must), -word (must not),
///     parentheses; `a NEAR b` (within 10 words), `a NEAR/3 b`, `a ADJ b`
///     (NEAR and ADJ between two plain words; elsewhere they are words)
///   - word* : words starting with "word" (expansion capped)
///   - fields: title:word  author:word  category:"Iranian opposition"
///     place:usa  lang:en  site:example.com  date:2013  date:2013-01  date:2013-01-15
///     date:2013-01..2013-06 (inclusive; either end may be left open)
/// Text that is not valid syntax (a pasted sentence with stray quotes,
/// brackets or operators) is searched leniently as plain words, and the
/// response lists what was forgiven in `warnings`.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libsearch/article.hpp"
#include "libsearch/synonyms.hpp"

namespace libsearch {

/// Result order.
enum class SortOrder {
    relevance,  ///< best match first (the default when there is query text)
    newest,     ///< newest first; undated articles last
    oldest,     ///< oldest first; undated articles last
};

/// How words without an explicit operator combine.
enum class DefaultOperator {
    op_and,  ///< every word must match (the default)
    op_or,   ///< any word may match; more matching words rank higher
};

/// What Hit::snippet holds.
enum class SnippetFormat {
    html,  ///< escaped, matches in <mark>...</mark>: for pages
    text,  ///< the same passage as plain text, nothing escaped or marked: for exports and feeds
};

/// One search. Defaults give the first page of the most relevant articles.
struct SearchRequest {
    /// Query text in the language above. Empty: every article passing the filters.
    std::string query;
    /// Keep articles in any of these categories (case-insensitive). Empty: no filter.
    std::vector<std::string> categories;
    /// Inclusive date bounds, each "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a month
    /// or year bound covers the whole period). Empty: open. Undated articles
    /// are dropped as soon as either bound is set.
    std::string from;
    std::string to;
    /// Result order. With empty query text, relevance means newest.
    SortOrder sort = SortOrder::relevance;
    /// With relevance order: favour newer articles, the boost halving every
    /// this many days before the newest article of the index. The boost is at
    /// most a fifth of the best weight the query can reach, so a much better
    /// older match still comes first. 0: off.
    double recency_half_life_days = 0;
    /// Hits to skip, and hits to return (1..100).
    std::size_t offset = 0;
    std::size_t limit = 10;
    DefaultOperator default_operator = DefaultOperator::op_and;
    /// Target length of a snippet in bytes of text (20..1000).
    std::size_t snippet_length = 200;
    /// Make a snippet for each hit (false: Hit::snippet stays empty, for
    /// callers that show only titles).
    bool snippets = true;
    /// Count facets and the total over every match instead of estimating.
    /// On a single local database, exact facets read each article's facets
    /// from a table in memory (4 bytes an article, shared by the Searchers of
    /// one process), made by the first exact search after each change of the
    /// index: about 0.3 s at a million articles.
    bool exact = false;
    /// Compute facets at all (a little cheaper without).
    bool facets = true;
    /// Language for stemming and stopwords of the query. Empty: the index's default.
    std::string language;
    /// Show one version of each story: the versions of one story (reprints
    /// with small edits, a teaser and its full article; grouped by
    /// IndexWriter::group_versions) collapse into their best-ranked match,
    /// whose Hit::versions counts the others. Facets still count every match.
    bool collapse_versions = false;
    /// Keep only the versions of this story (a Hit::version_group key), to
    /// expand a collapsed hit. Empty: no filter.
    std::string version_group;
    /// With `exact`, stop counting every match after this many milliseconds
    /// and estimate the rest (the response then says the counts are not
    /// exact). 0: no limit.
    double time_limit_ms = 0;
    /// How Hit::snippet is written.
    SnippetFormat snippet_format = SnippetFormat::html;
};

/// One result.
struct Hit {
    std::string id;
    std::string url;
    std::string title;
    /// The title, HTML-escaped, with query matches in <mark>...</mark>.
    std::string title_html;
    std::vector<std::string> categories;
    std::optional<Date> date;
    std::string author;
    std::string language;
    /// The best passage of the body, HTML-escaped, matches in <mark>...</mark>
    /// (a matched phrase is marked as one span), "…" where text was cut.
    /// Plain text instead with SnippetFormat::text.
    std::string snippet;
    /// Relevance weight (IneB2, see tests/eval/RESULTS.md); 0 when sorted by date without query text.
    double score = 0.0;
    /// With collapse_versions: other matching versions of this story,
    /// hidden under this hit (at least this many; Xapian counts the ones it
    /// met while ranking).
    std::uint64_t versions = 0;
    /// The key of this article's story when it has other versions (for
    /// SearchRequest::version_group); empty otherwise.
    std::string version_group;
};

/// A facet value and the number of matching articles that have it.
struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
    bool operator==(const FacetValue&) const = default;
};

/// Facet counts over all matches of the query and filters.
struct Facets {
    /// Categories by count, then name; every category of an article counts.
    std::vector<FacetValue> category;
    /// "YYYY" in ascending order.
    std::vector<FacetValue> year;
    /// "YYYY-MM" in ascending order.
    std::vector<FacetValue> month;
    /// True when every match was counted; false when counts were scaled up
    /// from a sample of the matches (see SearchRequest::exact).
    bool exact = true;
};

/// The number of matching articles.
struct MatchCount {
    std::uint64_t estimated = 0;
    std::uint64_t lower_bound = 0;
    std::uint64_t upper_bound = 0;
    /// True when the bounds meet: `estimated` is the exact count.
    bool exact() const noexcept { return lower_bound == upper_bound; }
};

/// The answer to a SearchRequest.
struct SearchResponse {
    MatchCount total;
    std::vector<Hit> hits;
    Facets facets;
    /// A corrected query ("did you mean"), offered when the query has few or
    /// no matches and the index knows a better spelling; never applied.
    std::string suggestion;
    /// Problems in the query text that were forgiven, e.g. an unbalanced quote.
    std::vector<std::string> warnings;
    /// Xapian's description of the query that ran, for debugging.
    std::string query_description;
    /// Time spent in search(), in milliseconds.
    double elapsed_ms = 0.0;
};

/// A completion for text being typed.
struct Suggestion {
    enum class Kind { term, title };
    /// For a term: the whole query with its last word completed. For a title: the title.
    std::string text;
    Kind kind = Kind::term;
    /// The article, for a title.
    std::string id;
};

/// An article with the matches of a query marked, for reading it in full.
struct HighlightedArticle {
    Article article;
    /// The title, HTML-escaped, matches in <mark>...</mark>.
    std::string title_html;
    /// The body as HTML paragraphs (<p>...</p>, one per paragraph of the
    /// text), escaped, with every match of the query marked.
    std::string body_html;
};

/// How a timeline groups articles.
enum class TimelineInterval { month, year };

/// At most this many queries on one timeline, and this many periods.
inline constexpr std::size_t kMaxTimelineQueries = 4;
inline constexpr std::size_t kMaxTimelinePeriods = 1200;

/// What Searcher::timeline() counts: the matches of each query per period.
struct TimelineRequest {
    /// The queries compared, each its own series (1..kMaxTimelineQueries), in
    /// the query language of SearchRequest::query. An empty one counts every
    /// article passing the filters.
    std::vector<std::string> queries;
    /// Filters applied to every query, as in SearchRequest.
    std::vector<std::string> categories;
    std::string from;
    std::string to;
    DefaultOperator default_operator = DefaultOperator::op_and;
    std::string language;
    TimelineInterval interval = TimelineInterval::month;
    /// Stop counting a query after this many milliseconds and estimate the
    /// rest (Timeline::exact is then false). 0: no limit.
    double time_limit_ms = 0;
};

/// One query's counts.
struct TimelineSeries {
    std::string query;
    /// Every match, dated or not.
    std::uint64_t total = 0;
    /// Matches without a date: in `total`, in no period.
    std::uint64_t undated = 0;
    /// Matches per period, in the order of Timeline::periods.
    std::vector<std::uint64_t> counts;
    /// counts[i] / Timeline::articles[i]: the share of all the archive's
    /// articles of that period (0 where it has none).
    std::vector<double> shares;
};

/// Matches per month or year, over consecutive periods (empty ones included,
/// so that a chart's axis is even): from the `from` bound, or else the
/// archive's oldest dated article, to the `to` bound, or else its newest.
struct Timeline {
    TimelineInterval interval = TimelineInterval::month;
    /// "YYYY-MM" or "YYYY", oldest first. Empty when no article has a date.
    std::vector<std::string> periods;
    /// Articles of the whole archive in each period, no filter applied.
    std::vector<std::uint64_t> articles;
    std::vector<TimelineSeries> series;
    /// False when a time limit cut counting short and counts are estimates.
    bool exact = true;
    /// What was forgiven in the query texts, as SearchResponse::warnings.
    std::vector<std::string> warnings;
};

/// At most this many similar articles in one answer.
inline constexpr std::size_t kMaxSimilar = 50;

/// What Searcher::similar() looks for: the articles most like one article.
struct SimilarRequest {
    /// The article to compare with.
    std::string id;
    /// Articles to return (1..kMaxSimilar).
    std::size_t limit = 10;
    /// Filters on the similar articles, as in SearchRequest.
    std::vector<std::string> categories;
    std::string from;
    std::string to;
};

/// An article similar to the one asked about.
struct SimilarArticle {
    std::string id;
    std::string title;
    std::string url;
    std::optional<Date> date;
    std::vector<std::string> categories;
    /// How strongly it shares the source article's distinctive words (a
    /// relevance weight: comparable within one answer only).
    double score = 0.0;
};
struct KwicRequest;  // libsearch/kwic.hpp
struct Kwic;

/// How a Searcher reaches the shards of a sharded index: the lines of a
/// Xapian stub database (`auto PATH`, `remote HOST:PORT` served by
/// xapian-tcpsrv; see searchd/DEPLOY.md).
struct SearcherOptions {
    /// Longest wait, in milliseconds, for a remote shard's answer to one
    /// request; past it the search fails with ShardUnavailable.
    unsigned shard_timeout_ms = 5000;
    /// Longest wait, in milliseconds, to connect to a remote shard.
    unsigned shard_connect_timeout_ms = 2000;
};

/// Reads an index. A Searcher is not thread-safe: give each thread its own
/// (they are cheap; each holds open file handles and a small cache).
/// A Searcher sees the index as of its opening or last reopen().
class Searcher {
  public:
    /// @throws IndexNotFound, IndexCorrupt, InvalidArgument (empty path)
    explicit Searcher(std::string path);
    /// Opens `path`: a database directory, a sharded index (indexer
    /// --shards), or a Xapian stub database file naming local and remote
    /// shards, all searched as one index with global ranking statistics.
    /// What remote shards cannot run (libsearch's recency boost, spelling
    /// suggestions) is left out with a note in SearchResponse::warnings.
    /// @throws ShardUnavailable a remote shard cannot be reached (also from
    ///         every other call, which then reconnects on the next call)
    /// @throws IndexNotFound, IndexCorrupt, InvalidArgument (empty path)
    Searcher(std::string path, SearcherOptions options);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Run a search.
    /// @throws InvalidArgument  a request field out of its domain (named in the error)
    /// @throws QuerySyntaxError query text that cannot be searched even
    ///                          leniently, e.g. an impossible date in date:
    /// @throws IndexError       the index could not be read
    SearchResponse search(const SearchRequest& request);

    /// Hand every match of `request`, in its order, to `visit`, up to
    /// `max_hits` of them; `visit` returns false to stop early. Matches are
    /// fetched in batches, so a walk over a million matches holds one batch
    /// of hits at a time. `request.offset`, `limit`, `facets` and `exact` are
    /// ignored (there are no pages and no counts); `snippets`,
    /// `snippet_format` and every other field apply as in search(). Each
    /// article is visited at most once, even when a writer's commits
    /// overtake the walk and it has to go on in a newer revision of the
    /// index (then articles added meanwhile may be missed or included).
    /// Call it from one thread; `visit` must not use this Searcher.
    /// @return the number of hits visited
    /// @throws InvalidArgument, QuerySyntaxError, IndexError as search() does,
    ///         before any hit is visited for a bad request
    std::uint64_t for_each_match(const SearchRequest& request, std::uint64_t max_hits,
                                 const std::function<bool(const Hit&)>& visit);

    /// Matches of each query per month or year (see Timeline), counted
    /// exactly unless TimelineRequest::time_limit_ms cuts counting short.
    /// @throws InvalidArgument no query or too many, a bad filter, or more
    ///                         than kMaxTimelinePeriods periods (name a
    ///                         narrower range, or count per year)
    /// @throws QuerySyntaxError, IndexError as search() does
    Timeline timeline(const TimelineRequest& request);

    /// Every occurrence of a word or phrase in context, one line each (see
    /// libsearch/kwic.hpp, which declares the request and the answer).
    /// @throws InvalidArgument a request field out of its domain, or no words
    /// @throws IndexError      the index could not be read
    Kwic kwic(const KwicRequest& request);

    /// The stored article with this id, or nullopt.
    std::optional<Article> article(const std::string& id);

    /// The articles most similar to SimilarRequest::id, best first: the
    /// source article's most distinctive words (Xapian's expand set over its
    /// own free-text terms; never its category, date, site or id terms) are
    /// searched for in every other article. The source and its reprints (same
    /// content hash) are left out, and reprints of one article count once.
    /// Equal scores come in index order, so the answer is deterministic.
    /// @return nullopt for an unknown id
    /// @throws InvalidArgument limit out of 1..kMaxSimilar, a bad filter
    /// @throws IndexError      the index could not be read
    std::optional<std::vector<SimilarArticle>> similar(const SimilarRequest& request);

    /// The stored article with every match of `query` marked (nothing marked
    /// when `query` is empty), or nullopt for an unknown id.
    /// @throws QuerySyntaxError as search() does.
    std::optional<HighlightedArticle> highlighted_article(const std::string& id, const std::string& query,
                                                         const std::string& language = "");

    /// Completions for the last word of `prefix_text` (at least 2 characters):
    /// frequent words of the index that start with it, then titles containing
    /// such a word. At most `limit` of each kind.
    std::vector<Suggestion> suggest(const std::string& prefix_text, std::size_t limit = 5);

    /// Pick up commits made since opening. @return true when the index changed.
    bool reopen();

    /// Expand queries with these synonyms from now on (see synonyms.hpp):
    /// in search() and highlighted_article(). An empty set turns it off.
    void set_synonyms(Synonyms synonyms);

    /// Articles in the index.
    std::uint64_t size() const;
    /// Time of the last commit, ISO 8601 UTC, or empty when unknown.
    std::string last_commit() const;
    /// Language code queries are stemmed in by default.
    std::string default_language() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace libsearch
