// Proton's filters: the same checks, messages and str() formatting as proton-render.py.
#include "frontend/jinja/proton_filters.h"

#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

namespace pm::jinja {

namespace {

constexpr char kBlockLine = '\x01';
constexpr char kBlockStart = '\x02';
constexpr char kBlockEnd = '\x03';

// Python's `$` also matches just before a final "\n", so "abc\n" passes these checks.
std::string withoutFinalNewline(const std::string& s) {
  return !s.empty() && s.back() == '\n' ? s.substr(0, s.size() - 1) : s;
}

bool isSanitizeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// ^[a-zA-Z0-9_-]*$
bool matchesSanitize(const std::string& s) {
  std::string body = withoutFinalNewline(s);
  for (char c : body)
    if (!isSanitizeChar(c))
      return false;
  return true;
}

// ^arn:[a-zA-Z0-9-]+:[a-zA-Z0-9-]*:[a-zA-Z0-9-]*:[0-9]*:.+$
bool matchesArn(const std::string& s) {
  std::string body = withoutFinalNewline(s);
  if (body.rfind("arn:", 0) != 0)
    return false;
  std::size_t pos = 4;
  for (int segment = 0; segment < 4; ++segment) {
    std::size_t colon = body.find(':', pos);
    if (colon == std::string::npos)
      return false;
    std::string part = body.substr(pos, colon - pos);
    if (segment == 0 && part.empty())
      return false;
    for (char c : part) {
      bool ok = segment == 3 ? std::isdigit(static_cast<unsigned char>(c)) != 0
                             : std::isalnum(static_cast<unsigned char>(c)) || c == '-';
      if (!ok)
        return false;
    }
    pos = colon + 1;
  }
  std::string rest = body.substr(pos);
  return !rest.empty() && rest.find('\n') == std::string::npos;
}

// ^arn:[a-zA-Z-]+:iam::\d{12}:policy/
bool matchesPolicyArn(const std::string& s) {
  if (s.rfind("arn:", 0) != 0)
    return false;
  std::size_t pos = 4;
  while (pos < s.size() && (std::isalpha(static_cast<unsigned char>(s[pos])) || s[pos] == '-'))
    ++pos;
  if (pos == 4 || s.compare(pos, 6, ":iam::") != 0)
    return false;
  pos += 6;
  for (int i = 0; i < 12; ++i, ++pos)
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos])))
      return false;
  return s.compare(pos, 8, ":policy/") == 0;
}

std::string illegalCharacters(const std::string& text) {
  return "Illegal character(s) detected in \"" + text +
         "\". Must match regex ^[a-zA-Z0-9_-]*$ or be a valid ARN";
}

std::string block(const std::vector<std::string>& lines) {
  if (lines.empty())
    return "";
  std::string out(1, kBlockStart);
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += (i ? std::string("\n") + kBlockLine : "") + lines[i];
  return out + kBlockEnd;
}

// `(mapping or {}).items()`: a falsy value is an empty mapping, anything else must be a dict.
const ValueDict* mappingOf(const Value& input, Position position) {
  static const ValueDict kEmpty;
  if (!toBool(input, position))
    return &kEmpty;
  if (!input.isDict())
    renderError(position, "'" + pythonTypeName(input) + "' object has no attribute 'items'");
  return &input.asDict();
}

void checkRaw(const Value& value, const Value& raw, Position position) {
  std::string text = toText(value, position);
  if (!toBool(raw, position) && !matchesSanitize(text))
    renderError(position, illegalCharacters(text));
}

Value ecsEnvVars(const Value& input, const CallArgs& args) {
  BoundArgs a("proton_cfn_ecs_task_definition_formatted_env_vars", args, {{"raw", Value(true)}});
  std::vector<std::string> lines;
  for (const auto& [key, value] : mappingOf(input, args.position)->entries()) {
    checkRaw(value, a[0], args.position);
    lines.push_back("- Name: " + toText(key, args.position));
    lines.push_back("  Value: " + toText(value, args.position));
  }
  return Value(block(lines));
}

Value lambdaEnvVars(const Value& input, const CallArgs& args) {
  BoundArgs a("proton_cfn_lambda_function_formatted_env_vars", args, {{"raw", Value(true)}});
  std::vector<std::string> lines;
  for (const auto& [key, value] : mappingOf(input, args.position)->entries()) {
    checkRaw(value, a[0], args.position);
    lines.push_back(toText(key, args.position) + ": " + toText(value, args.position));
  }
  return Value(block(lines));
}

Value iamPolicyArns(const Value& input, const CallArgs& args) {
  BoundArgs("proton_cfn_iam_policy_arns", args, {});
  std::vector<std::string> lines;
  for (const auto& entry : mappingOf(input, args.position)->entries()) {
    std::string text = toText(entry.second, args.position);
    if (matchesPolicyArn(text))
      lines.push_back("- " + text);
  }
  return Value(block(lines));
}

Value sanitize(const Value& input, const CallArgs& args) {
  BoundArgs("proton_cfn_sanitize", args, {});
  std::string text = toText(input, args.position);
  if (matchesSanitize(text) || matchesArn(text))
    return input;
  renderError(args.position, illegalCharacters(text));
}

} // namespace

bool isProtonFilter(const std::string& name) {
  return name == "proton_cfn_sanitize" ||
         name == "proton_cfn_ecs_task_definition_formatted_env_vars" ||
         name == "proton_cfn_lambda_function_formatted_env_vars" ||
         name == "proton_cfn_iam_policy_arns";
}

Value applyProtonFilter(const std::string& name, const Value& input, const CallArgs& args) {
  if (name == "proton_cfn_sanitize")
    return sanitize(input, args);
  if (name == "proton_cfn_ecs_task_definition_formatted_env_vars")
    return ecsEnvVars(input, args);
  if (name == "proton_cfn_lambda_function_formatted_env_vars")
    return lambdaEnvVars(input, args);
  return iamPolicyArns(input, args);
}

std::optional<std::string> reindentBlocks(std::string text) {
  std::size_t start;
  while ((start = text.find(kBlockStart)) != std::string::npos) {
    std::size_t lineStart = text.rfind('\n', start);
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    std::size_t column = codePointCount(text.substr(lineStart, start - lineStart));
    std::size_t end = text.find(kBlockEnd, start);
    if (end == std::string::npos)
      return std::nullopt;
    std::string body = text.substr(start + 1, end - start - 1);
    std::string replaced;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\n' && i + 1 < body.size() && body[i + 1] == kBlockLine) {
        replaced += "\n" + std::string(column, ' ');
        ++i;
      } else {
        replaced += body[i];
      }
    }
    text = text.substr(0, start) + replaced + text.substr(end + 1);
  }
  return text;
}

} // namespace pm::jinja
