// Writing and reading the marker of generated folders.
#include "tools/proton-migrate/output_marker.h"

#include "ir/file_contents.h"
#include "ir/thread_pool.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#ifndef PM_VERSION
#define PM_VERSION "0.0.0"
#endif

namespace pm::driver {

namespace fs = std::filesystem;

namespace {

// Options whose values are input files; their content, not their path, goes into the marker.
const std::set<std::string> kFileOptions = {
    "path", "spec", "env-outputs", "component-outputs", "stack-dump", "root"};
// Options that say where and how to write, not what: left out.
const std::set<std::string> kOutputOptions = {"output", "force", "incremental", "jobs",
                                              "report", "shard", "fail-on"};

// FNV-1a, 64 bits: a change detector for generated code, not a defence against forgery.
std::string contentHash(const std::string& bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
  return fmt::format("fnv1a64:{:016x}", hash);
}

// Empty (hashed as an empty file) when the file cannot be read.
std::string readBytes(const fs::path& path) {
  return ir::readFileContents(path).value_or(std::string());
}

// Folders no conversion reads: version control and installed packages. Hidden files are read
// (.template-registration.yaml), so they are hashed.
bool skippedFolder(const fs::path& name) {
  std::string text = name.string();
  return text.empty() || text[0] == '.' || text == "node_modules";
}

// Every file of an input, keyed by the input's own name and the file's path inside it, so the
// marker does not depend on where the input lies.
void hashInput(const std::string& given, std::map<std::string, std::string>& hashes) {
  fs::path root(given);
  std::string name = root.lexically_normal().filename().string();
  if (name.empty() || name == ".")
    name = fs::absolute(root).lexically_normal().parent_path().filename().string();
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    hashes[name] = fs::is_regular_file(root, error) ? contentHash(readBytes(root)) : "missing";
    return;
  }
  for (auto it = fs::recursive_directory_iterator(root, error);
       it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_directory(error) && skippedFolder(it->path().filename()))
      it.disable_recursion_pending();
    else if (it->is_regular_file(error))
      // lexically: the iterator's paths are under `root` as given (fs::relative would resolve
      // every component of both, two readlink calls per component per file).
      hashes[name + "/" + it->path().lexically_relative(root).generic_string()] =
          contentHash(readBytes(it->path()));
  }
}

std::vector<std::string> valueWords(const po::variable_value& value) {
  const boost::any& held = value.value();
  if (const auto* text = boost::any_cast<std::string>(&held))
    return {*text};
  if (const auto* list = boost::any_cast<std::vector<std::string>>(&held))
    return *list;
  if (const auto* flag = boost::any_cast<bool>(&held))
    return {*flag ? "true" : "false"};
  if (const auto* number = boost::any_cast<int>(&held))
    return {std::to_string(*number)};
  return {"?"};
}

std::string jsonString(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    if (static_cast<unsigned char>(c) < 0x20)
      quoted += fmt::format("\\u{:04x}", c);
    else
      quoted += c;
  }
  return quoted + "\"";
}

void writeObject(std::ostringstream& out, const std::map<std::string, std::string>& entries) {
  out << "{";
  const char* separator = "\n";
  for (const auto& [key, value] : entries) {
    out << separator << "    " << jsonString(key) << ": " << jsonString(value);
    separator = ",\n";
  }
  out << (entries.empty() ? "}" : "\n  }");
}

bool holdsFiles(const fs::path& directory) {
  std::error_code error;
  return fs::is_directory(directory, error) && !fs::is_empty(directory, error);
}

} // namespace

void declareOutputFolderOptions(po::options_description& options) {
  options.add_options()("force", po::bool_switch(),
                        "replace an output folder that holds files but no marker of ours")(
      "incremental", po::bool_switch(),
      "skip an output whose marker shows the same tool version and inputs");
}

namespace {

// Hashes the inputs `values` names that `known` lacks, on `threads` threads.
void hashNewInputs(const po::variables_map& values, InputHashes& known, unsigned threads) {
  std::vector<std::string> unhashed;
  std::set<std::string> seen;
  for (const auto& [name, value] : values)
    if (kFileOptions.count(name) && !value.defaulted())
      for (const std::string& path : valueWords(value))
        if (!known.count(path) && seen.insert(path).second)
          unhashed.push_back(path);
  std::vector<std::map<std::string, std::string>> hashes(unhashed.size());
  ir::runJobs(unhashed.size(), threads,
              [&](std::size_t index) { hashInput(unhashed[index], hashes[index]); });
  for (std::size_t index = 0; index < unhashed.size(); ++index)
    known.emplace(unhashed[index], std::move(hashes[index]));
}

} // namespace

std::string markerText(const po::variables_map& values, InputHashes* hashed, unsigned threads) {
  InputHashes unshared;
  InputHashes& known = hashed ? *hashed : unshared;
  hashNewInputs(values, known, threads);
  std::map<std::string, std::string> inputs;
  std::map<std::string, std::string> settings;
  for (const auto& [name, value] : values) {
    if (kOutputOptions.count(name) || value.defaulted())
      continue;
    std::vector<std::string> words = valueWords(value);
    if (kFileOptions.count(name)) {
      for (const std::string& path : words)
        inputs.insert(known.at(path).begin(), known.at(path).end());
      continue;
    }
    std::string joined;
    for (const std::string& word : words)
      joined += (joined.empty() ? "" : "\n") + word;
    settings[name] = joined;
  }
  std::ostringstream out;
  out << "{\n  \"generator\": " << jsonString(std::string("proton-migrate ") + PM_VERSION)
      << ",\n  \"settings\": ";
  writeObject(out, settings);
  out << ",\n  \"inputs\": ";
  writeObject(out, inputs);
  out << "\n}\n";
  return out.str();
}

OutputDecision decideOutput(const std::string& directory, const std::string& marker,
                            const po::variables_map& values) {
  fs::path folder(directory);
  fs::path markerPath = folder / std::string(kMarkerFile);
  std::error_code error;
  bool ours = fs::is_regular_file(markerPath, error);
  if (ours && values.count("incremental") && values["incremental"].as<bool>() &&
      readBytes(markerPath) == marker)
    return OutputDecision::UpToDate;
  bool forced = values.count("force") && values["force"].as<bool>();
  if (!ours && !forced && holdsFiles(folder))
    return OutputDecision::Refuse;
  return OutputDecision::Write;
}

std::string refusalMessage(const std::string& directory) {
  return fmt::format("{} holds files but no {}: it was not generated by proton-migrate; "
                     "choose another folder or pass --force to replace it",
                     directory, kMarkerFile);
}

} // namespace pm::driver
