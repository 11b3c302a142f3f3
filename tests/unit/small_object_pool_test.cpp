// The binary's small-block allocator: sizes, alignment, reuse, ownership, threads.
#include "tools/proton-migrate/small_object_pool.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

using pm::driver::SmallObjectPool;

namespace {

struct PoolFixture {
  SmallObjectPool* pool = SmallObjectPool::create(64);
  ~PoolFixture() { SmallObjectPool::destroy(pool); }
};

} // namespace

TEST_CASE("blocks are 16-byte aligned, as large as asked, and distinct") {
  PoolFixture fixture;
  REQUIRE(fixture.pool);
  std::set<void*> seen;
  for (std::size_t size = 1; size <= SmallObjectPool::kLargestBlock; size += 7) {
    void* block = fixture.pool->allocate(size);
    REQUIRE(block);
    CHECK(reinterpret_cast<std::uintptr_t>(block) % 16 == 0);
    CHECK(fixture.pool->owns(block));
    CHECK(seen.insert(block).second);
    std::memset(block, 0xab, size); // the whole size is writable
  }
  int local = 0;
  CHECK_FALSE(fixture.pool->owns(&local));
}

TEST_CASE("a released block is given again for its size class, not for another") {
  PoolFixture fixture;
  void* small = fixture.pool->allocate(24);
  fixture.pool->release(small);
  void* other = fixture.pool->allocate(100);
  CHECK(other != small);
  CHECK(fixture.pool->allocate(32) == small); // 24 and 32 share the class of 32-byte blocks
}

TEST_CASE("a spent range gives nothing, so the caller falls back to malloc") {
  SmallObjectPool* pool = SmallObjectPool::create(1);
  REQUIRE(pool);
  std::size_t blocks = 0;
  while (pool->allocate(SmallObjectPool::kLargestBlock))
    ++blocks;
  CHECK(blocks == 64 * 1024 / SmallObjectPool::kLargestBlock);
  SmallObjectPool::destroy(pool);
}

TEST_CASE("threads allocate and free, also each other's blocks") {
  PoolFixture fixture;
  std::vector<void*> handedOver(1000);
  std::thread producer([&] {
    for (void*& block : handedOver) {
      block = fixture.pool->allocate(48);
      std::memset(block, 1, 48);
    }
  });
  producer.join();
  std::thread consumer([&] {
    for (void* block : handedOver)
      fixture.pool->release(block);
    // The consumer reuses what it freed before it carves new pages.
    std::set<void*> again;
    for (int i = 0; i < 1000; ++i)
      again.insert(fixture.pool->allocate(48));
    CHECK(again == std::set<void*>(handedOver.begin(), handedOver.end()));
  });
  consumer.join();
}
