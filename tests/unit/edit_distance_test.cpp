// The bounded edit distance behind "did you mean" suggestions.
#include "ir/edit_distance.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

TEST_CASE("editDistanceBelow equals editDistance capped at its limit") {
  const std::vector<std::string> names = {"",
                                          "a",
                                          "ab",
                                          "ba",
                                          "abc",
                                          "Bucket",
                                          "Buckets",
                                          "Bukcet",
                                          "AWS::S3::Bucket",
                                          "AWS::S3::Buckte",
                                          "xyzxyzxyz"};
  for (const std::string& a : names)
    for (const std::string& b : names)
      for (std::size_t limit = 0; limit < 5; ++limit) {
        INFO(a << " / " << b << " below " << limit);
        CHECK(pm::ir::editDistanceBelow(a, b, limit) ==
              std::min(pm::ir::editDistance(a, b), limit));
      }
}

TEST_CASE("editDistanceBelow of a very long name stops at its limit") {
  std::string longName(200'000, '\t');
  CHECK(pm::ir::editDistanceBelow(longName, "AWS::S3::Bucket", 3) == 3);
  CHECK(pm::ir::editDistanceBelow(longName, longName + "x", 3) == 1);
}
