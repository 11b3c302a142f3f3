// The unified diffs `check` prints.
#include "tools/proton-migrate/unified_diff.h"

#include <doctest/doctest.h>

using pm::driver::unifiedDiff;

TEST_CASE("Equal texts have no unified diff") {
  CHECK(unifiedDiff("a\nb\n", "a\nb\n", "x", "y").empty());
}

TEST_CASE("A changed line is shown with three lines of context") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(unifiedDiff(before, after, "a/f", "b/f") ==
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("Changes far apart make separate hunks, close ones one hunk") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  std::string diff = unifiedDiff(before, after, "a", "b");
  CHECK(diff.find("@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n") != std::string::npos);
  CHECK(diff.find("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n") != std::string::npos);
}

TEST_CASE("A new file diffs against an empty one, and a missing final newline is marked") {
  CHECK(unifiedDiff("", "a\nb", "/dev/null", "b/f") ==
        "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file\n");
  CHECK(unifiedDiff("a\nb\n", "a\n", "a/f", "b/f") == "--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n a\n-b\n");
}
