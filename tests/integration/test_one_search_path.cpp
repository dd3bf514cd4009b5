// The evaluation program and searchd rank through one search path: the same
// query text gives the same top 10 in both.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "run_process.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

using namespace testsupport;
using json = nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("relevance_eval and GET /api/search?op=or&size=10 give the same ranking", "[searchd][eval]") {
    TempDir dir;
    const fs::path data = dir.path() / "beir";
    fs::create_directories(data / "qrels");
    const std::vector<std::pair<std::string, std::string>> docs{
        {"d1", "Vitamin D supplementation reduces fracture risk in elderly women."},
        {"d2", "Vitamin C has no effect on the common cold in adults."},
        {"d3", "Fracture healing is delayed in smokers; vitamin D levels were low."},
        {"d4", "Elderly patients with low vitamin D show more falls and fractures."},
        {"d5", "The common cold is caused by rhinoviruses in most adults."},
        {"d6", "Smoking delays bone healing after fracture surgery."},
        {"d7", "Women over seventy take vitamin supplements more often than men."},
        {"d8", "Randomised trials of vitamin D and fracture risk disagree."},
        {"d9", "Cold weather and vitamin D: seasonal variation in adults."},
        {"d10", "Bone density, fracture risk and the elderly."},
        {"d11", "Supplements and risk: a review of trials in women."},
        {"d12", "Rhinovirus infection and the cold."},
    };
    {
        std::ofstream corpus(data / "corpus.jsonl");
        for (const auto& [id, text] : docs) corpus << json{{"_id", id}, {"title", ""}, {"text", text}}.dump() << "\r\n";
    }
    const std::vector<std::pair<std::string, std::string>> queries{
        {"q1", "Does vitamin D reduce fracture risk in the elderly?"},
        {"q2", "common cold in adults"},
        {"q3", "smoking and fracture healing"},
    };
    {
        std::ofstream out(data / "queries.jsonl");
        for (const auto& [id, text] : queries) out << json{{"_id", id}, {"text", text}}.dump() << "\n";
        std::ofstream qrels(data / "qrels" / "test.tsv");
        qrels << "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td5\t1\nq3\td6\t1\n";
    }
    const std::string index = dir / "index";
    const std::string run_file = dir / "run.txt";
    auto eval = run_process({RELEVANCE_EVAL_PATH, "--data", data.string(), "--split", "test", "--index", index,
                             "--run", run_file});
    INFO(eval.out << eval.err);
    REQUIRE(eval.status == 0);

    std::map<std::string, std::vector<std::string>> eval_top10;
    std::ifstream run(run_file);
    std::string qid, q0, doc, rank, score, tag;
    while (run >> qid >> q0 >> doc >> rank >> score >> tag)
        if (eval_top10[qid].size() < 10) eval_top10[qid].push_back(doc);

    ServerProcess server(SEARCHD_PATH, {"--db", index, "--web", "", "--quiet"});
    httplib::Client client("127.0.0.1", server.port());
    client.set_url_encode(false);  // the target is encoded here
    for (const auto& [id, text] : queries) {
        INFO(id << ": " << text);
        auto res = client.Get(("/api/search?op=or&size=10&q=" + httplib::detail::encode_query_param(text)).c_str());
        REQUIRE(res);
        REQUIRE(res->status == 200);
        const json answer = json::parse(res->body);
        std::vector<std::string> served;
        for (const auto& hit : answer["hits"]) served.push_back(hit["id"]);
        CHECK_FALSE(served.empty());
        CHECK(served == eval_top10[id]);
    }
}
