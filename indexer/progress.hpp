#pragma once
// The progress display: a bar on a terminal, a plain line now and then otherwise.

#include <libsearch/ingester.hpp>

#include <chrono>
#include <cstdio>

namespace indexer {

class ProgressDisplay {
  public:
    /// Writes to `out` (stderr); a bar when it is a terminal.
    explicit ProgressDisplay(std::FILE* out);
    void update(const libsearch::IngestProgress& progress);
    /// Ends the bar's line.
    void finish();

  private:
    std::FILE* out_;
    bool terminal_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace indexer
