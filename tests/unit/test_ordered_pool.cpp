#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "ingest/ordered_pool.hpp"

using libsearch::ingest::OrderedPool;

TEST_CASE("the ordered pool hands results back in item order", "[ingest][pool]") {
    OrderedPool<std::string> pool(200, 3, [](std::size_t i) { return std::to_string(i * i); });
    for (std::size_t i = 0; i < 200; ++i) {
        const auto result = pool.next();
        REQUIRE(result);
        CHECK(*result == std::to_string(i * i));
    }
    CHECK_FALSE(pool.next());
}

// A worker's exception used to escape its thread and end the process
// ("terminate called after throwing an instance of 'std::bad_alloc'").
TEST_CASE("an exception thrown for one item reaches the consumer in its place", "[ingest][pool]") {
    OrderedPool<int> pool(50, 2, [](std::size_t i) -> int {
        if (i == 17) throw std::bad_alloc();
        if (i == 30) throw std::runtime_error("item 30");
        return static_cast<int>(i);
    });
    for (int i = 0; i < 17; ++i) CHECK(pool.next() == i);
    CHECK_THROWS_AS(pool.next(), std::bad_alloc);
    for (int i = 18; i < 30; ++i) CHECK(pool.next() == i);
    CHECK_THROWS_WITH(pool.next(), "item 30");
    CHECK(pool.next() == 31);
    // Destroyed with items left unconsumed: the workers stop.
}
