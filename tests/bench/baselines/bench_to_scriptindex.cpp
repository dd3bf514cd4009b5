// bench_to_scriptindex: JSON Lines article records -> scriptindex's dump format,
// for scriptindex/reuters.index.
//   bench_to_scriptindex IN.jsonl... > OUT.txt
// Each record becomes name=value lines (id, title, body, one category line per
// category, facet = the first category, date as YYYYMMDD), a newline inside a
// value continues on a line starting with '=', and a blank line ends the record.
// Exit codes: 0 done, 1 failure, 2 usage.

#include <iostream>
#include <string>
#include <vector>

#include "records.hpp"

namespace {

void field(std::ostream& out, const char* name, const std::string& value) {
    if (value.empty()) return;
    out << name << '=';
    for (const char c : value) {
        if (c == '\r') continue;
        out << c;
        if (c == '\n') out << '=';
    }
    out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::cerr << "usage: bench_to_scriptindex IN.jsonl... > OUT.txt\n";
        return 2;
    }
    try {
        std::ios::sync_with_stdio(false);
        const std::vector<std::string> files(argv + 1, argv + argc);
        bench::for_each_record(files, [](const bench::Record& r) {
            field(std::cout, "id", r.id);
            field(std::cout, "title", r.title);
            field(std::cout, "body", r.body);
            for (const auto& c : r.categories) field(std::cout, "category", c);
            if (!r.categories.empty()) field(std::cout, "facet", r.categories.front());
            field(std::cout, "date", bench::compact_date(r.date));
            std::cout << '\n';
        });
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "bench_to_scriptindex: cannot write the output\n";
            return 1;
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_to_scriptindex: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
