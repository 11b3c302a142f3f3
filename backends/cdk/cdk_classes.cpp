// Loading the L1 class table (data/cdk-classes.tsv).
#include "backends/cdk/cdk_classes.h"

#include "ir/type_table.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace pm::backends::cdk {

namespace {

bool equalsIgnoringCase(std::string_view lowered, std::string_view name) {
  if (lowered.size() != name.size())
    return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (lowered[i] != std::tolower(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}

std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos)
      return fields;
    start = tab + 1;
  }
}

// Where the table may be: the data override directory, the installed share directory beside the
// binary, then this source folder's data/ (a build tree).
std::vector<std::filesystem::path> searchPaths() {
  namespace fs = std::filesystem;
  if (const char* override = std::getenv(ir::kDataDirEnvironmentVariable); override && *override)
    return {fs::path(override) / kCdkClassesFile};
  std::vector<fs::path> paths;
  std::error_code error;
  fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error)
    paths.push_back(executable.parent_path().parent_path() / "share" / "proton-migrate" /
                    kCdkClassesFile);
#ifdef PM_CDK_SOURCE_DATA_DIR
  paths.push_back(fs::path(PM_CDK_SOURCE_DATA_DIR) / kCdkClassesFile); // a build tree
#endif
  paths.push_back(fs::path(__FILE__).parent_path() / "data" / kCdkClassesFile);
  return paths;
}

} // namespace

const CdkProperty* CdkStruct::find(std::string_view cloudFormationName) const {
  for (const CdkProperty& property : properties)
    if (equalsIgnoringCase(property.key, cloudFormationName))
      return &property;
  return nullptr;
}

const CdkClasses& CdkClasses::instance() {
  static std::once_flag once;
  static std::unique_ptr<CdkClasses> table;
  std::call_once(once, [] {
    std::string looked;
    for (const std::filesystem::path& path : searchPaths()) {
      std::ifstream in(path);
      if (!in)
        continue;
      std::ostringstream text;
      text << in.rdbuf();
      table = fromText(text.str());
      return;
    }
    for (const std::filesystem::path& path : searchPaths())
      looked += (looked.empty() ? "" : ", ") + path.string();
    table.reset(new CdkClasses());
    table->loadError_ = "the CDK class table " + std::string(kCdkClassesFile) +
                        " was not found (looked in: " + looked + ")";
  });
  return *table;
}

std::unique_ptr<CdkClasses> CdkClasses::fromText(std::string text) {
  std::unique_ptr<CdkClasses> table(new CdkClasses());
  table->text_ = std::move(text);
  table->parse();
  return table;
}

void CdkClasses::parse() {
  std::string_view rest = text_;
  CdkStruct* current = nullptr;
  std::vector<std::pair<CdkClass, std::string_view>> classes; // with their props struct id
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.empty() || line.front() == '#')
      continue;
    std::vector<std::string_view> fields = splitTabs(line);
    if (fields[0] == "R" && fields.size() >= 5) {
      classes.push_back({CdkClass{fields[1], fields[2], fields[3], nullptr}, fields[4]});
      structs_.push_back(std::make_unique<CdkStruct>(CdkStruct{fields[4], {}}));
      current = structs_.back().get();
    } else if (fields[0] == "S" && fields.size() >= 2) {
      structs_.push_back(std::make_unique<CdkStruct>(CdkStruct{fields[1], {}}));
      current = structs_.back().get();
    } else if (fields[0] == "P" && fields.size() >= 5 && current) {
      current->properties.push_back({fields[1], fields[2], fields[3], fields[4] == "1"});
    }
  }
  for (const auto& entry : structs_)
    structsById_.emplace(entry->id, entry.get());
  for (auto& [cdkClass, propsId] : classes) {
    cdkClass.props = findStruct(propsId);
    classes_.emplace(cdkClass.cloudFormationType, cdkClass);
  }
}

const CdkClass* CdkClasses::find(std::string_view cloudFormationType) const {
  auto found = classes_.find(cloudFormationType);
  return found == classes_.end() ? nullptr : &found->second;
}

const CdkStruct* CdkClasses::findStruct(std::string_view id) const {
  auto found = structsById_.find(id);
  return found == structsById_.end() ? nullptr : found->second;
}

} // namespace pm::backends::cdk
