#pragma once
// A weight that favours newer articles, for an optional recency boost.

#include <xapian.h>

#include <string>

namespace libsearch::search {

/// Adds to each dated article `max_weight` * 2^(-age / half_life), where age
/// is in days before the newest article of the index (the archive's "now",
/// so an archive of 1987 is not all equally old). Undated articles get nothing.
class RecencySource : public Xapian::ValuePostingSource {
  public:
    RecencySource(double half_life_days, double max_weight);

    void init(const Xapian::Database& db) override;
    double get_weight() const override;
    RecencySource* clone() const override;
    std::string name() const override;
    std::string get_description() const override;

  private:
    double half_life_days_;
    double max_weight_;
    long newest_day_ = 0;
};

/// Days since 1970-01-01 of a "YYYYMMDD" value; 0 when malformed.
long day_number(const std::string& yyyymmdd);

}  // namespace libsearch::search
