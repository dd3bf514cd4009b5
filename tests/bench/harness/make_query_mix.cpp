// make_query_mix: the query mix every benchmarked system runs (the TSV format
// of bench_common.hpp), drawn from the article records themselves.
//
//   make_query_mix --in reuters.jsonl [--in more.jsonl ...] --out mix.tsv [--count 200] [--seed S]
//
// Classes in fixed shares of --count (largest remainder, so any count works):
//   word 15%  and2 15%  and3 10%  or2 10%  or3 5%  phrase 10%  category 10%
//   daterange 10%  facets 5%  deep 10%
// Query words come from one real article each (so AND queries match), with a
// realistic frequency mix: half common words (in 1%+ of the articles), a third
// middling, the rest rare (in at most 0.05%, at least 2 articles); never
// stopwords. Phrases are 2-3 consecutive words of a real title, not all
// stopwords. Categories and date ranges are ones present in the records.
// The mix is a function of the records and the seed.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "records.hpp"
#include "words.hpp"

namespace {

class Rng {  // splitmix64
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  private:
    std::uint64_t state_;
};

/// What the mix is drawn from: per article its distinct query words, its
/// title words, one category and its date.
struct Doc {
    std::vector<std::string> words;
    std::vector<std::string> title;
    std::string category, date;
};

struct Corpus {
    std::vector<Doc> docs;
    std::unordered_map<std::string, std::uint32_t> df;  ///< articles containing each word
    std::string first_date, last_date;
};

/// The title's whitespace-separated tokens, lower-cased; "" for a token that
/// is not a plain word (numbers, tickers such as <IBM>, "U.S."), which no
/// phrase may span.
std::vector<std::string> title_tokens(const std::string& title) {
    std::vector<std::string> out;
    std::string token;
    bool plain = true;
    auto flush = [&] {
        if (!token.empty() || !plain) out.push_back(plain ? token : "");
        token.clear();
        plain = true;
    };
    for (const char c : title + " ") {
        if (c == ' ' || c == '\t' || c == '\n')
            flush();
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            token += static_cast<char>(c | 0x20);
        else
            plain = false;
    }
    return out;
}

Corpus read_corpus(const std::vector<std::string>& files) {
    Corpus c;
    bench::for_each_record(files, [&](const bench::Record& r) {
        Doc d;
        std::set<std::string> seen;
        for (auto& w : bench::words_of(r.title + " " + r.body))
            if (!bench::is_stopword(w) && seen.insert(w).second) ++c.df[w];
        d.words.assign(seen.begin(), seen.end());
        d.title = title_tokens(r.title);
        if (!r.categories.empty()) d.category = r.categories.front();
        if (r.date.size() >= 10) {
            d.date = r.date.substr(0, 10);
            if (c.first_date.empty() || d.date < c.first_date) c.first_date = d.date;
            if (c.last_date.empty() || d.date > c.last_date) c.last_date = d.date;
        }
        c.docs.push_back(std::move(d));
    });
    if (c.docs.empty()) throw std::runtime_error("no records in the input");
    return c;
}

enum class Band { common, middling, rare };

class Mixer {
  public:
    Mixer(const Corpus& c, std::uint64_t seed) : c_(c), rng_(seed) {
        const double n = static_cast<double>(c.docs.size());
        common_df_ = std::max<std::uint32_t>(2, static_cast<std::uint32_t>(n * 0.01));
        rare_df_ = std::max<std::uint32_t>(2, static_cast<std::uint32_t>(n * 0.0005));
        for (const auto& [w, df] : c.df)
            if (df >= 20) common_words_.push_back({df, w});
        std::sort(common_words_.rbegin(), common_words_.rend());
    }

    /// `n` distinct words of one article (with a category or a date when asked).
    std::vector<std::string> words_of_one_doc(std::size_t n, const Doc** from = nullptr, bool category = false,
                                              bool dated = false) {
        for (int attempt = 0; attempt < 1000; ++attempt) {
            const Doc& d = c_.docs[rng_.below(c_.docs.size())];
            if (d.words.size() < n + 2 || (category && d.category.empty()) || (dated && d.date.empty())) continue;
            std::vector<std::string> picked;
            for (int tries = 0; picked.size() < n && tries < 50; ++tries) {
                const std::string& w = pick(d);
                if (std::find(picked.begin(), picked.end(), w) == picked.end()) picked.push_back(w);
            }
            if (picked.size() < n) continue;
            if (from) *from = &d;
            return picked;
        }
        throw std::runtime_error("the records are too small to draw queries from");
    }

    /// 2-3 consecutive plain title words, not all stopwords, in quotes.
    std::string phrase() {
        for (int attempt = 0; attempt < 1000; ++attempt) {
            const Doc& d = c_.docs[rng_.below(c_.docs.size())];
            const std::size_t len = 2 + rng_.below(2);
            if (d.title.size() < len) continue;
            const std::size_t at = rng_.below(d.title.size() - len + 1);
            std::string q;
            bool content = false;
            bool plain = true;
            for (std::size_t i = at; i < at + len; ++i) {
                plain &= !d.title[i].empty();
                content |= d.title[i].size() >= 3 && !bench::is_stopword(d.title[i]);
                q += (i == at ? "" : " ") + d.title[i];
            }
            if (plain && content) return "\"" + q + "\"";
        }
        throw std::runtime_error("no titles to draw phrases from");
    }

    /// A window of 1-12 months inside the records' dates, around `date`.
    std::pair<std::string, std::string> date_range(const std::string& date) {
        const int months = 1 + static_cast<int>(rng_.below(12));
        int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
        m -= static_cast<int>(rng_.below(static_cast<std::size_t>(months)));
        while (m < 1) m += 12, --y;
        char from[32], to[32];
        std::snprintf(from, sizeof from, "%04d-%02d-01", y, m);
        m += months - 1;
        while (m > 12) m -= 12, ++y;
        std::snprintf(to, sizeof to, "%04d-%02d-%02d", y, m, days_in(y, m));
        return {std::max<std::string>(from, c_.first_date), std::min<std::string>(to, c_.last_date)};
    }

    /// A common word with at least `min_df` articles, or two joined by OR.
    std::vector<std::string> deep_words(std::uint32_t min_df) {
        std::vector<std::string> eligible;
        for (const auto& [df, w] : common_words_)
            if (df >= min_df) eligible.push_back(w);
        if (eligible.empty())  // a small corpus: the most frequent words
            for (std::size_t i = 0; i < std::min<std::size_t>(50, common_words_.size()); ++i)
                eligible.push_back(common_words_[i].second);
        if (eligible.empty()) throw std::runtime_error("no common words");
        std::vector<std::string> out{eligible[rng_.below(eligible.size())]};
        if (rng_.unit() < 0.5 && eligible.size() > 1) {
            std::string other = eligible[rng_.below(eligible.size())];
            if (other != out[0]) out.push_back(other);
        }
        return out;
    }

    Rng& rng() { return rng_; }

  private:
    static int days_in(int y, int m) {
        static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return m == 2 && leap ? 29 : kDays[static_cast<std::size_t>(m - 1)];
    }

    Band band_of(const std::string& w) const {
        const auto df = c_.df.at(w);
        return df >= common_df_ ? Band::common : df <= rare_df_ ? Band::rare : Band::middling;
    }

    const std::string& pick(const Doc& d) {
        const double roll = rng_.unit();
        const Band want = roll < 0.5 ? Band::common : roll < 0.83 ? Band::middling : Band::rare;
        std::vector<const std::string*> in_band;
        for (const auto& w : d.words)
            if (band_of(w) == want && (want != Band::rare || c_.df.at(w) >= 2)) in_band.push_back(&w);
        if (!in_band.empty()) return *in_band[rng_.below(in_band.size())];
        return d.words[rng_.below(d.words.size())];
    }

    const Corpus& c_;
    Rng rng_;
    std::uint32_t common_df_, rare_df_;
    std::vector<std::pair<std::uint32_t, std::string>> common_words_;
};

struct Row {
    std::string cls, q, op = "and", category, from, to;
    bool facets = false;
    std::size_t offset = 0;
};

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

Row make_row(const std::string& cls, Mixer& m) {
    Row r;
    r.cls = cls;
    const Doc* doc = nullptr;
    if (cls == "word")
        r.q = join(m.words_of_one_doc(1));
    else if (cls == "and2")
        r.q = join(m.words_of_one_doc(2));
    else if (cls == "and3")
        r.q = join(m.words_of_one_doc(3));
    else if (cls == "or2")
        r.q = join(m.words_of_one_doc(2)), r.op = "or";
    else if (cls == "or3")
        r.q = join(m.words_of_one_doc(3)), r.op = "or";
    else if (cls == "phrase")
        r.q = m.phrase();
    else if (cls == "category") {
        r.q = join(m.words_of_one_doc(1 + m.rng().below(2), &doc, true));
        r.category = doc->category;
    } else if (cls == "daterange") {
        r.q = join(m.words_of_one_doc(1 + m.rng().below(2), &doc, false, true));
        std::tie(r.from, r.to) = m.date_range(doc->date);
    } else if (cls == "facets") {
        r.q = join(m.words_of_one_doc(1 + m.rng().below(2)));
        r.facets = true;
    } else if (cls == "deep") {
        r.offset = 100 + 10 * m.rng().below(41);
        const auto words = m.deep_words(static_cast<std::uint32_t>(r.offset + 10));
        r.q = join(words);
        if (words.size() > 1) r.op = "or";
    }
    return r;
}

int run(const std::vector<std::string>& in, const std::string& out_path, std::size_t count, std::uint64_t seed) {
    const Corpus corpus = read_corpus(in);
    if (corpus.first_date.empty()) throw std::runtime_error("no dated records: cannot draw date ranges");
    Mixer mixer(corpus, seed);

    static const std::vector<std::pair<std::string, double>> kShares = {
        {"word", 0.15},   {"and2", 0.15},     {"and3", 0.10},      {"or2", 0.10},    {"or3", 0.05},
        {"phrase", 0.10}, {"category", 0.10}, {"daterange", 0.10}, {"facets", 0.05}, {"deep", 0.10}};
    // Largest remainder: the counts add up to `count`.
    std::vector<std::size_t> n(kShares.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    std::size_t given = 0;
    for (std::size_t i = 0; i < kShares.size(); ++i) {
        const double exact = kShares[i].second * static_cast<double>(count);
        n[i] = static_cast<std::size_t>(exact);
        given += n[i];
        remainders.push_back({exact - static_cast<double>(n[i]), kShares.size() - i});
    }
    std::sort(remainders.rbegin(), remainders.rend());
    for (std::size_t k = 0; given < count; ++k, ++given) ++n[kShares.size() - remainders[k % remainders.size()].second];

    std::vector<Row> rows;
    for (std::size_t i = 0; i < kShares.size(); ++i)
        for (std::size_t k = 0; k < n[i]; ++k) rows.push_back(make_row(kShares[i].first, mixer));
    for (std::size_t k = rows.size(); k > 1; --k) std::swap(rows[k - 1], rows[mixer.rng().below(k)]);

    std::ofstream out(out_path, std::ios::trunc);
    if (!out) throw std::runtime_error(out_path + ": cannot write");
    out << "class\tq\top\tcategory\tfrom\tto\tfacets\toffset\n";
    for (const auto& r : rows)
        out << r.cls << '\t' << r.q << '\t' << r.op << '\t' << r.category << '\t' << r.from << '\t' << r.to << '\t'
            << (r.facets ? 1 : 0) << '\t' << r.offset << '\n';
    out.close();
    if (out.fail()) throw std::runtime_error(out_path + ": write failed");
    std::cerr << "make_query_mix: " << rows.size() << " queries from " << corpus.docs.size() << " records ("
              << corpus.first_date << " .. " << corpus.last_date << ") -> " << out_path << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Write the benchmark query mix (TSV, see tests/bench/common/bench_common.hpp)."};
    std::vector<std::string> in;
    std::string out;
    std::size_t count = 200;
    std::uint64_t seed = 1;
    app.add_option("--in", in, "Article records (JSON Lines); repeatable")->required();
    app.add_option("--out", out, "Mix file to write")->required();
    app.add_option("--count", count, "Queries (default 200)")->check(CLI::Range(10, 1000000));
    app.add_option("--seed", seed, "Seed (default 1)");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(in, out, count, seed);
    } catch (const std::exception& e) {
        std::cerr << "make_query_mix: " << e.what() << "\n";
        return 1;
    } catch (...) {
        std::cerr << "make_query_mix: unknown error\n";
        return 1;
    }
}
