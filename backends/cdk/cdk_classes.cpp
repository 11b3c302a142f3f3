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
      if (auto text = ir::TableText::map(path.string())) {
        table.reset(new CdkClasses());
        table->text_ = std::move(*text);
        return;
      }
      looked += (looked.empty() ? "" : ", ") + path.string();
    }
    table.reset(new CdkClasses());
    table->loadError_ = "the CDK class table " + std::string(kCdkClassesFile) +
                        " was not found (looked in: " + looked + ")";
  });
  return *table;
}

std::unique_ptr<CdkClasses> CdkClasses::fromText(std::string text) {
  std::unique_ptr<CdkClasses> table(new CdkClasses());
  table->text_ = ir::TableText::fromString(std::move(text));
  return table;
}

// Parses a struct's P lines (the record's first line is its R or S header) and keeps it under
// `id`; the first struct of an id wins, as the table lists it.
const CdkStruct* CdkClasses::addStruct(std::string_view id, std::string_view record) const {
  auto added = std::make_unique<CdkStruct>(CdkStruct{id, {}});
  std::size_t start = record.find('\n');
  while (start != std::string_view::npos && start + 1 < record.size()) {
    std::size_t end = record.find('\n', start + 1);
    std::vector<std::string_view> fields = splitTabs(record.substr(start + 1, end - start - 1));
    if (fields[0] == "P" && fields.size() >= 5)
      added->properties.push_back({fields[1], fields[2], fields[3], fields[4] == "1"});
    start = end;
  }
  auto [entry, inserted] = structs_.emplace(id, std::move(added));
  return entry->second.get();
}

// A props struct named by id only (not through its class): the R record that names it.
const CdkStruct* CdkClasses::findPropsStruct(std::string_view id) const {
  std::string_view text = text_.text();
  for (std::size_t start = ir::nextRecord(text, 0, "R", "S"); start != std::string_view::npos;
       start = ir::nextRecord(text, start + 1, "R", "S")) {
    std::string_view record = ir::recordAt(text, start, "R", "S");
    std::vector<std::string_view> fields = splitTabs(record.substr(0, record.find('\n')));
    if (fields.size() >= 5 && fields[4] == id)
      return addStruct(fields[4], record);
  }
  return nullptr;
}

const CdkClass* CdkClasses::find(std::string_view cloudFormationType) const {
  std::lock_guard lock(mutex_);
  if (auto cached = classes_.find(cloudFormationType); cached != classes_.end())
    return cached->second.get();
  std::string_view record = ir::findSortedRecord(text_.text(), "R", cloudFormationType, "S");
  std::vector<std::string_view> fields = splitTabs(record.substr(0, record.find('\n')));
  if (record.empty() || fields.size() < 5)
    return nullptr; // not cached: the caller's name may not outlive the call
  auto props = structs_.find(fields[4]);
  const CdkStruct* propsStruct =
      props != structs_.end() ? props->second.get() : addStruct(fields[4], record);
  auto added = std::make_unique<CdkClass>(CdkClass{fields[1], fields[2], fields[3], propsStruct});
  return classes_.emplace(fields[1], std::move(added)).first->second.get();
}

const CdkStruct* CdkClasses::findStruct(std::string_view id) const {
  std::lock_guard lock(mutex_);
  if (auto cached = structs_.find(id); cached != structs_.end())
    return cached->second.get();
  if (!structsStart_)
    structsStart_ = ir::sectionStart(text_.text(), "S", "R");
  if (*structsStart_ != std::string_view::npos) {
    std::string_view record = ir::findSortedRecord(text_.text().substr(*structsStart_), "S", id);
    if (!record.empty())
      return addStruct(ir::recordKey(record, 0), record);
  }
  return findPropsStruct(id); // a miss is not cached: the caller's id may not outlive the call
}

} // namespace pm::backends::cdk
