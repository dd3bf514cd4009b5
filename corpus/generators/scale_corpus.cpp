// scale_corpus: a larger benchmark corpus derived from a set of article
// records (JSON Lines, e.g. `indexer extract` of Reuters-21578).
//
//   scale_corpus --in reuters.jsonl --count N --out DIR [--per-file 10000] [--seed S]
//                [--years 1987:2016] [--undated 0.03]
//
// Writes N rich JSON Lines records to DIR/part-00000.jsonl, ... by cycling
// through the input records. Every output article is a variant of one input
// record, so that a million articles are not 46 copies of the same texts
// (whose postings would compress unrealistically well):
//   - a new unique id (`scaled-0000042`) and a new date drawn uniformly from
//     the years given (a share stays undated, and undated inputs stay so);
//   - about 6% of the longer words replaced by words of the corpus vocabulary
//     drawn by their frequency, and a few (0.4%) by new word forms made of
//     two vocabulary words, so the vocabulary keeps growing with the size as
//     a real archive's does;
//   - numbers varied digit by digit; the paragraphs after the first shuffled
//     in half of the articles;
//   - the categories, author and language kept.
// The output is a function of the input and the seed only. Memory stays
// bounded whatever N is: the input is read again for each cycle, and only
// its vocabulary is held.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "records.hpp"
#include "words.hpp"

namespace {

/// splitmix64: small, fast, and the same sequence everywhere.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

  private:
    std::uint64_t state_;
};

/// The input's words (4+ letters, no stopwords, seen at least twice), to draw
/// replacements from by frequency.
class Vocabulary {
  public:
    void count(const std::string& text) {
        for (auto& w : bench::words_of(text))
            if (w.size() >= 4 && !bench::is_stopword(w)) ++counts_[w];
    }
    void freeze() {
        for (auto& [w, n] : counts_)
            if (n >= 2) words_.emplace_back(w, n);
        counts_.clear();
        std::sort(words_.begin(), words_.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        std::uint64_t total = 0;
        for (const auto& [w, n] : words_) cumulative_.push_back(total += n);
    }
    bool empty() const { return words_.empty(); }
    std::size_t size() const { return words_.size(); }
    const std::string& draw(Rng& rng) const {
        const auto at = std::upper_bound(cumulative_.begin(), cumulative_.end(), rng.below(cumulative_.back()));
        return words_[static_cast<std::size_t>(at - cumulative_.begin())].first;
    }

  private:
    std::unordered_map<std::string, std::uint64_t> counts_;
    std::vector<std::pair<std::string, std::uint64_t>> words_;
    std::vector<std::uint64_t> cumulative_;
};

struct Variation {
    double replace = 0.06;    ///< share of longer words replaced by a vocabulary word
    double new_word = 0.004;  ///< share of longer words replaced by a new word form
    double digit = 0.5;       ///< share of numbers varied
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// `replacement` written in the letter case of `original` (UPPER, Capitalised or lower).
std::string in_case_of(const std::string& original, std::string replacement) {
    const bool first_upper = original[0] >= 'A' && original[0] <= 'Z';
    const bool all_upper = first_upper && original.size() > 1 && original[1] >= 'A' && original[1] <= 'Z';
    for (std::size_t i = 0; i < replacement.size(); ++i)
        if ((all_upper || (first_upper && i == 0)) && replacement[i] >= 'a' && replacement[i] <= 'z')
            replacement[i] = static_cast<char>(replacement[i] - 32);
    return replacement;
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

/// A new word form: the start of one vocabulary word and the end of another.
std::string new_word_form(const Vocabulary& vocabulary, Rng& rng) {
    const std::string& a = vocabulary.draw(rng);
    const std::string& b = vocabulary.draw(rng);
    return a.substr(0, 2 + rng.below(a.size() - 2)) + b.substr(rng.below(b.size() - 1));
}

std::string vary_text(const std::string& text, const Vocabulary& vocabulary, const Variation& v, Rng& rng) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        if (is_alpha(text[i])) {
            while (j < text.size() && is_alpha(text[j])) ++j;
            const std::string word = text.substr(i, j - i);
            const double roll = rng.unit();
            if (word.size() < 4 || bench::is_stopword(lower(word)) || roll >= v.replace + v.new_word)
                out += word;
            else if (roll < v.replace)
                out += in_case_of(word, vocabulary.draw(rng));
            else
                out += in_case_of(word, new_word_form(vocabulary, rng));
        } else if (is_digit(text[i])) {
            while (j < text.size() && is_digit(text[j])) ++j;
            const bool vary = rng.chance(v.digit);
            for (std::size_t k = i; k < j; ++k) {
                if (!vary) {
                    out += text[k];
                } else {
                    const bool leading = k == i && j - i > 1;
                    out += static_cast<char>(leading ? '1' + rng.below(9) : '0' + rng.below(10));
                }
            }
        } else {
            while (j < text.size() && !is_alpha(text[j]) && !is_digit(text[j])) ++j;
            out.append(text, i, j - i);
        }
        i = j;
    }
    return out;
}

/// Paragraphs after the first in a random order (bodies of 3+ paragraphs).
std::string shuffle_paragraphs(const std::string& body, Rng& rng) {
    std::vector<std::string> paragraphs;
    for (std::size_t start = 0;;) {
        const std::size_t end = body.find("\n\n", start);
        paragraphs.push_back(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 2;
    }
    if (paragraphs.size() < 3) return body;
    for (std::size_t k = paragraphs.size() - 1; k > 1; --k) std::swap(paragraphs[k], paragraphs[1 + rng.below(k)]);
    std::string out;
    for (const auto& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::string random_date(int first_year, int last_year, Rng& rng) {
    using namespace std::chrono;
    const sys_days from{year{first_year} / January / 1};
    const sys_days to{year{last_year} / December / 31};
    const auto span = static_cast<std::uint64_t>((to - from).count() + 1);
    const year_month_day d{from + days{static_cast<int>(rng.below(span))}};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buffer;
}

struct Options {
    std::string in, out;
    std::uint64_t count = 0, per_file = 10000, seed = 1;
    std::string years = "1987:2016";
    double undated = 0.03;
};

class PartWriter {
  public:
    PartWriter(std::filesystem::path dir, std::uint64_t per_file) : dir_(std::move(dir)), per_file_(per_file) {}
    void write(const nlohmann::ordered_json& record) {
        if (written_ % per_file_ == 0) {
            char name[32];
            std::snprintf(name, sizeof name, "part-%05llu.jsonl",
                          static_cast<unsigned long long>(written_ / per_file_));
            out_.close();
            out_.open(dir_ / name, std::ios::trunc);
            if (!out_) throw std::runtime_error((dir_ / name).string() + ": cannot write");
            ++files_;
        }
        out_ << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        ++written_;
    }
    void close() {
        out_.close();
        if (out_.fail()) throw std::runtime_error(dir_.string() + ": write failed");
    }
    std::uint64_t files() const { return files_; }

  private:
    std::filesystem::path dir_;
    std::uint64_t per_file_, written_ = 0, files_ = 0;
    std::ofstream out_;
};

int run(const Options& o) {
    const auto start = std::chrono::steady_clock::now();
    int first_year = 0, last_year = 0;
    if (std::sscanf(o.years.c_str(), "%d:%d", &first_year, &last_year) != 2 || first_year < 1 || last_year < first_year)
        throw std::runtime_error("--years must be FIRST:LAST, e.g. 1987:2016");

    Vocabulary vocabulary;
    std::uint64_t inputs = 0;
    bench::for_each_record({o.in}, [&](const bench::Record& r) {
        vocabulary.count(r.title);
        vocabulary.count(r.body);
        ++inputs;
    });
    vocabulary.freeze();
    if (inputs == 0 || vocabulary.empty()) throw std::runtime_error(o.in + ": no records with text");

    std::filesystem::create_directories(o.out);
    PartWriter writer(o.out, o.per_file);
    const Variation title_variation{0.12, 0.004, 0.5};
    const Variation body_variation{};
    std::uint64_t n = 0, text_bytes = 0;
    while (n < o.count) {
        bench::for_each_record({o.in}, [&](const bench::Record& r) {
            // A record without text is no article (indexer would skip it).
            const bool no_text = r.title.find_first_not_of(" \t\n") == std::string::npos &&
                                 r.body.find_first_not_of(" \t\n") == std::string::npos;
            if (n >= o.count || no_text) return;
            Rng rng(o.seed * 0x100000001b3ULL ^ (n + 1) * 0x9e3779b97f4a7c15ULL);
            char id[32];
            std::snprintf(id, sizeof id, "scaled-%07llu", static_cast<unsigned long long>(n));
            nlohmann::ordered_json record;
            record["id"] = id;
            record["url"] = "";
            record["title"] = vary_text(r.title, vocabulary, title_variation, rng);
            std::string body = vary_text(r.body, vocabulary, body_variation, rng);
            if (rng.chance(0.5)) body = shuffle_paragraphs(body, rng);
            text_bytes += record["title"].get_ref<const std::string&>().size() + body.size();
            record["body"] = std::move(body);
            record["categories"] = r.categories;
            const bool undated = r.date.empty() || rng.chance(o.undated);
            record["date"] =
                undated ? nlohmann::ordered_json() : nlohmann::ordered_json(random_date(first_year, last_year, rng));
            record["author"] = r.author;
            record["language"] = r.language.empty() ? "en" : r.language;
            writer.write(record);
            ++n;
        });
    }
    writer.close();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "scale_corpus: " << n << " articles from " << inputs << " records (vocabulary " << vocabulary.size()
              << " words) in " << writer.files() << " files, " << text_bytes / 1048576.0 << " MB of text, " << seconds
              << " s\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Write a larger corpus of varied articles derived from JSON Lines records."};
    Options o;
    app.add_option("--in", o.in, "Input records (JSON Lines, e.g. from `indexer extract`)")->required();
    app.add_option("--count", o.count, "Articles to write")->required()->check(CLI::PositiveNumber);
    app.add_option("--out", o.out, "Output folder (part-00000.jsonl, ...)")->required();
    app.add_option("--per-file", o.per_file, "Articles per output file (default 10000)")->check(CLI::PositiveNumber);
    app.add_option("--seed", o.seed, "Seed: the same seed and input give the same output (default 1)");
    app.add_option("--years", o.years, "Dates are drawn from these years, FIRST:LAST (default 1987:2016)");
    app.add_option("--undated", o.undated, "Share of articles left undated (default 0.03)")
        ->check(CLI::Range(0.0, 1.0));
    CLI11_PARSE(app, argc, argv);
    try {
        return run(o);
    } catch (const std::exception& e) {
        std::cerr << "scale_corpus: " << e.what() << "\n";
        return 1;
    } catch (...) {
        std::cerr << "scale_corpus: unknown error\n";
        return 1;
    }
}
