#pragma once
// Preparing query text for Xapian's QueryParser.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace libsearch::search {

/// AND OR NOT NEAR ADJ, the operators of the query language (upper case
/// only; for NEAR/3 or ADJ/3 pass the part before the slash). XOR is not
/// one: see query_text.cpp.
bool is_operator(std::string_view word);

/// NEAR or ADJ, with or without a distance (NEAR/3): the proximity
/// operators, which act as such only between two plain words (fold_case).
bool is_proximity(std::string_view word);

/// A warning, with its byte position, for each word a person may have meant
/// as an operator that is searched as a word: XOR, and NEAR or ADJ (NEAR/3,
/// ADJ/2) outside a phrase but not between two plain words.
std::vector<std::string> operator_warnings(std::string_view query);

/// Lower-case every word except the operators: is_operator, and for NEAR and
/// ADJ only between two plain words (see operator_warnings).
///
/// Why: under STEM_SOME, Xapian leaves capitalised words unstemmed, so
/// `Iraq` would miss "Iraq's" and `Camps` would miss "camp". Here unquoted
/// words are always stemmed and quotes alone ask for the exact form, which
/// is what a reader of the search help expects.
std::string fold_case(std::string_view query);

/// Each hyphenated word outside quotes as its words, bracketed:
/// `non-coding rna` becomes `(non coding) rna`.
///
/// Why: Xapian's QueryParser reads `non-coding` as the phrase "non coding",
/// and the words of a phrase are never stemmed, so `drug-resistant` missed
/// "drug resistance". The indexer splits hyphenated words into words too, so
/// the words find every article the phrase found, each by its stem. On
/// SciFact train nDCG@10 went from 0.7065 to 0.7138 (tests/eval/RESULTS.md).
/// Quotes still ask for the exact phrase; an excluded (`-e-mail`), required
/// (`+e-mail`), field (`title:x-ray`) or wildcard (`x-ra*`) word keeps its
/// hyphens.
std::string split_hyphenated(std::string_view query);

/// fold_case's text (or a copy with words replaced, such as a spelling
/// correction) without the brackets fold_case put around NEAR/ADJ chains:
/// a person's query again.
std::string unbracket_chains(std::string_view folded);

/// Problems Xapian forgives silently but a user should hear about: an
/// unbalanced double quote or bracket. One message per problem, with its
/// byte position.
std::vector<std::string> unbalanced_warnings(std::string_view query);

/// The query with syntax removed, for a lenient retry: quotes and brackets
/// become spaces and operator words are lower-cased (so they are searched as
/// words); field prefixes stay.
std::string strip_syntax(std::string_view query);

/// When every word of the query is excluded ("-oil -gas"), the words without
/// their minus signs ("oil gas"); otherwise nullopt. Xapian finds nothing for
/// such a query, where a person means "everything but these".
std::optional<std::string> excluded_words_only(std::string_view query);

}  // namespace libsearch::search
