#include "progress.hpp"

#include <unistd.h>

#include <string>

namespace indexer {

namespace {

std::string duration(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

ProgressDisplay::ProgressDisplay(std::FILE* out)
    : out_(out), terminal_(isatty(fileno(out)) != 0), last_(std::chrono::steady_clock::now()) {}

void ProgressDisplay::update(const libsearch::IngestProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    const bool last_file = p.files_done == p.files_total;
    const auto since = std::chrono::duration<double>(now - last_).count();
    // A terminal redraws ten times a second; a log gets a line every five seconds.
    if (!last_file && since < (terminal_ ? 0.1 : 5.0)) return;
    last_ = now;
    const double rate = p.seconds > 0 ? double(p.articles) / p.seconds : 0;
    const double fraction = p.bytes_total ? double(p.bytes_done) / double(p.bytes_total)
                            : p.files_total ? double(p.files_done) / double(p.files_total) : 1.0;
    const double eta = fraction > 0 ? p.seconds * (1 - fraction) / fraction : 0;
    if (terminal_) {
        constexpr int width = 30;
        const int filled = static_cast<int>(fraction * width);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(width, '.');
        std::fprintf(out_, "\r[%s] %3d%%  %llu/%llu files  %llu articles  %.0f articles/s  ETA %s \x1b[K", bar.c_str(),
                     static_cast<int>(fraction * 100), static_cast<unsigned long long>(p.files_done),
                     static_cast<unsigned long long>(p.files_total), static_cast<unsigned long long>(p.articles), rate,
                     duration(eta).c_str());
        drawn_ = true;
    } else {
        std::fprintf(out_, "indexer: %llu/%llu files, %llu articles, %.0f articles/s, %s elapsed\n",
                     static_cast<unsigned long long>(p.files_done), static_cast<unsigned long long>(p.files_total),
                     static_cast<unsigned long long>(p.articles), rate, duration(p.seconds).c_str());
    }
    std::fflush(out_);
}

void ProgressDisplay::finish() {
    if (drawn_) std::fputc('\n', out_);
    drawn_ = false;
}

}  // namespace indexer
