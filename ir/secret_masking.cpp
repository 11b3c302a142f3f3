// Secret masking at the output boundary.
#include "ir/secret_masking.h"

#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <mutex>
#include <regex>
#include <set>
#include <span>

namespace pm::ir {

namespace {

constexpr std::array<std::string_view, 8> kSecretNameParts{
    "password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credential"};

constexpr std::size_t kShortestRegisteredSecret = 4;

// For each byte, the kSecretNameParts starting with it in either case, as bits.
constexpr std::array<std::uint8_t, 256> kPartsStartingWith = [] {
  std::array<std::uint8_t, 256> table{};
  for (std::size_t part = 0; part < kSecretNameParts.size(); ++part) {
    auto first = static_cast<unsigned char>(kSecretNameParts[part].front());
    table[first] |= static_cast<std::uint8_t>(1u << part);
    table[first - ('a' - 'A')] |= static_cast<std::uint8_t>(1u << part);
  }
  return table;
}();

// Whether `text` starts with the lower-case `part`, ignoring ASCII case.
bool startsWithFolded(std::string_view text, std::string_view part) {
  if (text.size() < part.size())
    return false;
  for (std::size_t index = 0; index < part.size(); ++index) {
    char c = text[index];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) != part[index])
      return false;
  }
  return true;
}

std::mutex& registryMutex() {
  static std::mutex mutex;
  return mutex;
}

// Longest first, so a secret holding another is masked whole.
struct LongestFirst {
  bool operator()(const std::string& a, const std::string& b) const {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  }
};

std::set<std::string, LongestFirst>& registeredSecrets() {
  static std::set<std::string, LongestFirst> values;
  return values;
}

// Set once the first value is registered: most runs register none, and their printing threads
// should not queue on the registry's lock for every line.
std::atomic<bool> anyRegistered{false};

void replaceAll(std::string& text, const std::string& value) {
  for (std::size_t at = text.find(value); at != std::string::npos;
       at = text.find(value, at + kSecretMask.size()))
    text.replace(at, value.size(), kSecretMask);
}

std::string alternation(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words)
    out.append(out.empty() ? "" : "|").append(word);
  return out;
}

const std::regex& accessKeyPattern() {
  static const std::regex pattern("(AKIA|ASIA)[0-9A-Z]{16}");
  return pattern;
}

// `KEY: value`, `KEY = value`, `"KEY": "value"` where KEY (a whole word, so not the
// `secretsmanager` inside `{{resolve:secretsmanager:...}}`) names a secret. A value that is a
// reference rather than the secret itself (`!Ref`, `{{resolve:...}}`, `${...}`, an object) is
// left alone.
const std::regex& secretAssignment() {
  static const std::regex pattern(R"((^|[\s"'{,(\[])([A-Za-z0-9_.-]*()" +
                                      alternation(kSecretNameParts) +
                                      R"()[A-Za-z0-9_.-]*)(["']?[ \t]*[:=][ \t]*["']?))"
                                      R"(([^"'\s,{}\[\]!$][^"'\s,{}\[\]]*))",
                                  std::regex::ECMAScript | std::regex::icase);
  return pattern;
}

constexpr int kValueGroup = 5;

std::string maskAssignmentsInLine(const std::string& line) {
  std::string out;
  auto begin = std::sregex_iterator(line.begin(), line.end(), secretAssignment());
  std::size_t copied = 0;
  for (auto match = begin; match != std::sregex_iterator(); ++match) {
    std::size_t valueAt = static_cast<std::size_t>(match->position(kValueGroup));
    out.append(line, copied, valueAt - copied);
    out += kSecretMask;
    copied = valueAt + static_cast<std::size_t>(match->length(kValueGroup));
  }
  out.append(line, copied, std::string::npos);
  return out;
}

// Line by line, the pattern only where a secret name appears: reports run to megabytes.
std::string maskAssignments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    std::string line = text.substr(start, end - start);
    out += namesSecret(line) ? maskAssignmentsInLine(line) : line;
    start = end;
  }
  return out;
}

} // namespace

bool namesSecret(std::string_view name) {
  // One table lookup per byte, no lowered copy: every printed diagnostic asks twice.
  for (std::size_t at = 0; at < name.size(); ++at) {
    for (unsigned candidates = kPartsStartingWith[static_cast<unsigned char>(name[at])];
         candidates != 0; candidates &= candidates - 1) {
      if (startsWithFolded(name.substr(at), kSecretNameParts[std::countr_zero(candidates)]))
        return true;
    }
  }
  return false;
}

bool looksLikeAccessKey(std::string_view text) {
  return std::regex_search(text.begin(), text.end(), accessKeyPattern());
}

void registerSecretValue(std::string_view value) {
  if (value.size() < kShortestRegisteredSecret)
    return;
  std::lock_guard<std::mutex> lock(registryMutex());
  registeredSecrets().emplace(value);
  anyRegistered.store(true, std::memory_order_release);
}

std::string maskSecrets(std::string_view text) {
  std::string out(text);
  if (anyRegistered.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(registryMutex());
    for (const std::string& value : registeredSecrets())
      replaceAll(out, value);
  }
  if (out.find("AKIA") != std::string::npos || out.find("ASIA") != std::string::npos)
    out = std::regex_replace(out, accessKeyPattern(), std::string(kSecretMask));
  // Most text names no secret at all: only then is it split into lines for the pattern.
  return namesSecret(out) ? maskAssignments(out) : out;
}

} // namespace pm::ir
