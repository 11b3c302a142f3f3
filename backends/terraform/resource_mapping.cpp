// Reading the mapping data files. Both are line based with two-space indentation for nesting,
// so a reviewer can check a mapping without reading C++.
#include "backends/terraform/resource_mapping.h"

#include "ir/type_table.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace pm::tf {

namespace {

constexpr std::string_view kCuratedFile = "aws-resources.txt";
constexpr std::string_view kAwsccFile = "awscc-resources.txt";

struct Line {
  int depth = 0;
  std::vector<std::string> words;
};

// Non-empty, non-comment lines split into words; a word starting with '"' runs to the end of
// the line (a constant HCL value may hold spaces).
std::vector<Line> readLines(const std::string& text) {
  std::vector<Line> lines;
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) {
    std::size_t first = raw.find_first_not_of(' ');
    if (first == std::string::npos || raw[first] == '#')
      continue;
    Line line;
    line.depth = static_cast<int>(first / 2);
    std::size_t at = first;
    while (at < raw.size()) {
      if (raw[at] == ' ') {
        ++at;
        continue;
      }
      if (raw[at] == '"' || raw[at] == '[' || raw[at] == '{') {
        line.words.push_back(raw.substr(at));
        break;
      }
      std::size_t end = raw.find(' ', at);
      if (end == std::string::npos)
        end = raw.size();
      line.words.push_back(raw.substr(at, end - at));
      at = end;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

ArgumentKind argumentKind(std::string_view word) {
  if (word == "tags")
    return ArgumentKind::Tags;
  if (word == "namemap")
    return ArgumentKind::NameMap;
  if (word == "list")
    return ArgumentKind::List;
  if (word == "single")
    return ArgumentKind::Single;
  if (word == "json")
    return ArgumentKind::Json;
  if (word == "block")
    return ArgumentKind::Block;
  if (word == "blocks")
    return ArgumentKind::Blocks;
  if (word == "inline")
    return ArgumentKind::Inline;
  if (word == "enabled")
    return ArgumentKind::Enabled;
  if (word == "apijson")
    return ArgumentKind::ApiJson;
  if (word == "spread")
    return ArgumentKind::Spread;
  if (word == "into")
    return ArgumentKind::Into;
  if (word == "keyed")
    return ArgumentKind::Keyed;
  if (word == "fieldblocks")
    return ArgumentKind::FieldBlocks;
  if (word == "pluck")
    return ArgumentKind::Pluck;
  if (word == "dropped")
    return ArgumentKind::Dropped;
  return ArgumentKind::Value;
}

// "arg Property argument [kind]" lines at `depth`, with nested ones for blocks.
std::vector<ArgumentMapping> readArguments(const std::vector<Line>& lines, std::size_t& at,
                                           int depth) {
  std::vector<ArgumentMapping> arguments;
  while (at < lines.size() && lines[at].depth == depth && lines[at].words.size() >= 3 &&
         lines[at].words[0] == "arg") {
    const Line& line = lines[at++];
    ArgumentMapping argument{line.words[1],
                             line.words[2],
                             line.words.size() > 3 ? argumentKind(line.words[3])
                                                   : ArgumentKind::Value,
                             {},
                             {},
                             {}};
    for (std::size_t extra = 4; extra < line.words.size(); ++extra) {
      const std::string& word = line.words[extra];
      std::size_t equals = word.find('=');
      bool pairs = argument.kind == ArgumentKind::Spread || argument.kind == ArgumentKind::Keyed;
      if (pairs && equals != std::string::npos)
        argument.spread.emplace_back(word.substr(0, equals), word.substr(equals + 1));
      else
        argument.keep.push_back(word);
    }
    if (at < lines.size() && lines[at].depth > depth)
      argument.nested = readArguments(lines, at, depth + 1);
    arguments.push_back(std::move(argument));
  }
  return arguments;
}

// "part PROPERTY TYPE SUFFIX [BLOCK]" and its nested set/arg lines.
CompanionMapping readCompanion(const std::vector<Line>& lines, std::size_t& at) {
  const Line& head = lines[at++];
  CompanionMapping companion{head.words[1],
                             head.words[2],
                             head.words[3],
                             head.words.size() > 4 ? head.words[4] : "",
                             {},
                             {}};
  int depth = head.depth + 1;
  while (at < lines.size() && lines[at].depth == depth && lines[at].words.size() >= 3) {
    if (lines[at].words[0] == "set") {
      companion.fixed.emplace_back(lines[at].words[1], lines[at].words[2]);
      ++at;
      continue;
    }
    std::vector<ArgumentMapping> arguments = readArguments(lines, at, depth);
    if (arguments.empty())
      break;
    companion.arguments.insert(companion.arguments.end(), arguments.begin(), arguments.end());
  }
  return companion;
}

std::vector<CuratedMapping> readCurated(const std::string& text) {
  std::vector<CuratedMapping> mappings;
  std::vector<Line> lines = readLines(text);
  for (std::size_t at = 0; at < lines.size();) {
    const Line& line = lines[at];
    if (line.depth == 0 && line.words.size() == 2) {
      mappings.push_back(
          CuratedMapping{line.words[0], line.words[1], "id", {}, {}, {}, false, {}, {}, {}, {}});
      ++at;
      continue;
    }
    if (mappings.empty() || line.words.size() < 2) {
      ++at;
      continue;
    }
    CuratedMapping& mapping = mappings.back();
    const std::string& keyword = line.words[0];
    if (keyword == "arg") {
      std::vector<ArgumentMapping> arguments = readArguments(lines, at, line.depth);
      mapping.arguments.insert(mapping.arguments.end(), arguments.begin(), arguments.end());
      continue;
    }
    if (keyword == "part" && line.words.size() >= 4) {
      mapping.companions.push_back(readCompanion(lines, at));
      continue;
    }
    if (keyword == "ref")
      mapping.refAttribute = line.words[1];
    else if (keyword == "get" && line.words.size() >= 3)
      mapping.attributes[line.words[1]] = line.words[2];
    else if (keyword == "generate" || keyword == "generatelower") {
      mapping.generatedNames.insert(mapping.generatedNames.end(), line.words.begin() + 1,
                                    line.words.end());
      mapping.lowercaseGeneratedNames = keyword == "generatelower";
    } else if (keyword == "need")
      mapping.required.insert(mapping.required.end(), line.words.begin() + 1, line.words.end());
    else if (keyword == "set" && line.words.size() >= 3)
      mapping.fixed.emplace_back(line.words[1], line.words[2]);
    else if (keyword == "move" && line.words.size() >= 3)
      mapping.moves.emplace_back(line.words[1], line.words[2]);
    ++at;
  }
  return mappings;
}

void readAwsccChildren(const std::vector<Line>& lines, std::size_t& at, int depth,
                       AwsccAttribute& parent) {
  while (at < lines.size() && lines[at].depth == depth) {
    const Line& line = lines[at++];
    AwsccAttribute attribute{line.words[0], line.words.size() > 1 ? line.words[1] : "", {}};
    if (at < lines.size() && lines[at].depth > depth)
      readAwsccChildren(lines, at, depth + 1, attribute);
    parent.children.push_back(std::move(attribute));
  }
}

// "ec2|subnet" for awscc_ec2_subnet and for AWS::EC2::Subnet.
std::string awsccKeyOfResource(std::string_view name) {
  name.remove_prefix(std::string_view("awscc_").size());
  std::size_t split = name.find('_');
  if (split == std::string_view::npos)
    return {};
  return normalisedName(name.substr(0, split)) + "|" + normalisedName(name.substr(split + 1));
}

std::string awsccKeyOfType(std::string_view type) {
  if (!type.starts_with("AWS::"))
    return {};
  type.remove_prefix(5);
  std::size_t split = type.find("::");
  if (split == std::string_view::npos)
    return {};
  return normalisedName(type.substr(0, split)) + "|" + normalisedName(type.substr(split + 2));
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> dataDirectories() {
  std::vector<std::filesystem::path> directories;
  if (const char* override = std::getenv(ir::kDataDirEnvironmentVariable); override && *override)
    directories.push_back(std::filesystem::path(override) / "terraform");
  std::error_code error;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error)
    directories.push_back(executable.parent_path().parent_path() / "share" / "proton-migrate" /
                          "terraform");
#ifdef PM_TERRAFORM_SOURCE_DATA_DIR
  directories.push_back(PM_TERRAFORM_SOURCE_DATA_DIR); // a build tree: the sources' data folder
#endif
  // The data folder next to this file, when the compiler was given its absolute path.
  directories.push_back(std::filesystem::path(__FILE__).parent_path() / "data");
  return directories;
}

} // namespace

std::string normalisedName(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != '_')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const ArgumentMapping* CuratedMapping::argument(std::string_view property) const {
  for (const ArgumentMapping& mapping : arguments)
    if (mapping.property == property)
      return &mapping;
  return nullptr;
}

const CompanionMapping* CuratedMapping::companion(std::string_view property) const {
  for (const CompanionMapping& mapping : companions)
    if (mapping.property == property)
      return &mapping;
  return nullptr;
}

std::optional<std::string> readDataFile(std::string_view name) {
  for (const std::filesystem::path& directory : dataDirectories())
    if (std::filesystem::exists(directory / name))
      return readFile(directory / name);
  return std::nullopt;
}

const AwsccAttribute* AwsccAttribute::child(std::string_view property) const {
  std::string wanted = normalisedName(property);
  for (const AwsccAttribute& attribute : children)
    if (normalisedName(attribute.name) == wanted)
      return &attribute;
  return nullptr;
}

std::unique_ptr<MappingTables> MappingTables::fromText(const std::string& curated,
                                                       const std::string& awscc) {
  auto tables = std::make_unique<MappingTables>();
  tables->curated_ = readCurated(curated);
  std::vector<Line> lines = readLines(awscc);
  for (std::size_t at = 0; at < lines.size();) {
    AwsccResource resource{lines[at].words[0], {}};
    ++at;
    readAwsccChildren(lines, at, 1, resource.root);
    std::string key = awsccKeyOfResource(resource.name);
    if (!key.empty())
      tables->awsccByKey_.emplace(key, std::move(resource));
  }
  return tables;
}

const MappingTables& MappingTables::instance() {
  static std::once_flag once;
  static std::unique_ptr<MappingTables> tables;
  std::call_once(once, [] {
    for (const std::filesystem::path& directory : dataDirectories()) {
      if (!std::filesystem::exists(directory / kCuratedFile))
        continue;
      tables = fromText(readFile(directory / kCuratedFile), readFile(directory / kAwsccFile));
      return;
    }
    tables = fromText("", "");
    tables->loadError_ = "the Terraform mapping tables (" + std::string(kCuratedFile) + ", " +
                         std::string(kAwsccFile) + ") were not found; set " +
                         ir::kDataDirEnvironmentVariable +
                         " to a directory holding them under terraform/";
  });
  return *tables;
}

const CuratedMapping* MappingTables::curated(std::string_view cloudFormationType) const {
  auto found = std::find_if(curated_.begin(), curated_.end(), [&](const CuratedMapping& mapping) {
    return mapping.cloudFormationType == cloudFormationType;
  });
  return found == curated_.end() ? nullptr : &*found;
}

const AwsccResource* MappingTables::awscc(std::string_view cloudFormationType) const {
  auto found = awsccByKey_.find(awsccKeyOfType(cloudFormationType));
  return found == awsccByKey_.end() ? nullptr : &found->second;
}

} // namespace pm::tf
