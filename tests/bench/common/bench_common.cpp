#include "bench_common.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace bench {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return out;
        start = tab + 1;
    }
}

}  // namespace

std::vector<MixQuery> read_mix(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open the query mix");
    std::vector<MixQuery> mix;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        if (++number == 1 || line.empty()) continue;  // header
        const auto f = split_tabs(line);
        if (f.size() != 8)
            throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 8 tab-separated columns, got " +
                                     std::to_string(f.size()));
        MixQuery q{f[0], f[1], f[2], f[3], f[4], f[5], f[6] == "1", 0};
        try {
            q.offset = std::stoul(f[7]);
        } catch (const std::exception&) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": offset '" + f[7] + "' is not a number");
        }
        if (q.op != "and" && q.op != "or")
            throw std::runtime_error(path + ":" + std::to_string(number) + ": op must be and or or, not '" + q.op + "'");
        mix.push_back(std::move(q));
    }
    if (mix.empty()) throw std::runtime_error(path + ": the query mix is empty");
    return mix;
}

Latency summarize(std::vector<double> ms) {
    Latency l;
    l.count = ms.size();
    if (ms.empty()) return l;
    std::sort(ms.begin(), ms.end());
    auto rank = [&](double p) {
        const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(ms.size())));
        return ms[std::min(ms.size(), std::max<std::size_t>(i, 1)) - 1];
    };
    l.p50_ms = rank(0.50);
    l.p95_ms = rank(0.95);
    l.p99_ms = rank(0.99);
    l.max_ms = ms.back();
    const double total = std::accumulate(ms.begin(), ms.end(), 0.0);
    l.mean_ms = total / static_cast<double>(ms.size());
    l.queries_per_s = total > 0 ? 1000.0 * static_cast<double>(ms.size()) / total : 0;
    return l;
}

nlohmann::json to_json(const Latency& l) {
    return {{"count", l.count},   {"p50_ms", l.p50_ms}, {"p95_ms", l.p95_ms},          {"p99_ms", l.p99_ms},
            {"mean_ms", l.mean_ms}, {"max_ms", l.max_ms}, {"queries_per_s", l.queries_per_s}};
}

double peak_rss_mb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void emit(const std::string& bench, const std::string& system, nlohmann::json fields) {
    fields["bench"] = bench;
    fields["system"] = system;
    std::cout << fields.dump() << std::endl;
}

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

nlohmann::json time_mix(const std::vector<MixQuery>& mix, int warmup, int repeat,
                        const std::function<void(const MixQuery&)>& run) {
    for (int pass = 0; pass < warmup; ++pass)
        for (const auto& q : mix) run(q);
    std::vector<double> all;
    std::map<std::string, std::vector<double>> by_class;
    for (int pass = 0; pass < repeat; ++pass) {
        for (const auto& q : mix) {
            const double start = now_ms();
            run(q);
            const double ms = now_ms() - start;
            all.push_back(ms);
            by_class[q.cls].push_back(ms);
        }
    }
    nlohmann::json per_class = nlohmann::json::object();
    for (auto& [cls, times] : by_class) per_class[cls] = to_json(summarize(std::move(times)));
    return {{"latency", to_json(summarize(std::move(all)))}, {"per_class", std::move(per_class)}};
}

}  // namespace bench
