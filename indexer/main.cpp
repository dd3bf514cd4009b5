// indexer: put files, folders and archives into a libsearch index.
//
//   indexer --db DIR [options] PATH...     index (incrementally)
//   indexer extract [options] PATH...      print the articles as JSON Lines
//
// Exit status: 0 every input went in (with warnings or not); 1 some inputs or records were skipped
// (or the run was interrupted); 2 usage error; 3 the index could not be
// opened or written.

#include <libsearch/libsearch.hpp>
#include <libsearch/ingester.hpp>

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <exception>
#include <iostream>
#include <new>
#include <thread>

#include "progress.hpp"
#include "report.hpp"

namespace {

constexpr int kSkipped = 1;
constexpr int kUsage = 2;
constexpr int kIndexError = 3;

std::atomic<bool> g_stop{false};

// The first Ctrl-C or SIGTERM stops after the file in hand and commits; a
// second one ends the process at once (committed work is safe either way).
void install_stop_handler() {
    struct sigaction action {};
    action.sa_handler = [](int) { g_stop = true; };
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

std::string g_db;  // for on_terminate

// An index error that ends in std::terminate (see libsearch::as_index_error:
// Xapian 1.4.22 can get there when the disk fills during a commit) is still
// an index error: say it as the other ones are said, and that the last commit
// is kept, instead of aborting. Anything else aborts as it would have.
[[noreturn]] void on_terminate() {
    if (const auto error = libsearch::as_index_error(std::current_exception(), g_db)) {
        try {
            std::rethrow_exception(error);
        } catch (const libsearch::Error& e) {
            std::cerr << "indexer: " << e.what() << "\nindexer: indexing stopped; the index keeps its last commit\n";
        }
        std::_Exit(kIndexError);  // other threads may still be inside Xapian
    }
    std::abort();
}

struct Arguments {
    std::string db;
    std::string format;
    std::string language;
    std::string category;
    unsigned jobs = 0;
    unsigned shards = 0;
    bool prune = false;
    bool dry_run = false;
    bool json = false;
    bool date_from_mtime = false;
    bool force = false;
    std::size_t batch_size = 1000;
    std::size_t merge_every = libsearch::IndexOptions{}.merge_every;
    std::size_t max_size_mb = 256;
    std::vector<std::string> paths;
};

void add_reading_options(CLI::App& app, Arguments& args) {
    app.add_option("--format", args.format, "Read every input as this format: text, html, jsonl, warc, sgml "
                                            "(default: detect from the content)");
    app.add_option("--lang", args.language, "Language of articles that name none (default: detect)");
    app.add_option("--category", args.category, "Category of articles that have none");
    app.add_option("--max-size", args.max_size_mb, "Skip inputs larger than this many MiB (default 256)");
    app.add_option("paths", args.paths, "Files, folders (read recursively) or - for standard input")->required();
}

libsearch::ReadOptions read_options(const Arguments& args) {
    libsearch::ReadOptions options;
    if (!args.format.empty()) {
        options.format = libsearch::parse_format_name(args.format);
        if (!options.format) throw CLI::ValidationError("--format", "unknown format '" + args.format +
                                                                        "' (use text, html, jsonl, warc or sgml)");
    }
    options.language = args.language;
    options.category = args.category;
    options.max_bytes = args.max_size_mb << 20;
    return options;
}

int extract(const Arguments& args) {
    const auto options = read_options(args);
    const auto inputs = libsearch::list_input_files(args.paths);
    std::vector<libsearch::Skipped> skipped = inputs.skipped;
    for (const auto& file : inputs.files) {
        libsearch::ReadResult result;
        if (file == "-") {
            std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
            result = libsearch::read_input(bytes, "<stdin>", options);
        } else {
            result = libsearch::read_file(file, options);
        }
        for (const auto& article : result.articles) std::cout << indexer::article_json(article) << '\n';
        skipped.insert(skipped.end(), result.skipped.begin(), result.skipped.end());
        for (const auto& w : result.warnings) std::cerr << "indexer: warning: " << indexer::problem_line(w) << '\n';
    }
    for (const auto& s : skipped) std::cerr << "indexer: skipped " << indexer::problem_line(s) << '\n';
    return skipped.empty() ? 0 : kSkipped;
}

int index(const Arguments& args) {
    libsearch::IngestOptions options;
    options.read = read_options(args);
    options.prune = args.prune;
    options.date_from_mtime = args.date_from_mtime;
    options.force = args.force;
    options.jobs = args.jobs;
    options.stop = &g_stop;
    install_stop_handler();
    g_db = args.db;
    std::set_terminate(on_terminate);

    std::optional<libsearch::IndexWriter> writer;
    if (!args.dry_run) writer.emplace(libsearch::IndexOptions{
            .path = args.db, .batch_size = args.batch_size, .writers = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency()),
            .merge_every = args.merge_every, .shards = args.shards});
    libsearch::Ingester ingester(writer ? &*writer : nullptr, options);
    indexer::ProgressDisplay display(stderr);
    const auto report = ingester.run(args.paths, [&](const libsearch::IngestProgress& p) { display.update(p); });
    display.finish();
    if (args.json) std::cout << indexer::report_json(report, args.dry_run) << '\n';
    else indexer::print_report(stdout, report, args.dry_run);
    return report.complete() ? 0 : kSkipped;
}

}  // namespace

int main(int argc, char** argv) {
    Arguments args;
    CLI::App app{"Put news archives (text pages, HTML, JSON Lines, WARC, news SGML; gzip or not) into a libsearch "
                 "index. Reruns only read what changed.",
                 "indexer"};
    app.add_option("--db", args.db, "Index directory (created when missing)");
    app.add_option("--jobs", args.jobs, "Threads reading and analysing files, and writing a new index in parallel parts (default: one per core)");
    app.add_option("--batch-size", args.batch_size, "Commit every N changed articles (default 1000)");
    app.add_option("--merge-every", args.merge_every,
                   "A new index written in parallel parts merges them into the index every N articles, which bounds "
                   "the indexer's memory (about 50 bytes an article); 0: only at the end (default " +
                       std::to_string(args.merge_every) + ")");
    app.add_option("--shards", args.shards, "Spread articles over N databases DIR/shard-0... by a hash of their id, "
                                            "and make DIR a Xapian stub database listing them (an existing index "
                                            "keeps its number)")
        ->check(CLI::Range(1, 1024));
    app.add_flag("--prune", args.prune, "Remove articles whose source file is gone");
    app.add_flag("--dry-run", args.dry_run, "Read and report, write nothing");
    app.add_flag("--json", args.json, "Print the report as one JSON object on stdout");
    app.add_flag("--date-from-mtime", args.date_from_mtime, "Undated articles take their file's modification day");
    app.add_flag("--force", args.force, "Re-read files even when unchanged");
    add_reading_options(app, args);

    Arguments extract_args;
    auto* extract_cmd = app.add_subcommand("extract", "Print the articles the inputs hold as JSON Lines; no index");
    add_reading_options(*extract_cmd, extract_args);
    app.require_subcommand(0, 1);
    // Without the subcommand the paths are the main command's; with it, its own.
    app.get_option("paths")->required(false);

    try {
        app.parse(argc, argv);
        if (*extract_cmd) return extract(extract_args);
        if (args.paths.empty()) throw CLI::RequiredError("PATH");
        if (args.db.empty() && !args.dry_run) throw CLI::RequiredError("--db");
        return index(args);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "indexer: " << e.what() << "\n" << "Run 'indexer --help' for usage.\n";
        return kUsage;
    } catch (const libsearch::InvalidArgument& e) {  // e.g. --shards against the index's layout
        std::cerr << "indexer: " << e.what() << '\n';
        return kUsage;
    } catch (const libsearch::IndexError& e) {
        std::cerr << "indexer: " << e.what() << '\n';
        return kIndexError;
    } catch (const libsearch::Error& e) {
        std::cerr << "indexer: " << e.what() << '\n';
        return kIndexError;
    } catch (const std::bad_alloc&) {
        std::cerr << "indexer: out of memory, indexing stopped; what was committed stays in the index "
                     "(a smaller --batch-size or --jobs needs less)\n";
        return kIndexError;
    } catch (const std::exception& e) {  // not ours to foresee: say so, still exit cleanly
        std::cerr << "indexer: unexpected error: " << e.what() << '\n';
        return kIndexError;
    }
}
