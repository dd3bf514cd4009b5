#pragma once
// The period arithmetic of Searcher::timeline(): which periods a timeline
// spans, and how many articles the archive has in each.

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libsearch/date.hpp"
#include "libsearch/searcher.hpp"

namespace libsearch::search {

/// The oldest and newest dates of the archive's articles, or nullopt when
/// none has a date.
std::optional<std::pair<Date, Date>> archive_dates(const Xapian::Database& db);

/// Consecutive periods from the one holding `first` to the one holding
/// `last`, as "YYYY-MM" or "YYYY".
/// @throws InvalidArgument ("interval") past kMaxTimelinePeriods
std::vector<std::string> timeline_periods(const Date& first, const Date& last, TimelineInterval interval);

/// Articles of the archive in each period, from its year and month terms.
std::vector<std::uint64_t> articles_per_period(const Xapian::Database& db, const std::vector<std::string>& periods,
                                               TimelineInterval interval);

}  // namespace libsearch::search
