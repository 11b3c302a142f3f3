// The diagnostics engine: every reader, pass and backend reports problems here, with a rule id,
// a severity and a source location; the driver prints them the way Clang does.
#pragma once

#include "ir/line_index.h"
#include "ir/source_location.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pm::ir {

enum class Severity { Note, Info, Warning, Error };

const char* severityName(Severity severity);

struct Diagnostic {
  std::string ruleId; // e.g. "PRS002" or "MIG006"
  Severity severity = Severity::Error;
  std::string message;
  SourceLocation location;
  std::vector<Diagnostic> notes; // secondary locations ("declared here")
};

// Collects diagnostics and keeps the text of every file a reader registered, so a printed
// diagnostic can show its source line with a caret under the column.
class Diagnostics {
public:
  void registerSource(const std::string& path, std::string text);
  const std::string* sourceText(const std::string& path) const;

  Diagnostic& report(Severity severity, std::string ruleId, SourceLocation location,
                     std::string message);
  Diagnostic& error(std::string ruleId, SourceLocation location, std::string message) {
    return report(Severity::Error, std::move(ruleId), std::move(location), std::move(message));
  }
  Diagnostic& warning(std::string ruleId, SourceLocation location, std::string message) {
    return report(Severity::Warning, std::move(ruleId), std::move(location), std::move(message));
  }

  bool hasErrors() const { return errorCount_ > 0; }
  std::size_t errorCount() const { return errorCount_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  // Appends what `other` holds, from its `first` diagnostic on (and every source it registered).
  void append(const Diagnostics& other, std::size_t first = 0);
  // Appends what `other` holds that is not already reported here or earlier in `other` (same
  // rule, severity, location and message): a part read again for another instance, or a
  // loop body rendered per element, repeats its warnings.
  void appendUnreported(const Diagnostics& other);

  // Clang style: "file:line:col: error: message [RULE]", then the source line and a caret.
  // The text goes out in one write (a diagnostics stream is often unbuffered).
  // `threads` format them (the text does not depend on it).
  void print(std::ostream& out, unsigned threads = 1) const { print(diagnostics_, out, threads); }
  // The same for diagnostics held elsewhere, whose files this engine registered.
  void print(const std::vector<Diagnostic>& diagnostics, std::ostream& out,
             unsigned threads = 1) const;
  std::string sourceLine(const SourceLocation& location) const;
  // The line of a registered source `location` points into, without its line break; empty when
  // the file or the line is unknown.
  std::string_view lineText(const std::string& path, int line) const;

private:
  // A source and, once a line is first asked for, where its lines start: diagnostics and
  // suppression comments look lines up thousands of times per template, while most registered
  // sources are never printed.
  struct RegisteredSource {
    std::string text;
    mutable std::once_flag indexed;
    mutable std::optional<LineIndex> lines;
  };

  void printOne(std::string& out, const Diagnostic& diagnostic) const;

  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, std::shared_ptr<const RegisteredSource>> sources_;
  std::size_t errorCount_ = 0;
};

} // namespace pm::ir
