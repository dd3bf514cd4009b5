#pragma once
// Request counters and latency histograms, in Prometheus' text format.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace searchd {

class Metrics {
  public:
    /// Count one answered request.
    void record(const std::string& route, int status, double seconds);
    /// Values read at the moment of a scrape.
    struct Gauges {
        std::uint64_t documents = 0;
        double index_age_seconds = -1;  ///< < 0: unknown
        unsigned search_slots = 0;      ///< --search-threads
        unsigned searches_running = 0;
        std::size_t searches_queued = 0;
    };
    /// The exposition text.
    std::string render(const Gauges& gauges) const;

  private:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> counts{};
        std::uint64_t total = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
};

}  // namespace searchd
