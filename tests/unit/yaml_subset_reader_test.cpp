// The YAML subset reader against yaml-cpp's reading: the constructs it must take, those it must
// leave to yaml-cpp, and every YAML file of the fixtures and the corpus (skipped when absent),
// as written and with random edits, read identically whenever the subset reader accepts it.
#include "frontend/cloudformation/yaml_subset_reader.h"
#include "tests/fuzz/yaml_subset_difference.h"
#include "tests/unit/process_runner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool accepted(const std::string& text) {
  return pm::frontend::readYamlSubset("t.yaml", text).has_value();
}

void checkSameAsYamlCpp(const std::string& text) {
  INFO("text:\n" << text);
  CHECK(accepted(text));
  CHECK(pm::fuzz::yamlSubsetDifference(text) == "");
}

// The fixtures, the corpus, and the folder PM_YAML_SUBSET_FILES names if set (for checking a
// generated estate of rendered templates by hand).
std::vector<fs::path> yamlFiles() {
  std::vector<fs::path> files;
  const fs::path source = PM_SOURCE_DIR;
  std::vector<fs::path> roots{source / "fixtures", source / ".." / "shared" / "corpus"};
  if (const char* extra = std::getenv("PM_YAML_SUBSET_FILES"))
    roots.emplace_back(extra);
  for (const fs::path& root : roots) {
    if (!fs::is_directory(root))
      continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml"))
        files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// One random edit of the kind that moves YAML between its constructs: a significant character
// inserted or deleted, a line's indentation changed, a line repeated.
std::string edited(const std::string& text, std::mt19937& random) {
  static const std::string kSignificant = " :-#'\"[]{},!|>\n&*?%\\ab0";
  if (text.empty())
    return text;
  std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
  std::string out = text;
  std::size_t lineStart = out.rfind('\n', at) == std::string::npos ? 0 : out.rfind('\n', at) + 1;
  switch (random() % 5) {
  case 0:
    out.insert(at, 1, kSignificant[random() % kSignificant.size()]);
    break;
  case 1:
    out.erase(at, 1);
    break;
  case 2:
    out.insert(lineStart, std::string(1 + random() % 3, ' '));
    break;
  case 3:
    if (out[lineStart] == ' ')
      out.erase(lineStart, 1 + random() % 2);
    break;
  default: {
    std::size_t lineEnd = out.find('\n', at);
    std::string line = out.substr(
        lineStart, lineEnd == std::string::npos ? std::string::npos : lineEnd - lineStart + 1);
    out.insert(lineStart, line);
  }
  }
  return out;
}

} // namespace

TEST_CASE("The YAML subset reader reads template constructs as yaml-cpp does") {
  const char* const texts[] = {
      "A: 1\nB: two\nC: 'three'\nD: \"four\"\n",
      "Key: value # comment\n# whole-line comment\nOther: x\n",
      "---\nA: 1\n",
      "Root:\n  Nested:\n    Deep: v\n  Next: w\nLast: z",
      "Empty:\nNext: 1\nNul: null\nTilde: ~\nTrue: true\nNum: -1.5e3\nFalseish: no\n",
      "List:\n  - a\n  - 'b'\n  - - c\n    - d\n  - k: v\n    k2: v2\n  -\n    deep: 1\n",
      "Indentless:\n- a\n- b\nAfter: 1\n",
      "Ref: !Ref Name\nAtt: !GetAtt Res.Arn\nSub: !Sub '${AWS::Region}-x'\n",
      "If: !If\n  - Cond\n  - !Ref A\n  - !Ref AWS::NoValue\n",
      "Join: !Join ['', [a, !Ref B, 'c']]\nMap: {Key: Value, \"Q\": 'x', N: 1}\n",
      "Json: {\"Fn::GetAtt\": [\"A\", \"Arn\"], \"K\":\"v\"}\nE: []\nF: {}\n",
      "Multi: [a,\n  b,\n  c]\n",
      "Lit: |\n  line 1\n\n  line 3\nStrip: |-\n  a\n   b\nFold: >\n  a\n  b\n\n  c\n",
      "Seq:\n  - !Sub |\n    echo ${X}\n    done\n  - !Base64 >-\n    x\n    y\n",
      "Block: |\n    indented\n  \n    more\n\n\nNext: 1\n",
      "Esc: \"a\\tb\\n\\\"c\\\\ \\u00e9 \\x41 \\U0001F600\"\nQ: 'it''s'\n",
      "Arn: arn:aws:s3:::bucket/*\nFlow: [arn:aws:s3:::b, 'x']\nUrl: http://a?b=c\n",
      "Key : spaced\n\"Quoted Key\": 1\n'Single': 2\n",
      "Utf8: caf\xc3\xa9 \xe2\x9c\x93\n",
      "A:\n  B: [1, 2]   # trailing\n  C: !Equals [!Ref Env, prod]\n",
      "Description: A plain scalar\n  continued  \n\n  after an empty line\nNext: 1\n",
      "Seq:\n  - |-2\n      indicated\n    x\n  - >2\n     a\n    b\nK: |1-\n  two\n",
      "Spaces: |\n  a\n      \n  b\n    \nFolded: >\n  a\n     \n  b\n",
      "Fold: >\n  a\n    more\n  b\n\n    more again\n\n  c\n",
  };
  for (const char* text : texts)
    checkSameAsYamlCpp(text);
}

TEST_CASE("The YAML subset reader leaves other YAML to yaml-cpp") {
  const char* const texts[] = {
      "A: &anchor 1\nB: *anchor\n",
      "? complex\n: key\n",
      "%YAML 1.2\n---\nA: 1\n",
      "A: 1\n---\nB: 2\n",
      "A: 'quoted\n  continued'\n",
      "A: |+\n  x\n\n",
      "A:\tb\n",
      "A: b\r\n",
      "\xef\xbb\xbf"
      "A: 1\n",
      "A: b: c\n",
      "a:\n  - !R x\n    y\n",
      "a:\n  !R x\n  y\n",
      "A: !!str 1\n",
      "A: !Ref\nB: 1\n",
      "-\n- a\n",
      "A: [a, b,]\n",
      "A: {a}\n",
      "null: 1\n",
      "A: |\n  no final break",
      "A: 1\n  B: 2\n",
      "",
      "# only a comment\n",
  };
  for (const char* text : texts) {
    INFO("text:\n" << text);
    CHECK_FALSE(accepted(text));
  }
}

TEST_CASE("Every fixture and corpus YAML file, as written and edited, reads as yaml-cpp reads it") {
  std::vector<fs::path> files = yamlFiles();
  REQUIRE(!files.empty());
  std::mt19937 random(20261123);
  std::size_t acceptedFiles = 0;
  std::size_t acceptedEdits = 0;
  for (const fs::path& file : files) {
    std::string text = pm::test::readFile(file);
    INFO(file.string());
    CHECK(pm::fuzz::yamlSubsetDifference(text) == "");
    acceptedFiles += accepted(text);
    for (int edit = 0; edit < 20; ++edit) {
      std::string variant = edited(text, random);
      INFO("edited:\n" << variant);
      CHECK(pm::fuzz::yamlSubsetDifference(variant) == "");
      acceptedEdits += accepted(variant);
    }
  }
  MESSAGE(files.size() << " files, " << acceptedFiles << " read by the subset reader; "
                       << acceptedEdits << " of " << files.size() * 20 << " edits");
}
