// The allocator behind the binary's operator new (global_allocation.cpp): small blocks of
// sixteen-byte size classes, each class carved from 64 KiB pages of one reserved address range
// and kept on per-thread free lists. The model is a graph of many small nodes (expressions,
// strings, map entries) made and dropped by the million: glibc's malloc spent a third of a
// batch's cycles on them, and more the longer a batch ran, as its bins fragmented.
//
// Freed blocks go back to the freeing thread's list and never to the system, so the pool holds
// about the peak of live small blocks. Anything larger, or anything once the range is spent,
// comes from malloc; which allocator a pointer came from is told by its address.
#pragma once

#include <cstddef>

namespace pm::driver {

class SmallObjectPool {
public:
  static constexpr std::size_t kLargestBlock = 512;

  // The pool of the process, set up on first use; nullptr when the address range cannot be
  // reserved or PM_SYSTEM_ALLOCATOR is set (for memory checkers), and everything goes to malloc.
  static SmallObjectPool* instance();

  // A block of at least `size` bytes (1..kLargestBlock), aligned to 16; nullptr when the range
  // is spent.
  void* allocate(std::size_t size);
  // Whether `block` came from allocate().
  bool owns(const void* block) const;
  // Returns a block allocate() gave.
  void release(void* block);

  // For tests: a pool over a range of its own (`pages` pages of 64 KiB).
  static SmallObjectPool* create(std::size_t pages);
  static void destroy(SmallObjectPool* pool);

private:
  SmallObjectPool() = default;
  void* blockFromNewPage(unsigned sizeClass);

  char* base_ = nullptr;
  std::size_t pageCount_ = 0;
  unsigned char* pageClass_ = nullptr; // per page: its size class
  std::size_t nextPage_ = 0;           // atomic through std::atomic_ref
  unsigned id_ = 0;                    // tells this pool's thread-local lists from another's
};

} // namespace pm::driver
