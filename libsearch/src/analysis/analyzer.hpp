#pragma once
// The analysis of one language: its Snowball stemmer and stopwords, applied
// the same way to documents (TermGenerator) and queries (QueryParser).

#include <xapian.h>

#include <map>
#include <memory>
#include <string>

#include "libsearch/language.hpp"

namespace libsearch::analysis {

/// A stemmer for the language: Xapian's own, libstemmer's (through
/// Xapian::StemImplementation), or the identity for languages without one.
/// Each call makes a fresh stemmer, so that threads never share libstemmer state.
Xapian::Stem make_stemmer(const Language& language);

/// The language's stopper, or nullptr when it has no stopword list. Shared
/// and immutable: safe to use from any thread.
const Xapian::Stopper* stopper_for(const Language& language);

/// Stemmer plus stopper for one language, and how they are plugged in.
class Analyzer {
  public:
    explicit Analyzer(Language language);

    const Language& language() const noexcept { return language_; }
    const Xapian::Stem& stemmer() const noexcept { return stemmer_; }
    /// nullptr when the language has no stopword list.
    const Xapian::Stopper* stopper() const noexcept { return stopper_; }

    /// STEM_SOME (stemmed Z terms for ranking, exact forms with positions) and
    /// stopwords indexed unstemmed only, so phrases keep them.
    void configure(Xapian::TermGenerator& generator) const;
    /// The matching query side: STEM_SOME, stopwords dropped outside phrases.
    void configure(Xapian::QueryParser& parser) const;

  private:
    Language language_;
    Xapian::Stem stemmer_;
    const Xapian::Stopper* stopper_;
};

/// Analyzers by language code, made on first use. Not thread-safe: one per
/// IndexWriter or Searcher.
class AnalyzerCache {
  public:
    const Analyzer& get(const Language& language);

  private:
    std::map<std::string, std::unique_ptr<Analyzer>> analyzers_;
};

}  // namespace libsearch::analysis
