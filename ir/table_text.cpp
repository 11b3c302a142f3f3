// Mapping data tables and finding their records by bisection.
#include "ir/table_text.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::ir {

namespace {

bool lineHasTag(std::string_view text, std::size_t start, std::string_view tag) {
  return text.compare(start, tag.size(), tag) == 0 && start + tag.size() < text.size() &&
         text[start + tag.size()] == '\t';
}

// Whether the line at `start` has one of the one-letter tags in `endTags`.
bool isEndTag(std::string_view text, std::size_t start, std::string_view endTags) {
  return start + 1 < text.size() && text[start + 1] == '\t' &&
         endTags.find(text[start]) != std::string_view::npos;
}

std::size_t nextLine(std::string_view text, std::size_t start) {
  std::size_t end = text.find('\n', start);
  return end == std::string_view::npos ? text.size() : end + 1;
}

} // namespace

std::optional<TableText> TableText::map(const std::string& path) {
  int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0)
    return std::nullopt;
  struct stat status {};
  if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) {
    ::close(descriptor);
    return std::nullopt;
  }
  TableText table;
  auto size = static_cast<std::size_t>(status.st_size);
  if (size > 0) {
    void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    if (address == MAP_FAILED) {
      ::close(descriptor);
      return std::nullopt;
    }
    table.owner_ = std::shared_ptr<const void>(
        address, [size](const void* mapped) { ::munmap(const_cast<void*>(mapped), size); });
    table.text_ = std::string_view(static_cast<const char*>(address), size);
  }
  ::close(descriptor);
  return table;
}

TableText TableText::fromString(std::string text) {
  TableText table;
  auto owned = std::make_shared<const std::string>(std::move(text));
  table.text_ = *owned;
  table.owner_ = std::move(owned);
  return table;
}

std::size_t nextRecord(std::string_view text, std::size_t from, std::string_view tag,
                       std::string_view endTags) {
  std::size_t start = from;
  if (start > 0 && start < text.size() && text[start - 1] != '\n')
    start = nextLine(text, start);
  if (endTags.empty() && start < text.size() && !lineHasTag(text, start, tag)) {
    // No section end to watch for: jump from line to line with memchr, which is several times
    // faster than memmem with a needle as short as "\n<tag>\t" (bisection probes run this).
    const char* end = text.data() + text.size();
    for (const char* at = text.data() + start;;) {
      const char* newline = static_cast<const char*>(std::memchr(at, '\n', end - at));
      if (!newline)
        return std::string_view::npos;
      std::size_t next = static_cast<std::size_t>(newline - text.data()) + 1;
      if (lineHasTag(text, next, tag))
        return next;
      at = newline + 1;
    }
  }
  for (; start < text.size(); start = nextLine(text, start)) {
    if (lineHasTag(text, start, tag))
      return start;
    if (isEndTag(text, start, endTags))
      return std::string_view::npos;
  }
  return std::string_view::npos;
}

std::string_view recordKey(std::string_view text, std::size_t start) {
  std::size_t keyStart = text.find('\t', start);
  if (keyStart == std::string_view::npos)
    return {};
  ++keyStart;
  std::size_t keyEnd = text.find_first_of("\t\n", keyStart);
  if (keyEnd == std::string_view::npos)
    keyEnd = text.size();
  return text.substr(keyStart, keyEnd - keyStart);
}

std::string_view recordAt(std::string_view text, std::size_t start, std::string_view tag,
                          std::string_view endTags) {
  std::size_t end = nextLine(text, start);
  while (end < text.size() && !lineHasTag(text, end, tag) && !isEndTag(text, end, endTags))
    end = nextLine(text, end);
  return text.substr(start, end - start);
}

std::size_t sectionStart(std::string_view text, std::string_view tag, std::string_view earlierTag) {
  // Scanning from a position inside the earlier section meets an `earlierTag` header first.
  std::size_t low = 0;
  std::size_t high = text.size();
  while (low < high) {
    std::size_t middle = low + (high - low) / 2;
    if (nextRecord(text, middle, tag, earlierTag) != std::string_view::npos)
      high = middle;
    else
      low = middle + 1;
  }
  return nextRecord(text, low, tag, earlierTag);
}

std::string_view findSortedRecord(std::string_view text, std::string_view tag, std::string_view key,
                                  std::string_view endTags) {
  // Invariant: every record starting before `low` has a key below `key`; the first record
  // starting at or after `high` (if any) has a key at or above it.
  std::size_t low = 0;
  std::size_t high = text.size();
  while (low < high) {
    std::size_t middle = low + (high - low) / 2;
    std::size_t record = nextRecord(text, middle, tag, endTags);
    if (record == std::string_view::npos || recordKey(text, record) >= key)
      high = middle;
    else
      low = record + 1;
  }
  std::size_t found = nextRecord(text, low, tag, endTags);
  if (found == std::string_view::npos || recordKey(text, found) != key)
    return {};
  return recordAt(text, found, tag, endTags);
}

std::optional<std::string_view> findIndexedRecord(std::string_view text, std::size_t indexEnd,
                                                  std::string_view indexTag, std::string_view tag,
                                                  std::string_view key) {
  std::string_view index = text.substr(0, std::min(indexEnd, text.size()));
  if (nextRecord(index, 0, indexTag) == std::string_view::npos)
    return std::nullopt;
  std::string_view entry = findSortedRecord(index, indexTag, key);
  if (entry.empty())
    return std::string_view();
  std::size_t offsetStart = entry.rfind('\t');
  std::size_t offset = 0;
  for (std::size_t at = offsetStart + 1; at < entry.size() && entry[at] != '\n'; ++at) {
    if (entry[at] < '0' || entry[at] > '9' || offset > text.size())
      return std::nullopt;
    offset = offset * 10 + static_cast<std::size_t>(entry[at] - '0');
  }
  bool pointsAtRecord = offset >= indexEnd && offset < text.size() &&
                        (offset == 0 || text[offset - 1] == '\n') &&
                        lineHasTag(text, offset, tag) && recordKey(text, offset) == key;
  if (!pointsAtRecord)
    return std::nullopt;
  return recordAt(text, offset, tag);
}

} // namespace pm::ir
