#include "metrics.hpp"

#include <cstdio>

namespace searchd {

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Histogram& h = latency_[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) ++h.counts[i];
    ++h.total;
    h.sum += seconds;
}

std::string Metrics::render(const Gauges& gauges) const {
    std::lock_guard lock(mutex_);
    std::string out;
    char line[256];
    out += "# HELP searchd_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE searchd_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        std::snprintf(line, sizeof line, "searchd_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                      key.first.c_str(), key.second, static_cast<unsigned long long>(count));
        out += line;
    }
    out += "# HELP searchd_request_duration_seconds Time to answer a request, by route.\n"
           "# TYPE searchd_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            std::snprintf(line, sizeof line, "searchd_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
                          route.c_str(), kBuckets[i], static_cast<unsigned long long>(h.counts[i]));
            out += line;
        }
        std::snprintf(line, sizeof line,
                      "searchd_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n"
                      "searchd_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                      "searchd_request_duration_seconds_count{route=\"%s\"} %llu\n",
                      route.c_str(), static_cast<unsigned long long>(h.total), route.c_str(), h.sum, route.c_str(),
                      static_cast<unsigned long long>(h.total));
        out += line;
    }
    std::snprintf(line, sizeof line,
                  "# HELP searchd_documents Articles in the index.\n# TYPE searchd_documents gauge\n"
                  "searchd_documents %llu\n",
                  static_cast<unsigned long long>(gauges.documents));
    out += line;
    out += "# HELP searchd_search_slots Searches that may run at once (--search-threads).\n"
           "# TYPE searchd_search_slots gauge\nsearchd_search_slots " + std::to_string(gauges.search_slots) + "\n";
    out += "# HELP searchd_searches_running Searches running now.\n"
           "# TYPE searchd_searches_running gauge\nsearchd_searches_running " +
           std::to_string(gauges.searches_running) + "\n";
    out += "# HELP searchd_searches_queued Searches waiting for a slot now.\n"
           "# TYPE searchd_searches_queued gauge\nsearchd_searches_queued " +
           std::to_string(gauges.searches_queued) + "\n";
    if (gauges.index_age_seconds >= 0) {
        std::snprintf(line, sizeof line,
                      "# HELP searchd_index_age_seconds Seconds since the index's last commit.\n"
                      "# TYPE searchd_index_age_seconds gauge\nsearchd_index_age_seconds %.0f\n",
                      gauges.index_age_seconds);
        out += line;
    }
    return out;
}

}  // namespace searchd
