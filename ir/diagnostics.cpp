// Diagnostics collection and Clang-style printing.
#include "ir/diagnostics.h"

#include "ir/secret_masking.h"
#include "ir/thread_pool.h"

#include <algorithm>

namespace pm::ir {

const char* severityName(Severity severity) {
  switch (severity) {
  case Severity::Note:
    return "note";
  case Severity::Info:
    return "info";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "error";
}

void Diagnostics::registerSource(const std::string& path, std::string text) {
  auto source = std::make_shared<RegisteredSource>();
  source->text = std::move(text);
  sources_[path] = std::move(source);
}

const std::string* Diagnostics::sourceText(const std::string& path) const {
  auto found = sources_.find(path);
  return found == sources_.end() ? nullptr : &found->second->text;
}

std::string_view Diagnostics::lineText(const std::string& path, int line) const {
  auto found = sources_.find(path);
  if (found == sources_.end())
    return {};
  const RegisteredSource& source = *found->second;
  std::call_once(source.indexed, [&] { source.lines.emplace(source.text); });
  return source.lines->lineText(source.text, line);
}

Diagnostic& Diagnostics::report(Severity severity, std::string ruleId, SourceLocation location,
                                std::string message) {
  if (severity == Severity::Error)
    ++errorCount_;
  diagnostics_.push_back(
      {std::move(ruleId), severity, std::move(message), std::move(location), {}});
  return diagnostics_.back();
}

void Diagnostics::append(const Diagnostics& other, std::size_t first) {
  for (const auto& [path, text] : other.sources_)
    sources_.emplace(path, text);
  for (std::size_t index = first; index < other.diagnostics_.size(); ++index) {
    const Diagnostic& diagnostic = other.diagnostics_[index];
    if (diagnostic.severity == Severity::Error)
      ++errorCount_;
    diagnostics_.push_back(diagnostic);
  }
}

void Diagnostics::appendUnreported(const Diagnostics& other) {
  Diagnostics unreported;
  unreported.sources_ = other.sources_;
  for (const auto& diagnostic : other.diagnostics_) {
    auto same = [&](const Diagnostic& known) {
      return known.ruleId == diagnostic.ruleId && known.severity == diagnostic.severity &&
             known.message == diagnostic.message && known.location == diagnostic.location;
    };
    const auto& added = unreported.diagnostics_;
    if (std::none_of(diagnostics_.begin(), diagnostics_.end(), same) &&
        std::none_of(added.begin(), added.end(), same))
      unreported.diagnostics_.push_back(diagnostic);
  }
  append(unreported);
}

std::string Diagnostics::sourceLine(const SourceLocation& location) const {
  std::string_view line = lineText(location.file, location.line);
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  return std::string(line);
}

namespace {

// Control characters of a hostile input (a line break, NUL, a terminal escape) written as \xNN,
// so a diagnostic stays one line and cannot drive the terminal; tabs stay for the caret.
bool isControl(char c) {
  auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t') || byte == 0x7f;
}

std::string printable(std::string text) {
  if (std::none_of(text.begin(), text.end(), isControl))
    return text;
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (isControl(c)) {
      static const char kHex[] = "0123456789abcdef";
      out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xf]};
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace

void Diagnostics::printOne(std::string& out, const Diagnostic& diagnostic) const {
  if (!diagnostic.location.file.empty())
    out.append(diagnostic.location.str()).append(": ");
  out.append(severityName(diagnostic.severity))
      .append(": ")
      .append(printable(maskSecrets(diagnostic.message)));
  if (!diagnostic.ruleId.empty())
    out.append(" [").append(diagnostic.ruleId).append("]");
  out += '\n';
  std::string source = sourceLine(diagnostic.location);
  std::string line = printable(maskSecrets(source));
  if (!line.empty()) {
    out.append(line) += '\n';
    if (diagnostic.location.column > 0) {
      // The caret goes under what the column's text became: a masked secret or an escaped
      // control character before it changes the width. Tabs stay, to line up in a terminal.
      auto before =
          std::min(source.size(), static_cast<std::size_t>(diagnostic.location.column - 1));
      std::string shown = printable(maskSecrets(std::string_view(source).substr(0, before)));
      for (std::size_t i = 0; i < shown.size() && i < line.size(); ++i)
        out += shown[i] == '\t' ? '\t' : ' ';
      out.append("^\n");
    }
  }
  for (const auto& note : diagnostic.notes)
    printOne(out, note);
}

void Diagnostics::print(const std::vector<Diagnostic>& diagnostics, std::ostream& out,
                        unsigned threads) const {
  // Masking and finding the source line are most of the printing of a long run's thousands of
  // findings: runs of them are formatted on the pool, then written in order.
  constexpr std::size_t kRun = 128;
  std::vector<std::string> texts((diagnostics.size() + kRun - 1) / kRun);
  runJobs(texts.size(), threads, [&](std::size_t run) {
    std::size_t end = std::min(diagnostics.size(), (run + 1) * kRun);
    for (std::size_t index = run * kRun; index < end; ++index)
      printOne(texts[run], diagnostics[index]);
  });
  std::string text;
  for (const std::string& part : texts)
    text += part;
  out << text;
}

} // namespace pm::ir
