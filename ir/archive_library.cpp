// Binding libarchive's functions with dlopen/dlsym.
#include "ir/archive_library.h"

#include <dlfcn.h>
#include <stdexcept>
#include <string>

namespace pm::ir {

namespace {

void* symbol(void* library, const char* name) {
  void* found = dlsym(library, name);
  if (!found)
    throw std::runtime_error(std::string("libarchive (") + PM_LIBARCHIVE_SONAME + ") lacks " +
                             name);
  return found;
}

ArchiveLibrary load() {
  void* library = dlopen(PM_LIBARCHIVE_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!library)
    throw std::runtime_error(std::string("cannot load libarchive: ") + dlerror());
  ArchiveLibrary bound;
#define PM_ARCHIVE_BIND(name)                                                                      \
  bound.name = reinterpret_cast<decltype(&::name)>(symbol(library, #name));
  PM_ARCHIVE_FUNCTIONS(PM_ARCHIVE_BIND)
#undef PM_ARCHIVE_BIND
  return bound; // the library stays loaded for the life of the process
}

} // namespace

const ArchiveLibrary& archiveLibrary() {
  static const ArchiveLibrary library = load();
  return library;
}

} // namespace pm::ir
