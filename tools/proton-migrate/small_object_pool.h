// The allocator behind the binary's operator new (global_allocation.cpp): small blocks of
// sixteen-byte size classes, each class carved from 64 KiB pages of one reserved address range
// and kept on per-thread free lists. The model is a graph of many small nodes (expressions,
// strings, map entries) made and dropped by the million: glibc's malloc spent a third of a
// batch's cycles on them, and more the longer a batch ran, as its bins fragmented.
//
// Freed blocks go back to the freeing thread's list and never to the system, so the pool holds
// about the peak of live small blocks. Anything larger, or anything once the range is spent,
// comes from malloc; which allocator a pointer came from is told by its address.
//
// The fast paths are inline: a conversion allocates millions of blocks, and the calls between
// operator new, the pool and its thread's lists cost more than the allocation itself.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pm::driver {

namespace pool_detail {

inline constexpr std::size_t kGranule = 16;
inline constexpr unsigned kClasses = 512 / kGranule;
inline constexpr std::size_t kPageSize = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

// One thread's lists for one pool. Plain data, constant-initialised, so it stays usable while
// the thread's other thread-local objects are being destroyed (a destructor may free blocks).
struct ThreadLists {
  unsigned poolId = 0;
  FreeBlock* free[kClasses] = {};
  char* bump[kClasses] = {};
  char* bumpEnd[kClasses] = {};
};

extern constinit thread_local ThreadLists threadLists;

inline unsigned sizeClassOf(std::size_t size) {
  return static_cast<unsigned>((size + kGranule - 1) / kGranule - 1);
}

inline std::size_t blockSize(unsigned sizeClass) {
  return (sizeClass + 1) * kGranule;
}

} // namespace pool_detail

class SmallObjectPool {
public:
  static constexpr std::size_t kLargestBlock = pool_detail::kClasses * pool_detail::kGranule;

  // The pool of the process, set up on first use; nullptr when the address range cannot be
  // reserved or PM_SYSTEM_ALLOCATOR is set (for memory checkers), and everything goes to malloc.
  static SmallObjectPool* instance() {
    // The first allocation happens before main() while there is one thread.
    if (!processPoolSetUp_) [[unlikely]]
      setUpProcessPool();
    return processPool_;
  }

  // A block of at least `size` bytes (1..kLargestBlock), aligned to 16; nullptr when the range
  // is spent.
  void* allocate(std::size_t size) {
    using namespace pool_detail;
    unsigned sizeClass = sizeClassOf(size == 0 ? 1 : size);
    ThreadLists& lists = listsFor();
    if (FreeBlock* block = lists.free[sizeClass]) {
      lists.free[sizeClass] = block->next;
      return block;
    }
    if (lists.bump[sizeClass] != lists.bumpEnd[sizeClass]) {
      char* block = lists.bump[sizeClass];
      lists.bump[sizeClass] += blockSize(sizeClass);
      return block;
    }
    return blockFromNewPage(sizeClass);
  }

  // Whether `block` came from allocate().
  bool owns(const void* block) const {
    auto address = reinterpret_cast<std::uintptr_t>(block);
    auto base = reinterpret_cast<std::uintptr_t>(base_);
    return address - base < pageCount_ * pool_detail::kPageSize; // below base wraps around
  }

  // Returns a block allocate() gave.
  void release(void* block) {
    using namespace pool_detail;
    std::size_t page = static_cast<std::size_t>(static_cast<char*>(block) - base_) / kPageSize;
    unsigned sizeClass = pageClass_[page];
    ThreadLists& lists = listsFor();
    auto* freed = static_cast<FreeBlock*>(block);
    freed->next = lists.free[sizeClass];
    lists.free[sizeClass] = freed;
  }

  // For tests: a pool over a range of its own (`pages` pages of 64 KiB).
  static SmallObjectPool* create(std::size_t pages);
  static void destroy(SmallObjectPool* pool);

private:
  SmallObjectPool() = default;
  static void setUpProcessPool();
  void* blockFromNewPage(unsigned sizeClass);

  // This thread's lists, emptied first if they were another pool's (tests only: the process
  // has one pool).
  pool_detail::ThreadLists& listsFor() const {
    pool_detail::ThreadLists& lists = pool_detail::threadLists;
    if (lists.poolId != id_) [[unlikely]]
      lists = pool_detail::ThreadLists{id_, {}, {}, {}};
    return lists;
  }

  static constinit inline SmallObjectPool* processPool_ = nullptr;
  static constinit inline bool processPoolSetUp_ = false;

  char* base_ = nullptr;
  std::size_t pageCount_ = 0;
  unsigned char* pageClass_ = nullptr; // per page: its size class
  std::size_t nextPage_ = 0;           // atomic through std::atomic_ref
  unsigned id_ = 0;                    // tells this pool's thread-local lists from another's
};

} // namespace pm::driver
