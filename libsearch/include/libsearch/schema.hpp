#pragma once
/// @file schema.hpp
/// The Xapian schema of a libsearch index: every term prefix and value slot, in
/// one place. Other programs (xapian-delve, quest, an embedder's own Xapian
/// code) can read an index with these constants. Prefixes follow Omega's
/// conventions where Omega has one.
///
/// Free-text fields (positional, stemmed with Z + prefix under STEM_SOME):
///   - title    "S"   also indexed unprefixed with extra weight (title_weight)
///   - author   "A"   also indexed unprefixed
///   - body     ""    unprefixed
/// Between fields the term position jumps by field_gap, so a phrase never spans
/// the end of one field and the start of the next.
///
/// Boolean (filter) terms, all lower-case, not positional:
///   - "Q"    + article id                         (unique id term)
///   - "XCAT" + category, lower-cased              (one per category)
///   - "L"    + language code                      ("Len")
///   - "H"    + host, and each parent domain       ("Hnews.bbc.co.uk", "Hbbc.co.uk")
///   - "XPLACE" + place, lower-cased               (one per place)
///   - "Y"    + YYYY, "M" + YYYYMM, "D" + YYYYMMDD (only for dated articles)
///   (Indexes made before versions were found from slot_version_samples
///   alone also hold "XV" + 12 hex digits, one term per sample; nothing reads
///   them any more.)
///
/// Values:
///   - slot_date        "YYYYMMDD"; empty when undated. Sortable, and the form
///                      Xapian::DateRangeProcessor compares against.
///   - slot_facets      everything the facets count, in one value so that a match
///                      costs one value read: "YYYYMM" (empty when undated), U+001E,
///                      then every category, joined by U+001F.
///   - slot 2           unused (schema 1 kept the categories there).
///   - slot_content_hash hex hash of the normalised title and body, equal for
///                      reprints of the same text.
///   - slot_version_samples a sample of the body's word shingles, for finding
///                      versions of one story (index/versions.hpp in the
///                      sources): up to 48 hashes, 8 bytes each, in text order.
///   - slot_version_group the key shared by the versions of one story (reprints
///                      with small edits, a teaser and its full article): the
///                      smallest content hash in the group. Empty for an article
///                      with no other version. Searches collapse on it. Written
///                      by IndexWriter::group_versions().
///   - slot_hit_fields  what a search hit shows but its snippet: id, url, title,
///                      author, language, date, categories (document_data.cpp).
///                      A hit without a snippet reads this value alone and not
///                      the document data, which Xapian stores compressed.
///                      Indexes written before it (no value) are read from the
///                      document data instead.
///
/// Document data: the stored fields (see document_data.cpp), versioned.
///
/// Metadata keys:
///   - "libsearch.schema"            schema version, written at creation
///   - "libsearch.default_language"  language code used for queries by default
///   - "libsearch.last_commit"       ISO 8601 UTC time of the last commit

namespace libsearch::schema {

inline constexpr const char* prefix_id = "Q";
inline constexpr const char* prefix_title = "S";
inline constexpr const char* prefix_author = "A";
inline constexpr const char* prefix_category = "XCAT";
inline constexpr const char* prefix_language = "L";
inline constexpr const char* prefix_site = "H";
inline constexpr const char* prefix_place = "XPLACE";
inline constexpr const char* prefix_year = "Y";
inline constexpr const char* prefix_month = "M";
inline constexpr const char* prefix_day = "D";

inline constexpr unsigned slot_date = 0;
inline constexpr unsigned slot_facets = 1;
inline constexpr unsigned slot_content_hash = 3;
inline constexpr unsigned slot_version_samples = 4;
inline constexpr unsigned slot_version_group = 5;
inline constexpr unsigned slot_hit_fields = 6;

/// Within-document frequency increment for title words (body words count 1).
inline constexpr unsigned title_weight = 3;
/// Term-position gap between fields.
inline constexpr unsigned field_gap = 100;

/// The version written to "libsearch.schema"; bumped on incompatible changes.
/// An index of another version is refused (IndexCorrupt) until it is rebuilt.
/// 2: the month and the categories share slot_facets.
inline constexpr int version = 2;

inline constexpr const char* meta_schema = "libsearch.schema";
inline constexpr const char* meta_default_language = "libsearch.default_language";
inline constexpr const char* meta_last_commit = "libsearch.last_commit";
/// "1" while articles changed since the last IndexWriter::group_versions().
inline constexpr const char* meta_versions_stale = "libsearch.versions_stale";

}  // namespace libsearch::schema
