// The metrics against small cases computed by hand, and the BEIR readers.
#include <catch2/catch.hpp>

#include <cmath>

#include "beir.hpp"
#include "metrics.hpp"

using namespace libsearch::eval;

namespace {
double d(int rank) { return 1.0 / std::log2(rank + 1.0); }  // discount at a 1-based rank
}  // namespace

TEST_CASE("nDCG@k with binary judgments", "[eval]") {
    const Judgments judged{{"a", 1}, {"b", 1}, {"x", 0}};
    // Relevant at ranks 1 and 3, ideal at ranks 1 and 2.
    CHECK(ndcg_at({"a", "x", "b"}, judged, 10) == Approx((1 + d(3)) / (1 + d(2))));
    CHECK(ndcg_at({"a", "b", "x"}, judged, 10) == Approx(1.0));
    CHECK(ndcg_at({"x", "y", "z"}, judged, 10) == 0.0);
    CHECK(ndcg_at({}, judged, 10) == 0.0);
    // Cut at 2: "b" at rank 3 no longer counts, the ideal still has both in the top 2.
    CHECK(ndcg_at({"a", "x", "b"}, judged, 2) == Approx(1 / (1 + d(2))));
}

TEST_CASE("nDCG@k uses the grade as a linear gain, as trec_eval's ndcg_cut", "[eval]") {
    const Judgments judged{{"a", 2}, {"b", 1}};
    // Ranked b, a: DCG = 1*d(1) + 2*d(2); ideal a, b: 2*d(1) + 1*d(2).
    CHECK(ndcg_at({"b", "a"}, judged, 10) == Approx((1 + 2 * d(2)) / (2 + d(2))));
    // With gain 2^g - 1 this would be (1 + 3 d(2)) / (3 + d(2)): different.
    CHECK(ndcg_at({"b", "a"}, judged, 10) != Approx((1 + 3 * d(2)) / (3 + d(2))));
}

TEST_CASE("nDCG@k ideal is cut at k even with more relevant documents", "[eval]") {
    const Judgments judged{{"a", 1}, {"b", 1}, {"c", 1}};
    CHECK(ndcg_at({"a"}, judged, 1) == Approx(1.0));
    CHECK(ndcg_at({"x", "a"}, judged, 2) == Approx(d(2) / (1 + d(2))));
}

TEST_CASE("Recall@k counts relevant documents in the top k", "[eval]") {
    const Judgments judged{{"a", 1}, {"b", 1}, {"c", 1}, {"x", 0}};
    CHECK(recall_at({"a", "x", "b"}, judged, 100) == Approx(2.0 / 3));
    CHECK(recall_at({"a", "x", "b"}, judged, 2) == Approx(1.0 / 3));
    CHECK(recall_at({"x"}, judged, 100) == 0.0);
    // Repeated ids count once.
    CHECK(recall_at({"a", "a", "a"}, judged, 100) == Approx(1.0 / 3));
}

TEST_CASE("AP@k divides by every relevant document, retrieved or not", "[eval]") {
    const Judgments judged{{"a", 1}, {"b", 1}, {"c", 1}};
    // Relevant at ranks 1 and 3: (1/1 + 2/3) / 3.
    CHECK(average_precision_at({"a", "x", "b"}, judged, 100) == Approx((1.0 + 2.0 / 3) / 3));
    // Cut at 2: only rank 1 counts: (1/1) / 3.
    CHECK(average_precision_at({"a", "x", "b"}, judged, 2) == Approx(1.0 / 3));
    // Relevant at ranks 2 and 4 of a perfect-recall list of 2 relevant.
    CHECK(average_precision_at({"x", "a", "y", "b"}, Judgments{{"a", 1}, {"b", 1}}, 100) ==
          Approx((1.0 / 2 + 2.0 / 4) / 2));
    CHECK(average_precision_at({"a", "b", "c"}, judged, 100) == Approx(1.0));
}

TEST_CASE("Judged-irrelevant and unjudged documents gain nothing", "[eval]") {
    const Judgments none{{"x", 0}};
    CHECK(ndcg_at({"x"}, none, 10) == 0.0);
    CHECK(recall_at({"x"}, none, 100) == 0.0);
    CHECK(average_precision_at({"x"}, none, 100) == 0.0);
}

TEST_CASE("MetricTotals averages over the queries added", "[eval]") {
    MetricTotals totals;
    totals.add({"a"}, Judgments{{"a", 1}});
    totals.add({"x"}, Judgments{{"a", 1}});
    CHECK(totals.queries == 2);
    CHECK(totals.mean_ndcg10() == Approx(0.5));
    CHECK(totals.mean_recall100() == Approx(0.5));
    CHECK(totals.mean_map100() == Approx(0.5));
}

TEST_CASE("BEIR qrels: header skipped, CRLF stripped, TREC 4-column accepted", "[eval]") {
    const auto qrels = parse_qrels("query-id\tcorpus-id\tscore\r\n1\t31715818\t1\r\n1\t14717500\t0\r\n\r\n3\t4414547\t2\r\n",
                                   "train.tsv");
    REQUIRE(qrels.size() == 2);
    CHECK(qrels.at("1").at("31715818") == 1);
    CHECK(qrels.at("1").at("14717500") == 0);
    CHECK(qrels.at("3").at("4414547") == 2);
    CHECK(parse_qrels("7\t0\td1\t1\n", "trec").at("7").at("d1") == 1);
    CHECK_THROWS_WITH(parse_qrels("1\td\t1\n2\td\tx\n", "q.tsv"), "q.tsv:2: score is not an integer");
}

TEST_CASE("BEIR queries: _id as string or number, CRLF, bad lines named", "[eval]") {
    const auto queries = parse_queries("{\"_id\": \"0\", \"text\": \"0-dimensional biomaterials\", \"metadata\": {}}\r\n"
                                       "{\"_id\": 5, \"text\": \"b\"}\r\n",
                                       "queries.jsonl");
    REQUIRE(queries.size() == 2);
    CHECK(queries[0].id == "0");
    CHECK(queries[0].text == "0-dimensional biomaterials");
    CHECK(queries[1].id == "5");
    CHECK_THROWS_WITH(parse_queries("{\"_id\": \"1\"}\n", "q.jsonl"), "q.jsonl:1: a query needs \"_id\" and \"text\"");
}
