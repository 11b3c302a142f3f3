// Python's str, dict and list methods as templates use them; unsupported ones are named in the
// error rather than guessed at.
#include "frontend/jinja/python_methods.h"

#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

#include <set>

namespace pm::jinja {

namespace {

const std::set<std::string>& dictMethods() {
  static const std::set<std::string> kNames = {"clear",      "copy",   "fromkeys", "get",
                                               "items",      "keys",   "pop",      "popitem",
                                               "setdefault", "update", "values"};
  return kNames;
}

const std::set<std::string>& strMethods() {
  static const std::set<std::string> kNames = {
      "capitalize",   "casefold",    "center",    "count",      "encode",       "endswith",
      "expandtabs",   "find",        "format",    "format_map", "index",        "isalnum",
      "isalpha",      "isascii",     "isdecimal", "isdigit",    "isidentifier", "islower",
      "isnumeric",    "isprintable", "isspace",   "istitle",    "isupper",      "join",
      "ljust",        "lower",       "lstrip",    "maketrans",  "partition",    "removeprefix",
      "removesuffix", "replace",     "rfind",     "rindex",     "rjust",        "rpartition",
      "rsplit",       "rstrip",      "split",     "splitlines", "startswith",   "strip",
      "swapcase",     "title",       "translate", "upper",      "zfill"};
  return kNames;
}

const std::set<std::string>& listMethods() {
  static const std::set<std::string> kNames = {"append", "clear",   "copy",   "count",
                                               "extend", "index",   "insert", "pop",
                                               "remove", "reverse", "sort"};
  return kNames;
}

const Value& selfOf(const Method& method) {
  return *method.self;
}

std::string argText(const Value& v, const std::string& function, Position position) {
  requireDefined(v, position);
  if (!v.isString())
    renderError(position, function + "() argument must be str, not " + pythonTypeName(v));
  return v.asString();
}

// Python's str.strip family: `chars` None strips whitespace.
std::string stripText(const std::string& text, const Value& chars, bool left, bool right,
                      Position position) {
  std::u32string s = decodeUtf8(text);
  std::u32string set = chars.isNone() || chars.isUndefined()
                           ? std::u32string()
                           : decodeUtf8(argText(chars, "strip", position));
  auto strip = [&](char32_t c) {
    return set.empty() && (chars.isNone() || chars.isUndefined())
               ? isPythonSpace(c)
               : set.find(c) != std::u32string::npos;
  };
  std::size_t begin = 0, end = s.size();
  while (left && begin < end && strip(s[begin]))
    ++begin;
  while (right && end > begin && strip(s[end - 1]))
    --end;
  return encodeUtf8(s.substr(begin, end - begin));
}

// Python's str.split / str.rsplit.
ValueList splitText(const std::string& text, const Value& separator, std::int64_t maxSplit,
                    bool fromRight, Position position) {
  std::vector<std::string> parts;
  if (separator.isNone() || separator.isUndefined()) {
    std::u32string s = decodeUtf8(text);
    std::vector<std::u32string> words;
    std::size_t i = 0;
    // Whitespace split: runs of whitespace separate, leading/trailing runs are dropped.
    if (!fromRight) {
      while (i < s.size()) {
        while (i < s.size() && isPythonSpace(s[i]))
          ++i;
        if (i >= s.size())
          break;
        if (maxSplit >= 0 && static_cast<std::int64_t>(words.size()) == maxSplit) {
          std::size_t end = s.size();
          while (end > i && isPythonSpace(s[end - 1]))
            --end;
          words.push_back(s.substr(i, end - i));
          break;
        }
        std::size_t start = i;
        while (i < s.size() && !isPythonSpace(s[i]))
          ++i;
        words.push_back(s.substr(start, i - start));
      }
    } else {
      std::size_t end = s.size();
      while (end > 0) {
        while (end > 0 && isPythonSpace(s[end - 1]))
          --end;
        if (end == 0)
          break;
        if (maxSplit >= 0 && static_cast<std::int64_t>(words.size()) == maxSplit) {
          std::size_t start = 0;
          while (start < end && isPythonSpace(s[start]))
            ++start;
          words.insert(words.begin(), s.substr(start, end - start));
          break;
        }
        std::size_t stop = end;
        while (end > 0 && !isPythonSpace(s[end - 1]))
          --end;
        words.insert(words.begin(), s.substr(end, stop - end));
      }
    }
    ValueList out;
    for (const auto& w : words)
      out.emplace_back(encodeUtf8(w));
    return out;
  }
  std::string sep = argText(separator, "split", position);
  if (sep.empty())
    renderError(position, "empty separator");
  ValueList out;
  if (!fromRight) {
    std::size_t start = 0, found;
    while ((maxSplit < 0 || static_cast<std::int64_t>(out.size()) < maxSplit) &&
           (found = text.find(sep, start)) != std::string::npos) {
      out.emplace_back(text.substr(start, found - start));
      start = found + sep.size();
    }
    out.emplace_back(text.substr(start));
    return out;
  }
  std::size_t end = text.size();
  std::int64_t splits = 0;
  while (maxSplit < 0 || splits < maxSplit) {
    if (end < sep.size())
      break;
    std::size_t found = text.rfind(sep, end - sep.size());
    if (found == std::string::npos)
      break;
    out.insert(out.begin(), Value(text.substr(found + sep.size(), end - found - sep.size())));
    end = found;
    ++splits;
  }
  out.insert(out.begin(), Value(text.substr(0, end)));
  return out;
}

std::string replaceText(const std::string& text, const std::string& old, const std::string& with,
                        std::int64_t count) {
  std::string out;
  if (old.empty()) {
    // Python inserts the replacement between every character and at both ends.
    std::u32string s = decodeUtf8(text);
    std::int64_t done = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (count < 0 || done < count) {
        out += with;
        ++done;
      }
      if (i < s.size())
        out += encodeUtf8(s[i]);
    }
    return out;
  }
  std::size_t start = 0, found;
  std::int64_t done = 0;
  while ((count < 0 || done < count) && (found = text.find(old, start)) != std::string::npos) {
    out += text.substr(start, found - start) + with;
    start = found + old.size();
    ++done;
  }
  return out + text.substr(start);
}

std::int64_t intArg(const Value& v, Position position) {
  requireDefined(v, position);
  if (v.isInt())
    return v.asInt();
  if (v.isBool())
    return v.asBool();
  renderError(position, "'" + pythonTypeName(v) + "' object cannot be interpreted as an integer");
}

bool matchesAffix(const std::string& text, const Value& affix, bool prefix, Position position) {
  if (affix.isTuple()) {
    for (const auto& item : affix.asList())
      if (matchesAffix(text, item, prefix, position))
        return true;
    return false;
  }
  std::string a = argText(affix, prefix ? "startswith" : "endswith", position);
  if (a.size() > text.size())
    return false;
  return prefix ? text.compare(0, a.size(), a) == 0
                : text.compare(text.size() - a.size(), a.size(), a) == 0;
}

std::int64_t codePointIndex(const std::string& text, std::size_t byteOffset) {
  return static_cast<std::int64_t>(codePointCount(text.substr(0, byteOffset)));
}

Value callStrMethod(const std::string& name, const std::string& s, const CallArgs& args) {
  Position at = args.position;
  auto bind = [&](std::vector<Parameter> parameters) {
    return BoundArgs("str." + name, args, std::move(parameters));
  };
  if (name == "split" || name == "rsplit") {
    BoundArgs a = bind({{"sep", Value::none()}, {"maxsplit", Value(-1)}});
    return Value::list(splitText(s, a[0], intArg(a[1], at), name == "rsplit", at));
  }
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    BoundArgs a = bind({{"chars", Value::none()}});
    return Value(stripText(s, a[0], name != "rstrip", name != "lstrip", at));
  }
  if (name == "lower" || name == "upper" || name == "title" || name == "capitalize" ||
      name == "casefold" || name == "swapcase" || name == "splitlines") {
    bind({});
    if (name == "lower" || name == "casefold")
      return Value(pythonLower(s));
    if (name == "upper")
      return Value(pythonUpper(s));
    if (name == "title")
      return Value(pythonTitle(s));
    if (name == "capitalize")
      return Value(pythonCapitalize(s));
    if (name == "splitlines") {
      ValueList lines;
      for (const auto& line : splitLines(decodeUtf8(s)))
        lines.emplace_back(encodeUtf8(line));
      return Value::list(lines);
    }
    std::string out = s;
    for (char& c : out)
      c = std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c))
                                                      : static_cast<char>(std::toupper(c));
    return Value(out);
  }
  if (name == "replace") {
    BoundArgs a = bind({{"old", {}, true}, {"new", {}, true}, {"count", Value(-1)}});
    return Value(replaceText(s, argText(a[0], "replace", at), argText(a[1], "replace", at),
                             intArg(a[2], at)));
  }
  if (name == "startswith" || name == "endswith") {
    BoundArgs a = bind({{"prefix", {}, true}});
    return Value(matchesAffix(s, a[0], name == "startswith", at));
  }
  if (name == "join") {
    BoundArgs a = bind({{"iterable", {}, true}});
    std::string out;
    ValueList items = iterate(a[0], at);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].isString())
        renderError(at, "sequence item " + std::to_string(i) + ": expected str instance, " +
                            pythonTypeName(items[i]) + " found");
      out += (i ? s : "") + items[i].asString();
    }
    return Value(out);
  }
  if (name == "count" || name == "find" || name == "rfind" || name == "index" || name == "rindex") {
    BoundArgs a = bind({{"sub", {}, true}});
    std::string sub = argText(a[0], name, at);
    if (name == "count") {
      if (sub.empty())
        return Value(static_cast<std::int64_t>(codePointCount(s) + 1));
      std::int64_t n = 0;
      for (std::size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size()))
        ++n;
      return Value(n);
    }
    std::size_t p = name[0] == 'r' ? s.rfind(sub) : s.find(sub);
    if (p == std::string::npos && (name == "index" || name == "rindex"))
      renderError(at, "substring not found");
    return Value(p == std::string::npos ? std::int64_t{-1} : codePointIndex(s, p));
  }
  if (name == "isdigit" || name == "isalpha" || name == "isalnum" || name == "isspace" ||
      name == "islower" || name == "isupper") {
    bind({});
    if (s.empty())
      return Value(false);
    bool all = true, cased = false;
    for (unsigned char c : s) {
      if (name == "isdigit")
        all = all && std::isdigit(c);
      else if (name == "isalpha")
        all = all && std::isalpha(c);
      else if (name == "isalnum")
        all = all && std::isalnum(c);
      else if (name == "isspace")
        all = all && isPythonSpace(c);
      else if (name == "islower")
        all = all && !std::isupper(c), cased = cased || std::islower(c);
      else
        all = all && !std::islower(c), cased = cased || std::isupper(c);
    }
    return Value(all && (name != "islower" && name != "isupper" ? true : cased));
  }
  renderError(at, "str." + name + "() is not supported by proton-migrate");
}

Value callDictMethod(const std::string& name, const Value& self, const CallArgs& args) {
  const ValueDict& dict = self.asDict();
  if (name == "items" || name == "keys" || name == "values") {
    BoundArgs("dict." + name, args, {});
    ValueList items;
    for (const auto& [key, value] : dict.entries())
      items.push_back(name == "items" ? Value::tuple({key, value}) : name == "keys" ? key : value);
    auto view = name == "items"  ? Value::View::DictItems
                : name == "keys" ? Value::View::DictKeys
                                 : Value::View::DictValues;
    return Value::dictView(view, items);
  }
  if (name == "get") {
    BoundArgs a("dict.get", args, {{"key", {}, true}, {"default", Value::none()}});
    requireDefined(a[0], args.position);
    const Value* found = dict.find(a[0]);
    return found ? *found : a[1];
  }
  if (name == "copy")
    return Value::dict(dict);
  renderError(args.position, "dict." + name +
                                 "() is not supported by proton-migrate (templates must not "
                                 "modify their inputs)");
}

Value callListMethod(const std::string& name, const Value& self, const CallArgs& args) {
  if (name == "count" || name == "index") {
    BoundArgs a(name, args, {{"value", {}, true}});
    std::int64_t count = 0;
    const ValueList& items = self.asList();
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i] == a[0]) {
        if (name == "index")
          return Value(static_cast<std::int64_t>(i));
        ++count;
      }
    if (name == "index")
      renderError(args.position, a[0].repr() + " is not in list");
    return Value(count);
  }
  if (name == "copy")
    return Value::list(self.asList());
  renderError(args.position, "list." + name +
                                 "() is not supported by proton-migrate (templates must not "
                                 "modify their inputs)");
}

Value callRange(const CallArgs& args) {
  if (!args.keywords.empty())
    renderError(args.position, "range() takes no keyword arguments");
  std::vector<std::int64_t> n;
  for (const auto& v : args.positional)
    n.push_back(intArg(v, args.position));
  if (n.empty() || n.size() > 3)
    renderError(args.position,
                "range expected at most 3 arguments, got " + std::to_string(n.size()));
  std::int64_t start = n.size() == 1 ? 0 : n[0], stop = n.size() == 1 ? n[0] : n[1];
  std::int64_t step = n.size() == 3 ? n[2] : 1;
  if (step == 0)
    renderError(args.position, "range() arg 3 must not be zero");
  ValueList out;
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    // Bounded like loop iterations (RenderLimits' default), so range() cannot exhaust memory.
    if (out.size() >= 1'000'000)
      renderError(args.position, "range() is too large (more than 1000000 items)");
    out.emplace_back(i);
  }
  return Value::list(out);
}

} // namespace

bool isMethodName(const Value& value, const std::string& name) {
  if (value.isNamespace())
    return false;
  if (value.isDict())
    return dictMethods().count(name) > 0;
  if (value.isString())
    return strMethods().count(name) > 0;
  if (value.isList() && value.view() == Value::View::Plain)
    return value.isTuple() ? name == "count" || name == "index" : listMethods().count(name) > 0;
  return false;
}

std::string methodOwner(const Value& value) {
  if (value.isDict())
    return "dict";
  if (value.isString())
    return "str";
  return value.isTuple() ? "tuple" : "list";
}

bool isGlobalFunction(const std::string& name) {
  return name == "range" || name == "dict" || name == "lipsum" || name == "cycler" ||
         name == "joiner" || name == "namespace";
}

Value callMethod(const Method& method, const CallArgs& args) {
  const std::string& name = method.name;
  if (name == "range")
    return callRange(args);
  if (name == "namespace") {
    // namespace(mapping, **attributes): Jinja's mutable attribute bag for loops.
    if (args.positional.size() > 1)
      renderError(args.position, "namespace expected at most 1 argument, got " +
                                     std::to_string(args.positional.size()));
    ValueDict attributes;
    if (!args.positional.empty()) {
      requireDefined(args.positional[0], args.position);
      if (!args.positional[0].isDict())
        renderError(args.position, "namespace() accepts a mapping and keyword arguments");
      attributes = args.positional[0].asDict();
    }
    for (const auto& [key, value] : args.keywords)
      attributes.set(Value(key), value);
    return Value::namespaceObject(attributes);
  }
  if (name == "dict") {
    ValueDict dict;
    if (!args.positional.empty())
      renderError(args.position,
                  "dict() with positional arguments is not supported by proton-migrate");
    for (const auto& [key, value] : args.keywords)
      dict.set(Value(key), value);
    return Value::dict(dict);
  }
  auto dot = name.find('.');
  std::string owner = dot == std::string::npos ? name : name.substr(0, dot);
  std::string member = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (owner == "str")
    return callStrMethod(member, selfOf(method).asString(), args);
  if (owner == "dict")
    return callDictMethod(member, selfOf(method), args);
  if (owner == "list" || owner == "tuple")
    return callListMethod(member, selfOf(method), args);
  if (owner == "loop") {
    // loop.cycle(*values): the value at index0 modulo the count.
    if (args.positional.empty())
      renderError(args.position, "no items for cycling given");
    std::int64_t index = selfOf(method).asInt();
    return args.positional[index % static_cast<std::int64_t>(args.positional.size())];
  }
  renderError(args.position, "'" + name + "' is not supported by proton-migrate");
}

} // namespace pm::jinja
