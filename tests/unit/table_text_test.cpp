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
