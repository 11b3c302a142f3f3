// Loading the CloudFormation type table: one pass over the text to index the types, and each
// type's own lines parsed on its first use, so loading costs one file read and a line scan.
#include "ir/type_table.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#ifndef PM_SOURCE_DATA_DIR
#define PM_SOURCE_DATA_DIR ""
#endif
#ifndef PM_DATA_INSTALL_DIR
#define PM_DATA_INSTALL_DIR ""
#endif

namespace pm::ir {

namespace {

// Splits `text` at `separator`; the pieces view into `text`.
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos)
      return pieces;
    start = end + 1;
  }
}

// Calls each(line) for every line of `text` without its newline.
template <typename Each> void forEachLine(std::string_view text, Each&& each) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    each(text.substr(start, end - start));
    start = end + 1;
  }
}

PropertyInfo parseProperty(const std::vector<std::string_view>& fields) {
  PropertyInfo info;
  info.name = fields.size() > 1 ? fields[1] : std::string_view();
  info.type = fields.size() > 2 ? fields[2] : std::string_view("json");
  std::string_view flags = fields.size() > 3 ? fields[3] : std::string_view();
  info.required = flags.find('r') != std::string_view::npos;
  info.createOnly = flags.find('c') != std::string_view::npos;
  info.readOnly = flags.find('o') != std::string_view::npos;
  return info;
}

const PropertyInfo* findProperty(const std::vector<PropertyInfo>& properties,
                                 std::string_view name) {
  auto found = std::find_if(properties.begin(), properties.end(),
                            [&](const PropertyInfo& p) { return p.name == name; });
  return found == properties.end() ? nullptr : &*found;
}

// An attribute pattern's '*' segment stands for one segment (an array element or an output
// name); a trailing '*' also accepts deeper names.
bool attributeMatches(std::string_view pattern, std::string_view attribute) {
  if (pattern.find('*') == std::string_view::npos)
    return pattern == attribute;
  std::vector<std::string_view> want = split(pattern, '.');
  std::vector<std::string_view> have = split(attribute, '.');
  bool openEnded = want.back() == "*";
  if (have.size() < want.size() || (!openEnded && have.size() != want.size()))
    return false;
  for (std::size_t i = 0; i < want.size(); ++i)
    if (want[i] != "*" && want[i] != have[i])
      return false;
  return true;
}

std::string joinPath(std::string_view directory) {
  std::string path(directory);
  if (!path.empty() && path.back() != '/')
    path += '/';
  return path + std::string(kTypeTableFile);
}

} // namespace

const PropertyInfo* PropertyType::property(std::string_view propertyName) const {
  return findProperty(properties, propertyName);
}

ResourceType::ResourceType(std::string_view block) : block_(block) {
  std::string_view header = block.substr(0, block.find('\n'));
  std::vector<std::string_view> fields = split(header, '\t');
  fields.resize(std::max<std::size_t>(fields.size(), 5));
  name_ = fields[1];
  refReturns_ = fields[2] == "-" ? std::string_view() : fields[2];
  if (!fields[3].empty() && fields[3] != "-")
    primaryIdentifier_ = split(fields[3], ',');
  transformType_ = fields[4] == "transform";
}

const ResourceType::Details& ResourceType::details() const {
  std::call_once(parsed_, [this] {
    PropertyType* nested = nullptr;
    forEachLine(block_, [&](std::string_view line) {
      std::vector<std::string_view> fields = split(line, '\t');
      if (fields[0] == "A") {
        details_.attributes.assign(fields.begin() + 1, fields.end());
      } else if (fields[0] == "N" && fields.size() > 1) {
        details_.nestedTypes.push_back(PropertyType{fields[1], {}});
        nested = &details_.nestedTypes.back();
      } else if (fields[0] == "P") {
        (nested ? nested->properties : details_.properties).push_back(parseProperty(fields));
      } else if (fields[0] == "C" && fields.size() > 1) {
        details_.nestedCreateOnlyPaths.push_back(fields[1]);
      }
    });
  });
  return details_;
}

const std::vector<PropertyInfo>& ResourceType::properties() const {
  return details().properties;
}

const PropertyInfo* ResourceType::property(std::string_view propertyName) const {
  return findProperty(details().properties, propertyName);
}

const PropertyType* ResourceType::nestedType(std::string_view typeName) const {
  for (const PropertyType& nested : details().nestedTypes)
    if (nested.name == typeName)
      return &nested;
  return nullptr;
}

const std::vector<std::string_view>& ResourceType::attributes() const {
  return details().attributes;
}

const std::vector<std::string_view>& ResourceType::nestedCreateOnlyPaths() const {
  return details().nestedCreateOnlyPaths;
}

bool ResourceType::hasAttribute(std::string_view attribute) const {
  const std::vector<std::string_view>& all = details().attributes;
  return std::any_of(all.begin(), all.end(), [&](std::string_view pattern) {
    return attributeMatches(pattern, attribute);
  });
}

void TypeTable::checkNotEmpty() {
  firstType_ = nextRecord(text_.text(), 0, "T");
  if (firstType_ == std::string_view::npos)
    loadError_ = "the type table " + (path_.empty() ? std::string("text") : path_) +
                 " contains no resource types";
}

std::unique_ptr<TypeTable> TypeTable::fromText(std::string text) {
  std::unique_ptr<TypeTable> table(new TypeTable());
  table->text_ = TableText::fromString(std::move(text));
  table->checkNotEmpty();
  return table;
}

std::unique_ptr<TypeTable> TypeTable::load(const std::string& path) {
  std::unique_ptr<TypeTable> table(new TypeTable());
  table->path_ = path;
  std::optional<TableText> text = TableText::map(path);
  if (!text) {
    table->loadError_ = "cannot read the type table " + path;
    return table;
  }
  table->text_ = std::move(*text);
  table->checkNotEmpty();
  return table;
}

std::vector<std::string> TypeTable::searchPaths() {
  std::vector<std::string> paths;
  if (const char* override = std::getenv(kDataDirEnvironmentVariable); override && *override) {
    std::string value(override);
    // An explicit override is the only place looked at: falling back would hide its typo.
    paths.push_back(value.ends_with(kTypeTableFile) ? value : joinPath(value));
    return paths;
  }
  // Installed: <prefix>/bin/proton-migrate next to <prefix>/share/proton-migrate, whatever the
  // prefix the package was built for; a build tree falls through to the sources.
  std::error_code error;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error)
    paths.push_back(
        joinPath((executable.parent_path().parent_path() / "share" / "proton-migrate").string()));
  for (std::string_view directory : {PM_SOURCE_DATA_DIR, PM_DATA_INSTALL_DIR})
    if (!directory.empty())
      paths.push_back(joinPath(directory));
  return paths;
}

const TypeTable& TypeTable::instance() {
  static std::once_flag once;
  static std::unique_ptr<TypeTable> table;
  std::call_once(once, [] {
    std::vector<std::string> paths = searchPaths();
    for (const std::string& path : paths) {
      if (std::ifstream(path).good()) {
        table = load(path);
        return;
      }
    }
    table.reset(new TypeTable());
    std::string looked;
    for (const std::string& path : paths)
      looked += (looked.empty() ? "" : ", ") + path;
    table->loadError_ = "the CloudFormation type table " + std::string(kTypeTableFile) +
                        " was not found (looked in: " + looked + "); set " +
                        kDataDirEnvironmentVariable + " to the directory that holds it";
  });
  return *table;
}

const ResourceType* TypeTable::find(std::string_view typeName) const {
  std::lock_guard lock(mutex_);
  if (auto cached = found_.find(typeName); cached != found_.end())
    return cached->second.get();
  std::optional<std::string_view> indexed =
      findIndexedRecord(text_.text(), firstType_, "I", "T", typeName);
  std::string_view record = indexed ? *indexed : findSortedRecord(text_.text(), "T", typeName);
  if (record.empty())
    return nullptr; // not cached: the caller's name may not outlive the call
  auto type = std::make_unique<ResourceType>(record);
  std::string_view name = type->name();
  return found_.emplace(name, std::move(type)).first->second.get();
}

// Every type name: one scan of the table, made only when a caller needs them all (a misspelt
// type's suggestion).
const std::vector<std::string_view>& TypeTable::allTypes() const {
  std::call_once(listed_, [this] {
    std::string_view text = text_.text();
    for (std::size_t start = nextRecord(text, 0, "T"); start != std::string_view::npos;
         start = nextRecord(text, start + 1, "T"))
      names_.push_back(recordKey(text, start));
  });
  return names_;
}

std::vector<std::string_view> TypeTable::typeNames() const {
  std::vector<std::string_view> names = allTypes();
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace pm::ir
