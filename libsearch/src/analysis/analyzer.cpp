#include "analysis/analyzer.hpp"

#include <libstemmer.h>

#include <mutex>

#include "analysis/stopword_lists.hpp"

namespace libsearch::analysis {

namespace {

// Snowball stemmers Xapian 1.4 lacks, from libstemmer, behind Xapian's plug-in
// interface. An sb_stemmer keeps state between calls, so one instance must
// not be used by two threads at once: Xapian::Stem copies share it, which is
// why every Searcher and IndexWriter makes its own.
class LibstemmerImplementation : public Xapian::StemImplementation {
  public:
    explicit LibstemmerImplementation(const std::string& algorithm)
        : algorithm_(algorithm), stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {
        if (!stemmer_) throw std::runtime_error("libstemmer has no stemmer for " + algorithm);
    }
    ~LibstemmerImplementation() override { sb_stemmer_delete(stemmer_); }

    std::string operator()(const std::string& word) override {
        const auto* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                              static_cast<int>(word.size()));
        if (!stemmed) return word;  // out of memory inside libstemmer: leave the word as it is
        return std::string(reinterpret_cast<const char*>(stemmed),
                           static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
    }

    std::string get_description() const override { return "libstemmer:" + algorithm_; }

  private:
    std::string algorithm_;
    sb_stemmer* stemmer_;
};

// Languages without a Snowball stemmer still get "Z" terms (the word itself),
// so that a query stemmed in any language finds them by their plain form.
class IdentityStemmer : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override { return word; }
    std::string get_description() const override { return "none"; }
};

}  // namespace

Xapian::Stem make_stemmer(const Language& language) {
    switch (language.stemmer) {
        case StemmerSource::xapian:
            return Xapian::Stem(language.name);
        case StemmerSource::libstemmer:
            return Xapian::Stem(new LibstemmerImplementation(language.name));
        case StemmerSource::none:
            break;
    }
    return Xapian::Stem(new IdentityStemmer);
}

const Xapian::Stopper* stopper_for(const Language& language) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Xapian::SimpleStopper>> stoppers;
    std::lock_guard lock(mutex);
    auto found = stoppers.find(language.name);
    if (found == stoppers.end()) {
        std::unique_ptr<Xapian::SimpleStopper> stopper;
        const auto words = stopword_list(language.name);
        if (!words.empty()) {
            stopper = std::make_unique<Xapian::SimpleStopper>();
            for (const auto word : words) stopper->add(std::string(word));
        }
        found = stoppers.emplace(language.name, std::move(stopper)).first;
    }
    return found->second.get();
}

Analyzer::Analyzer(Language language)
    : language_(std::move(language)), stemmer_(make_stemmer(language_)), stopper_(stopper_for(language_)) {}

void Analyzer::configure(Xapian::TermGenerator& generator) const {
    generator.set_stemmer(stemmer_);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator.set_stopper(stopper_);
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

void Analyzer::configure(Xapian::QueryParser& parser) const {
    parser.set_stemmer(stemmer_);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(stopper_);
}

const Analyzer& AnalyzerCache::get(const Language& language) {
    auto& slot = analyzers_[language.code];
    if (!slot) slot = std::make_unique<Analyzer>(language);
    return *slot;
}

}  // namespace libsearch::analysis
