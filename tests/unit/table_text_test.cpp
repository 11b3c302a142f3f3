// Finding records of a sorted data table by bisection (ir/table_text.h).
#include "ir/table_text.h"

#include <doctest/doctest.h>

#include <string>

using namespace pm::ir;

namespace {

const std::string kTable = "# header\n"
                           "R\tA::One\tx\n"
                           "P\tp1\n"
                           "R\tB::Two\ty\n"
                           "P\tp2\n"
                           "P\tp3\n"
                           "R\tC::Three\tz\n"
                           "S\ta.Struct\n"
                           "P\ts1\n"
                           "S\tb.Struct\n"
                           "P\ts2\n";

} // namespace

TEST_CASE("A record of a sorted table is found by bisection with its lines") {
  CHECK(findSortedRecord(kTable, "R", "B::Two", "S") == "R\tB::Two\ty\nP\tp2\nP\tp3\n");
  CHECK(findSortedRecord(kTable, "R", "A::One", "S") == "R\tA::One\tx\nP\tp1\n");
  // The last record of a section stops where the next section starts.
  CHECK(findSortedRecord(kTable, "R", "C::Three", "S") == "R\tC::Three\tz\n");
  CHECK(findSortedRecord(kTable, "R", "B::Tw", "S").empty());
  CHECK(findSortedRecord(kTable, "R", "D", "S").empty());
  CHECK(findSortedRecord(kTable, "R", "", "S").empty());
}

TEST_CASE("A later section of a table is found and searched on its own") {
  std::size_t start = sectionStart(kTable, "S", "R");
  REQUIRE(start != std::string::npos);
  CHECK(recordKey(kTable, start) == "a.Struct");
  std::string_view structs = std::string_view(kTable).substr(start);
  CHECK(findSortedRecord(structs, "S", "b.Struct") == "S\tb.Struct\nP\ts2\n");
  CHECK(findSortedRecord(structs, "S", "c.Struct").empty());
  CHECK(sectionStart("R\tx\n", "S", "R") == std::string::npos);
}

TEST_CASE("Every record of a big sorted table is found") {
  std::string text;
  for (int i = 1000; i < 3000; ++i)
    text += "T\tType" + std::to_string(i) + "\n" + std::string(i % 7, 'P') + "\tq\n";
  TableText table = TableText::fromString(text);
  for (int i = 1000; i < 3000; i += 37) {
    std::string name = "Type" + std::to_string(i);
    CHECK(recordKey(findSortedRecord(table.text(), "T", name), 0) == name);
  }
  CHECK(findSortedRecord(table.text(), "T", "Type0999").empty());
  CHECK_FALSE(TableText::map("/nonexistent/table.tsv").has_value());
}

TEST_CASE("An index section leads to a record without bisecting the records") {
  std::string records = "T\tA::One\n"
                        "P\tp1\n"
                        "T\tB::Two\n"
                        "P\tp2\n";
  std::string header = "# header\n";
  auto indexLine = [](const std::string& key, std::size_t offset) {
    std::string digits = std::to_string(offset);
    return "I\t" + key + "\t" + std::string(8 - digits.size(), '0') + digits + "\n";
  };
  std::size_t indexSize = indexLine("A::One", 0).size() + indexLine("B::Two", 0).size();
  std::size_t first = header.size() + indexSize;
  std::string table =
      header + indexLine("A::One", first) + indexLine("B::Two", first + 14) + records;
  REQUIRE(table.compare(first + 14, 9, "T\tB::Two\n") == 0);
  CHECK(findIndexedRecord(table, first, "I", "T", "B::Two") == "T\tB::Two\nP\tp2\n");
  CHECK(findIndexedRecord(table, first, "I", "T", "A::One") == "T\tA::One\nP\tp1\n");
  auto missing = findIndexedRecord(table, first, "I", "T", "C::Three");
  REQUIRE(missing);
  CHECK(missing->empty());
  // No index, or one that points elsewhere: the caller bisects instead.
  CHECK_FALSE(findIndexedRecord(header + records, header.size(), "I", "T", "A::One"));
  std::string stale =
      header + indexLine("A::One", first + 14) + indexLine("B::Two", first) + records;
  CHECK_FALSE(findIndexedRecord(stale, first, "I", "T", "A::One"));
}
