// Reading whole files: sized by fstat, grown when the size says nothing (/proc files).
#include "ir/file_contents.h"
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

#include <fstream>

using pm::ir::readFileContents;

TEST_CASE("a file reads back byte for byte, empty and binary ones too") {
  pm::test::TemporaryDirectory work;
  std::string binary("a\0b\r\n\xff", 6);
  for (const std::string& content : {std::string(), binary, std::string(100000, 'x')}) {
    std::filesystem::path file = work.path() / "f";
    std::ofstream(file, std::ios::binary) << content;
    auto read = readFileContents(file);
    REQUIRE(read);
    CHECK(*read == content);
  }
}

TEST_CASE("a file whose size fstat does not tell is read to its end") {
  auto status = readFileContents("/proc/self/status");
  REQUIRE(status);
  CHECK(status->find("Name:") == 0);
  CHECK(status->back() == '\n');
}

TEST_CASE("a missing file or a folder gives nothing") {
  pm::test::TemporaryDirectory work;
  CHECK_FALSE(readFileContents(work.path() / "missing"));
  CHECK_FALSE(readFileContents(work.path()));
}
