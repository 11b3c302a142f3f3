// Jinja's text filters, and the table that dispatches every filter by name.
#include "frontend/jinja/builtin_filters.h"

#include "frontend/jinja/json_text.h"
#include "frontend/jinja/number_filters.h"
#include "frontend/jinja/proton_filters.h"
#include "frontend/jinja/python_methods.h"
#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"
#include "frontend/jinja/sequence_filters.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>

namespace pm::jinja {

namespace {

using Filter = Value (*)(const Value&, const CallArgs&, const FilterContext&);

Position at(const CallArgs& args) {
  return args.position;
}

Value textFilter(const Value& input, const CallArgs& args, const char* name,
                 std::string (*transform)(const std::string&)) {
  BoundArgs(name, args, {});
  Value out(transform(toText(input, at(args))));
  return input.isMarkup() ? out.asMarkup() : out;
}

// Jinja's do_title: each piece after a run of `-`, whitespace or an open bracket gets its first
// character upper-cased and the rest lower-cased.
std::string titleText(const std::string& s) {
  std::string out;
  bool wordStart = true;
  for (char32_t c : decodeUtf8(s)) {
    bool separator = c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || isPythonSpace(c);
    if (separator) {
      out += encodeUtf8(c);
      wordStart = true;
      continue;
    }
    out += wordStart ? pythonUpper(encodeUtf8(c)) : encodeUtf8(lowerOf(c));
    wordStart = false;
  }
  return out;
}

Value doDefault(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("default", args, {{"default_value", Value("")}, {"boolean", Value(false)}});
  if (input.isUndefined() || (a[1].truthy() && !toBool(input, at(args))))
    return a[0];
  return input;
}

Value doEscape(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("escape", args, {});
  if (input.isMarkup())
    return input;
  return Value(markupEscape(toText(input, at(args)))).asMarkup();
}

Value doCenter(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("center", args, {{"width", Value(80)}});
  std::string s = toText(input, at(args));
  std::int64_t width = intParam(a[0], "width", at(args));
  auto length = static_cast<std::int64_t>(codePointCount(s));
  std::int64_t margin = width - length;
  if (margin <= 0)
    return Value(s);
  // CPython's str.center puts the odd space on the left when the width is odd.
  std::int64_t left = margin / 2 + (margin & width & 1);
  return Value(std::string(left, ' ') + s + std::string(margin - left, ' '));
}

// Jinja's do_indent, including its trick of appending "\n" before splitlines().
Value doIndent(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("indent", args,
              {{"width", Value(4)}, {"first", Value(false)}, {"blank", Value(false)}});
  std::string indention =
      a[0].isString() ? a[0].asString() : std::string(intParam(a[0], "width", at(args)), ' ');
  std::vector<std::u32string> lines = splitLines(decodeUtf8(toText(input, at(args)) + "\n"));
  std::string out;
  if (a[2].truthy()) {
    for (std::size_t i = 0; i < lines.size(); ++i)
      out += (i ? "\n" + indention : "") + encodeUtf8(lines[i]);
  } else {
    out = encodeUtf8(lines[0]);
    for (std::size_t i = 1; i < lines.size(); ++i)
      out += "\n" + (lines[i].empty() ? "" : indention + encodeUtf8(lines[i]));
  }
  if (a[1].truthy())
    out = indention + out;
  return input.isMarkup() ? Value(out).asMarkup() : Value(out);
}

Value doReplace(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("replace", args, {{"old", {}, true}, {"new", {}, true}, {"count", Value::none()}});
  CallArgs call;
  call.position = at(args);
  call.positional = {Value(toText(a[0], at(args))), Value(toText(a[1], at(args))),
                     a[2].isNone() ? Value(-1) : a[2]};
  Value s(toText(input, at(args)));
  return callMethod(Method{"str.replace", std::make_shared<const Value>(s)}, call);
}

Value doTrim(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("trim", args, {{"chars", Value::none()}});
  CallArgs call;
  call.position = at(args);
  call.positional = {a[0]};
  Value s(toText(input, at(args)));
  return callMethod(Method{"str.strip", std::make_shared<const Value>(s)}, call);
}

// Jinja's do_truncate with its leeway (default 5): short enough strings pass unchanged.
Value doTruncate(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("truncate", args,
              {{"length", Value(255)},
               {"killwords", Value(false)},
               {"end", Value("...")},
               {"leeway", Value::none()}});
  std::int64_t size = length(input, at(args));
  std::string s = toText(input, at(args));
  std::int64_t limit = intParam(a[0], "length", at(args));
  std::string end = toText(a[2], at(args));
  std::int64_t leeway = a[3].isNone() ? 5 : intParam(a[3], "leeway", at(args));
  auto endLength = static_cast<std::int64_t>(codePointCount(end));
  if (limit < endLength)
    renderError(at(args), "expected length >= " + std::to_string(endLength) + ", got " +
                              std::to_string(limit));
  if (leeway < 0)
    renderError(at(args), "expected leeway >= 0, got " + std::to_string(leeway));
  if (size <= limit + leeway)
    return input;
  std::u32string head = decodeUtf8(s).substr(0, limit - endLength);
  if (!a[1].truthy()) {
    auto space = head.rfind(U' ');
    if (space != std::u32string::npos)
      head = head.substr(0, space);
  }
  return Value(encodeUtf8(head) + end);
}

Value doWordcount(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("wordcount", args, {});
  std::int64_t count = 0;
  bool inWord = false;
  for (unsigned char c : toText(input, at(args))) {
    bool word = std::isalnum(c) || c == '_' || c >= 0x80;
    count += word && !inWord;
    inWord = word;
  }
  return Value(count);
}

Value doSafe(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("safe", args, {});
  return Value(toText(input, at(args))).asMarkup();
}

Value doString(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("string", args, {});
  if (input.isString())
    return input;
  return Value(toText(input, at(args)));
}

Value doTojson(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("tojson", args, {{"indent", Value::none()}});
  requireDefined(input, at(args));
  std::optional<std::int64_t> indent;
  if (!a[0].isNone())
    indent = intParam(a[0], "indent", at(args));
  return Value(htmlSafeJson(input, indent, at(args))).asMarkup();
}

// urllib.parse.quote over UTF-8 bytes; `safe` lists the extra characters left as they are.
std::string urlQuote(const std::string& s, const char* safe) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' ||
        (c && std::strchr(safe, c))) {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

std::string queryQuote(const Value& v, Position position) {
  std::string quoted = urlQuote(toText(v, position), "");
  std::string out;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted.compare(i, 3, "%20") == 0) {
      out += '+';
      i += 2;
    } else {
      out += quoted[i];
    }
  }
  return out;
}

Value doUrlencode(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("urlencode", args, {});
  requireDefined(input, at(args));
  if (input.isString() || (!input.isList() && !input.isDict()))
    return Value(urlQuote(toText(input, at(args)), "/"));
  std::string out;
  auto addPair = [&](const Value& key, const Value& value) {
    out += (out.empty() ? "" : "&") + queryQuote(key, at(args)) + "=" + queryQuote(value, at(args));
  };
  if (input.isDict()) {
    for (const auto& [key, value] : input.asDict().entries())
      addPair(key, value);
    return Value(out);
  }
  for (const auto& pair : input.asList()) {
    ValueList kv = iterate(pair, at(args));
    if (kv.size() != 2)
      renderError(at(args), "urlencode expects (key, value) pairs");
    addPair(kv[0], kv[1]);
  }
  return Value(out);
}

// Jinja's do_format: `"%s-%s"|format(a, b)` is Python's `"%s-%s" % (a, b)`.
Value doFormat(const Value& input, const CallArgs& args, const FilterContext&) {
  if (!args.positional.empty() && !args.keywords.empty())
    renderError(at(args), "can't handle positional and keyword arguments at the same time");
  Value values = Value::tuple(args.positional);
  if (!args.keywords.empty()) {
    ValueDict mapping;
    for (const auto& [key, value] : args.keywords)
      mapping.set(Value(key), value);
    values = Value::dict(mapping);
  }
  Value format(toText(input, at(args)));
  if (input.isMarkup())
    format = format.asMarkup();
  return binaryOperation("%", format, values, at(args));
}

Value doAttr(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("attr", args, {{"name", {}, true}});
  requireDefined(input, at(args));
  std::string name = toText(a[0], at(args));
  // Only Python attributes (methods here), never items: `d|attr('key')` is undefined.
  if (isMethodName(input, name) && name.rfind("__", 0) != 0)
    return Value::method(methodOwner(input) + "." + name, input);
  return Value::undefinedAt("'" + input.typeName() + "' has no attribute '" + name + "'",
                            at(args).line, at(args).column);
}

const std::map<std::string, Filter>& filterTable() {
  static const std::map<std::string, Filter> kTable = {
      {"abs", doAbs},
      {"attr", doAttr},
      {"capitalize",
       [](const Value& v, const CallArgs& a, const FilterContext&) {
         return textFilter(v, a, "capitalize", pythonCapitalize);
       }},
      {"center", doCenter},
      {"d", doDefault},
      {"default", doDefault},
      {"e", doEscape},
      {"escape", doEscape},
      {"float", doFloat},
      {"format", doFormat},
      {"indent", doIndent},
      {"int", doInt},
      {"lower", [](const Value& v, const CallArgs& a,
                   const FilterContext&) { return textFilter(v, a, "lower", pythonLower); }},
      {"replace", doReplace},
      {"round", doRound},
      {"safe", doSafe},
      {"string", doString},
      {"title", [](const Value& v, const CallArgs& a,
                   const FilterContext&) { return textFilter(v, a, "title", titleText); }},
      {"tojson", doTojson},
      {"trim", doTrim},
      {"truncate", doTruncate},
      {"upper", [](const Value& v, const CallArgs& a,
                   const FilterContext&) { return textFilter(v, a, "upper", pythonUpper); }},
      {"urlencode", doUrlencode},
      {"wordcount", doWordcount},
  };
  return kTable;
}

const std::set<std::string>& unsupportedFilters() {
  static const std::set<std::string> kNames = {"filesizeformat", "forceescape", "groupby",
                                               "pprint",         "random",      "striptags",
                                               "urlize",         "wordwrap",    "xmlattr"};
  return kNames;
}

} // namespace

bool isKnownFilter(const std::string& name) {
  return filterTable().count(name) || isSequenceFilter(name) || isProtonFilter(name) ||
         unsupportedFilters().count(name);
}

Value applyFilter(const std::string& name, const Value& input, const CallArgs& args,
                  const FilterContext& context) {
  // StrictUndefined fails as soon as a filter touches it; `default` and `items` test for it.
  if (input.isUndefined() && !input.isLenientUndefined() && name != "default" && name != "d" &&
      name != "items")
    failUndefined(input, args.position);
  if (unsupportedFilters().count(name))
    renderError(args.position,
                "the Jinja filter '" + name + "' is not supported by proton-migrate");
  if (isProtonFilter(name))
    return applyProtonFilter(name, input, args);
  if (isSequenceFilter(name))
    return applySequenceFilter(name, input, args, context);
  return filterTable().at(name)(input, args, context);
}

} // namespace pm::jinja
