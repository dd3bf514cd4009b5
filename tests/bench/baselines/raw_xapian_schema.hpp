#pragma once
// The plain Xapian schema of bench_raw_xapian (indexing) and raw_xapian_search
// (searching), written once: omega's conventions, nothing from libsearch.

namespace raw_xapian {

inline constexpr const char* kIdPrefix = "Q";           ///< unique id term, Q<id>
inline constexpr const char* kTitlePrefix = "S";        ///< title words, also indexed unprefixed
inline constexpr const char* kCategoryPrefix = "XCAT";  ///< XCAT<category lowercased>
inline constexpr const char* kMonthPrefix = "M";        ///< M<YYYYMM>
inline constexpr const char* kDayPrefix = "D";          ///< D<YYYYMMDD>
inline constexpr unsigned kDateSlot = 0;                ///< YYYYMMDD
inline constexpr unsigned kCategorySlot = 1;            ///< first category, for facets
inline constexpr unsigned kIdSlot = 2;                  ///< the record id, for hits (cheaper than the Q term)
inline constexpr unsigned kTitleWeight = 3;             ///< wdf increment of unprefixed title words
inline constexpr unsigned kFieldGap = 100;              ///< term positions between title copies and body
inline constexpr const char* kLanguage = "en";

}  // namespace raw_xapian
