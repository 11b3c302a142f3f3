// The binary's operator new and delete: small blocks from the SmallObjectPool, the rest from
// malloc. Linked into the proton-migrate executable only (not the libraries or the tests), and
// left out of sanitizer builds, whose own operator new checks every block.
#include "tools/proton-migrate/small_object_pool.h"

#include <cstdlib>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PM_SANITIZED_ALLOCATION 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PM_SANITIZED_ALLOCATION 1
#endif

#ifndef PM_SANITIZED_ALLOCATION

namespace {

using pm::driver::SmallObjectPool;

[[gnu::always_inline]] inline void* allocateOrNull(std::size_t size) noexcept {
  if (size <= SmallObjectPool::kLargestBlock)
    if (SmallObjectPool* pool = SmallObjectPool::instance())
      if (void* block = pool->allocate(size))
        return block;
  return std::malloc(size == 0 ? 1 : size);
}

// Out of memory: the new-handler loop the standard asks for.
[[gnu::noinline]] void* allocateAfterFailure(std::size_t size) {
  for (;;) {
    std::new_handler handler = std::get_new_handler();
    if (!handler)
      throw std::bad_alloc();
    handler();
    if (void* block = allocateOrNull(size))
      return block;
  }
}

void* allocate(std::size_t size) {
  if (void* block = allocateOrNull(size)) [[likely]]
    return block;
  return allocateAfterFailure(size);
}

[[gnu::always_inline]] inline void release(void* block) noexcept {
  if (!block)
    return;
  SmallObjectPool* pool = SmallObjectPool::instance();
  if (pool && pool->owns(block))
    pool->release(block);
  else
    std::free(block);
}

} // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocateOrNull(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocateOrNull(size);
}
void operator delete(void* block) noexcept {
  release(block);
}
void operator delete[](void* block) noexcept {
  release(block);
}
void operator delete(void* block, std::size_t) noexcept {
  release(block);
}
void operator delete[](void* block, std::size_t) noexcept {
  release(block);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
  release(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
  release(block);
}

#endif
