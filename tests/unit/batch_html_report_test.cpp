// The HTML batch report opens in headless Chromium without console errors, its script runs, and
// the DOM holds the table and the charts. Skips when Chromium is not installed.
#include "tests/unit/process_runner.h"
#include "tests/unit/temp_tree.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

namespace {

std::string chromium() {
  for (const char* path :
       {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (std::filesystem::exists(path))
      return path;
  return "";
}

} // namespace

TEST_CASE("The HTML batch report renders in headless Chromium with no console errors") {
  std::string browser = chromium();
  if (browser.empty()) {
    MESSAGE("skipped: no Chromium installed");
    return;
  }
  pm::test::TempTree work;
  auto batch = pm::test::runProcess({PM_BINARY, "batch", std::string(PM_SOURCE_DIR) + "/fixtures",
                                     "--to", "terraform", "-o", work.path("out"), "--report",
                                     "html", "--fail-on", "never"},
                                    PM_SOURCE_DIR, 600);
  REQUIRE(batch.exitCode == 0);
  std::string page = work.path("out/batch-report.html");
  auto dom = pm::test::runProcess(
      {browser, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
       "--user-data-dir=" + work.path("profile"), "--dump-dom", "file://" + page},
      work.path(), 120);
  INFO(dom.err);
  REQUIRE(dom.exitCode == 0);
  CHECK(dom.out.find("data-ready=\"true\"") != std::string::npos); // the script ran to its end
  CHECK(dom.out.find("<table id=\"bundles\">") != std::string::npos);
  CHECK(dom.out.find("<svg") != std::string::npos);
  CHECK(dom.out.find("env-vpc-cfn") != std::string::npos);
  CHECK(dom.err.find("Uncaught") == std::string::npos);
  CHECK(dom.err.find(":ERROR:CONSOLE") == std::string::npos);

  // Sorted by the resources column (#sort=4), the first row is one without resources.
  auto sorted = pm::test::runProcess({browser, "--headless", "--no-sandbox", "--disable-gpu",
                                      "--user-data-dir=" + work.path("profile"), "--dump-dom",
                                      "file://" + page + "#sort=4"},
                                     work.path(), 120);
  REQUIRE(sorted.exitCode == 0);
  std::size_t body = sorted.out.find("<tbody>");
  REQUIRE(body != std::string::npos);
  std::string firstRow = sorted.out.substr(body, sorted.out.find("</tr>", body) - body);
  // The status cell, then the resources cell.
  static const std::regex kNoResources(R"re(<td class="([a-z-]+)">\1</td><td class="n">0</td>)re");
  CHECK(std::regex_search(firstRow, kNoResources));
  CHECK(sorted.out.find("data-order=\"asc\"") != std::string::npos);
}
