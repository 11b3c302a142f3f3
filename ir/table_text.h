// The text of a generated data table (type table, CDK class table): mapped from its file rather
// than read, so a run touches only the pages of the records it looks up, and searched by key
// without indexing the whole table first.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pm::ir {

class TableText {
public:
  // The file mapped read-only; nullopt when it cannot be opened.
  static std::optional<TableText> map(const std::string& path);
  static TableText fromString(std::string text);

  std::string_view text() const { return text_; }

private:
  std::shared_ptr<const void> owner_; // the mapping or the string; keeps text_ valid
  std::string_view text_;
};

// Tables are lines of TAB-separated fields; a record starts with a line "<tag>\t<key>\t..." and
// runs up to the next line of the same tag. With the records of `tag` sorted by key (byte
// order), the record for `key` is found by bisecting the text: only the lines around the probes
// are read. Returns the record's lines (header included; see recordAt for `endTags`), or an
// empty view when there is none.
std::string_view findSortedRecord(std::string_view text, std::string_view tag, std::string_view key,
                                  std::string_view endTags = {});

// A table may start with an index: lines "<indexTag>\t<key>\t<offset>", sorted by key, giving
// the byte offset of each `tag` record, all before `indexEnd` (the first record). Bisecting it
// reads a few short lines where bisecting the records scans through long ones. Returns the
// record for `key` (an empty view when the index has no such key), or nullopt when the table
// has no index or the index does not point at the record it names (a stale index): the caller
// then bisects the records.
std::optional<std::string_view> findIndexedRecord(std::string_view text, std::size_t indexEnd,
                                                  std::string_view indexTag, std::string_view tag,
                                                  std::string_view key);

// The lines of the record whose header starts at `start`: up to the next line whose first field
// is `tag` or one of the one-letter tags in `endTags` (the start of another kind of record).
std::string_view recordAt(std::string_view text, std::size_t start, std::string_view tag,
                          std::string_view endTags = {});

// The start of the first line at or after `from` whose first field is `tag`, or npos (also when
// a line of one of the one-letter `endTags` comes first: the end of `tag`'s section).
std::size_t nextRecord(std::string_view text, std::size_t from, std::string_view tag,
                       std::string_view endTags = {});

// Where the records of `tag` start in a table whose `tag` records all follow its `earlierTag`
// records (found by bisection too); npos when it has none.
std::size_t sectionStart(std::string_view text, std::string_view tag, std::string_view earlierTag);

// The second field of the line at `start` (the record's key).
std::string_view recordKey(std::string_view text, std::size_t start);

} // namespace pm::ir
