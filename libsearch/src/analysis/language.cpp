#include "libsearch/language.hpp"

#include <algorithm>
#include <array>

#include "analysis/utf8.hpp"

namespace libsearch {

namespace {

struct LanguageRow {
    const char* code;        // ISO 639-1 (or 639-3 where no 639-1 exists)
    const char* name;        // English name = Snowball algorithm name
    const char* alt_codes;   // ISO 639-3 / 639-2B codes and other aliases, space separated
    StemmerSource stemmer;
};

constexpr StemmerSource X = StemmerSource::xapian;
constexpr StemmerSource L = StemmerSource::libstemmer;
constexpr StemmerSource N = StemmerSource::none;

// Xapian 1.4 ships Snowball stemmers for the X rows; libstemmer adds the L
// rows (Greek, Hindi, Serbian, Yiddish). N rows are recognised so that their
// articles are labelled correctly, and are indexed without stemming.
constexpr std::array<LanguageRow, 48> kLanguages{{
    {"ar", "arabic", "ara", X},       {"az", "azerbaijani", "aze", N},
    {"bg", "bulgarian", "bul", N},    {"ca", "catalan", "cat", X},
    {"cs", "czech", "ces cze", N},    {"da", "danish", "dan", X},
    {"de", "german", "deu ger", X},   {"el", "greek", "ell gre", L},
    {"en", "english", "eng", X},      {"es", "spanish", "spa castilian", X},
    {"eu", "basque", "eus baq", X},   {"fa", "persian", "fas per farsi", N},
    {"fi", "finnish", "fin", X},      {"fr", "french", "fra fre", X},
    {"ga", "irish", "gle", X},        {"he", "hebrew", "heb", N},
    {"hi", "hindi", "hin", L},        {"hr", "croatian", "hrv", N},
    {"hu", "hungarian", "hun", X},    {"hy", "armenian", "hye arm", X},
    {"id", "indonesian", "ind", X},   {"it", "italian", "ita", X},
    {"ja", "japanese", "jpn", N},     {"ko", "korean", "kor", N},
    {"ku", "kurdish", "kur", N},      {"lt", "lithuanian", "lit", X},
    {"ne", "nepali", "nep", X},       {"nl", "dutch", "nld dut flemish", X},
    {"no", "norwegian", "nor nob nno nb nn bokmal nynorsk", X},
    {"pl", "polish", "pol", N},       {"ps", "pashto", "pus", N},
    {"pt", "portuguese", "por", X},   {"ro", "romanian", "ron rum moldavian", X},
    {"ru", "russian", "rus", X},      {"sk", "slovak", "slk slo", N},
    {"sl", "slovenian", "slv slovene", N},
    {"sr", "serbian", "srp", L},      {"sv", "swedish", "swe", X},
    {"sw", "swahili", "swa", N},      {"ta", "tamil", "tam", X},
    {"th", "thai", "tha", N},         {"tr", "turkish", "tur", X},
    {"uk", "ukrainian", "ukr", N},    {"ur", "urdu", "urd", N},
    {"vi", "vietnamese", "vie", N},   {"yi", "yiddish", "yid", L},
    {"zh", "chinese", "zho chi", N},  {"ms", "malay", "msa may", N},
}};

Language to_language(const LanguageRow& row) { return Language{row.code, row.name, row.stemmer}; }

bool has_word(std::string_view words, std::string_view word) {
    while (!words.empty()) {
        const auto space = words.find(' ');
        if (words.substr(0, space) == word) return true;
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
    }
    return false;
}

// "en-GB", "pt_BR" -> "en", "pt"; lower-cased; surrounding space dropped.
std::string normalise_key(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    const auto sep = text.find_first_of("-_");
    if (sep != std::string_view::npos && sep >= 2 && sep <= 3) text = text.substr(0, sep);
    return utf8::lower(text);
}

}  // namespace

std::optional<Language> find_language(std::string_view code_or_name) {
    const std::string key = normalise_key(code_or_name);
    if (key.empty()) return std::nullopt;
    for (const auto& row : kLanguages) {
        if (key == row.code || key == row.name || has_word(row.alt_codes, key)) return to_language(row);
    }
    return std::nullopt;
}

Language resolve_language(std::string_view code_or_name) {
    if (auto known = find_language(code_or_name)) return *known;
    std::string key = normalise_key(code_or_name);
    if (key.empty()) key = "und";
    return Language{key, key, StemmerSource::none};
}

const std::vector<Language>& stemmed_languages() {
    static const std::vector<Language> languages = [] {
        std::vector<Language> out;
        for (const auto& row : kLanguages)
            if (row.stemmer != StemmerSource::none) out.push_back(to_language(row));
        std::sort(out.begin(), out.end(), [](const Language& a, const Language& b) { return a.code < b.code; });
        return out;
    }();
    return languages;
}

}  // namespace libsearch
