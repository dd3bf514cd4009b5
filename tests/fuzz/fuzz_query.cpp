// The query path: Searcher::search(), highlighted_article() and suggest() on
// a small index built once (the test sample articles and corpus/feeds), with
// the sample archive's synonyms on.
//
// The input is lines: query text, from, to, categories (separated by '|'),
// flags, language. Flags are letters: o (op OR), n / l (newest / oldest
// first), e (exact), f (no facets), s (no snippets), d (collapse duplicates),
// r (recency boost), p (second page), 1-9 (page size 1..9, else 10).
// libsearch::Error (InvalidArgument, QuerySyntaxError, ...) is a correct
// answer to a bad request; any other exception or a crash is a bug.

#include <libsearch/errors.hpp>
#include <libsearch/ingest.hpp>
#include <libsearch/searcher.hpp>

#include <memory>
#include <string>

#include "fuzz_common.hpp"
#include "index_dir.hpp"
#include "sample_articles.hpp"

namespace {

struct Archive {
    fuzz::IndexDir dir;
    std::unique_ptr<libsearch::Searcher> searcher;
};
std::unique_ptr<Archive> archive;

void build_index() {
    archive = std::make_unique<Archive>();
    {
        libsearch::IndexWriter writer({.path = archive->dir.index()});
        for (const auto& article : testsupport::sample_articles()) writer.add(article);
        const auto feed = libsearch::read_file(LIBSEARCH_SOURCE_DIR "/corpus/feeds/articles.jsonl");
        for (const auto& article : feed.articles) writer.add(article);
        writer.commit();
    }
    archive->searcher = std::make_unique<libsearch::Searcher>(archive->dir.index());
    archive->searcher->set_synonyms(libsearch::Synonyms::load(LIBSEARCH_SOURCE_DIR "/corpus/config/synonyms.conf"));
}

libsearch::SearchRequest request_from(fuzz::Fields& fields) {
    libsearch::SearchRequest request;
    request.query = fields.next();
    request.from = fields.next();
    request.to = fields.next();
    fuzz::Fields categories(fields.next(), '|');
    while (!categories.rest().empty()) request.categories.emplace_back(categories.next());
    for (const char flag : fields.next()) {
        switch (flag) {
            case 'o': request.default_operator = libsearch::DefaultOperator::op_or; break;
            case 'n': request.sort = libsearch::SortOrder::newest; break;
            case 'l': request.sort = libsearch::SortOrder::oldest; break;
            case 'e': request.exact = true; break;
            case 'f': request.facets = false; break;
            case 's': request.snippets = false; break;
            case 'd': request.collapse_versions = true; break;
            case 'r': request.recency_half_life_days = 365; break;
            case 'p': request.offset = request.limit; break;
            default:
                if (flag >= '1' && flag <= '9') request.limit = static_cast<std::size_t>(flag - '0');
        }
    }
    request.language = fields.next();
    return request;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    build_index();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Fields fields(fuzz::as_text(data, size), '\n');
    const libsearch::SearchRequest request = request_from(fields);
    auto& searcher = *archive->searcher;
    try {
        const auto response = searcher.search(request);
        fuzz::expect(response.hits.size() <= request.limit, "no more hits than the limit");
        fuzz::expect(response.total.lower_bound <= response.total.upper_bound, "match count bounds are ordered");
        const std::string id = response.hits.empty() ? "liberty-un" : response.hits.front().id;
        (void)searcher.highlighted_article(id, request.query, request.language);
    } catch (const libsearch::Error&) {
    }
    try {
        (void)searcher.suggest(request.query, 5);
    } catch (const libsearch::Error&) {
    }
    return 0;
}
