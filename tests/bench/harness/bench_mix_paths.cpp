// bench_mix_paths: the query mix as HTTP request paths, one a line, for wrk.
//
//   bench_mix_paths --mix MIX --style searchd|raw > paths.txt
//
// searchd (searchd/API.md): /api/search?q=&op=&category=&from=&to=&facets=&page=&size=10
//   (page = offset/10 + 1)
// raw (bench_http_server): /search?q=&op=&category=&from=&to=&facets=&offset=

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "bench_common.hpp"
#include "percent_encode.hpp"

namespace {

using testsupport::percent_encode;

std::string path_of(const bench::MixQuery& q, const std::string& style) {
    std::string p = style == "searchd" ? "/api/search?q=" : "/search?q=";
    p += percent_encode(q.q) + "&op=" + q.op;
    if (!q.category.empty()) p += "&category=" + percent_encode(q.category);
    if (!q.from.empty()) p += "&from=" + percent_encode(q.from);
    if (!q.to.empty()) p += "&to=" + percent_encode(q.to);
    p += std::string("&facets=") + (q.facets ? "1" : "0");
    if (style == "searchd") p += "&page=" + std::to_string(q.offset / 10 + 1) + "&size=10";
    else p += "&offset=" + std::to_string(q.offset);
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Write the query mix as HTTP request paths, one a line."};
    std::string mix, style;
    app.add_option("--mix", mix, "Query mix (TSV)")->required();
    app.add_option("--style", style, "searchd or raw")->required()->check(CLI::IsMember({"searchd", "raw"}));
    CLI11_PARSE(app, argc, argv);
    try {
        for (const auto& q : bench::read_mix(mix)) std::cout << path_of(q, style) << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_mix_paths: " << e.what() << "\n";
        return 1;
    } catch (...) {
        std::cerr << "bench_mix_paths: unknown error\n";
        return 1;
    }
}
