// Size-class pages in one reserved range, per-thread free lists.
#include "tools/proton-migrate/small_object_pool.h"

#include <atomic>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace pm::driver {

namespace pool_detail {

constinit thread_local ThreadLists threadLists;

} // namespace pool_detail

using namespace pool_detail;

namespace {

// Address space only: pages are backed by memory when first touched. 16 GiB is far past any
// run's small blocks (a 10,000-bundle batch peaks near 100 MiB).
constexpr std::size_t kProcessPages = (std::size_t{16} << 30) / kPageSize;

std::atomic<unsigned> lastPoolId{0};

// The range starts on a huge-page boundary and asks for transparent huge pages: pages are carved
// in address order, so the touched part is dense, and one fault backs 2 MiB instead of 4 KiB
// (page faults were a tenth of a 480-template conversion).
constexpr std::size_t kHugePage = std::size_t{2} << 20;

char* reserve(std::size_t pages) {
  std::size_t size = pages * kPageSize;
  void* range = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (range == MAP_FAILED)
    return nullptr;
  auto address = reinterpret_cast<std::uintptr_t>(range);
  auto aligned = (address + kHugePage - 1) & ~(kHugePage - 1);
  // The slack on either side goes back, so the range is exactly what destroy() unmaps.
  if (aligned > address)
    ::munmap(range, aligned - address);
  if (std::size_t tail = address + kHugePage - aligned; tail > 0)
    ::munmap(reinterpret_cast<void*>(aligned + size), tail);
  ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE); // a hint; may be refused
  return reinterpret_cast<char*>(aligned);
}

} // namespace

SmallObjectPool* SmallObjectPool::create(std::size_t pages) {
  char* base = reserve(pages);
  if (!base)
    return nullptr;
  // malloc, not new: this runs inside operator new.
  void* memory = std::malloc(sizeof(SmallObjectPool));
  auto* classes = static_cast<unsigned char*>(std::calloc(pages, 1));
  if (!memory || !classes) {
    std::free(memory);
    std::free(classes);
    ::munmap(base, pages * kPageSize);
    return nullptr;
  }
  auto* pool = ::new (memory) SmallObjectPool();
  pool->base_ = base;
  pool->pageCount_ = pages;
  pool->pageClass_ = classes;
  pool->id_ = ++lastPoolId;
  return pool;
}

void SmallObjectPool::destroy(SmallObjectPool* pool) {
  if (!pool)
    return;
  ::munmap(pool->base_, pool->pageCount_ * kPageSize);
  std::free(pool->pageClass_);
  pool->~SmallObjectPool();
  std::free(pool);
}

void SmallObjectPool::setUpProcessPool() {
  processPool_ = std::getenv("PM_SYSTEM_ALLOCATOR") ? nullptr : create(kProcessPages);
  processPoolSetUp_ = true;
}

void* SmallObjectPool::blockFromNewPage(unsigned sizeClass) {
  std::size_t page = std::atomic_ref<std::size_t>(nextPage_).fetch_add(1);
  if (page >= pageCount_)
    return nullptr;
  pageClass_[page] = static_cast<unsigned char>(sizeClass);
  char* start = base_ + page * kPageSize;
  std::size_t size = blockSize(sizeClass);
  ThreadLists& lists = listsFor();
  lists.bump[sizeClass] = start + size;
  lists.bumpEnd[sizeClass] = start + (kPageSize / size) * size;
  return start;
}

} // namespace pm::driver
