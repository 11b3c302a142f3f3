// Sequence filters with Jinja's attribute paths ("a.b.0"), case-insensitive ordering by default
// and Python's stable sort.
#include "frontend/jinja/sequence_filters.h"

#include "frontend/jinja/builtin_tests.h"
#include "frontend/jinja/python_ops.h"
#include "frontend/jinja/python_text.h"

#include <algorithm>
#include <map>

namespace pm::jinja {

namespace {

using Filter = Value (*)(const Value&, const CallArgs&, const FilterContext&);

Position at(const CallArgs& args) {
  return args.position;
}

Value iteratorOf(ValueList items) {
  return Value::dictView(Value::View::Iterator, std::move(items));
}

// Jinja's make_attrgetter: "a.b.0" looks up a, then b, then item 0 (digit parts are ints).
Value lookupPath(const Value& item, const Value& attribute, Position position) {
  if (!attribute.isString())
    return getItem(item, attribute, position);
  Value current = item;
  const std::string& path = attribute.asString();
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    bool digits = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
    current =
        getItem(current, digits ? Value(static_cast<std::int64_t>(std::stoll(part))) : Value(part),
                position);
    if (dot == std::string::npos)
      return current;
    start = dot + 1;
  }
}

// Jinja's ignore_case: strings compare lower-cased unless case_sensitive.
Value sortKey(const Value& v, bool caseSensitive) {
  if (!caseSensitive && v.isString())
    return Value(pythonLower(v.asString()));
  return v;
}

Value keyOf(const Value& item, const Value& attribute, bool caseSensitive, Position position) {
  Value key = attribute.isNone() ? item : lookupPath(item, attribute, position);
  requireDefined(key, position);
  return sortKey(key, caseSensitive);
}

Value doSort(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a(
      "sort", args,
      {{"reverse", Value(false)}, {"case_sensitive", Value(false)}, {"attribute", Value::none()}});
  ValueList items = iterate(input, at(args));
  std::vector<std::pair<Value, Value>> keyed;
  for (const auto& item : items)
    keyed.emplace_back(keyOf(item, a[2], a[1].truthy(), at(args)), item);
  bool reverse = a[0].truthy();
  // Python's sorted(reverse=True) keeps equal items in their original order too.
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
    int order = orderValues(x.first, y.first, at(args));
    return reverse ? order > 0 : order < 0;
  });
  ValueList out;
  for (auto& entry : keyed)
    out.push_back(std::move(entry.second));
  return Value::list(out);
}

Value doDictsort(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("dictsort", args,
              {{"case_sensitive", Value(false)}, {"by", Value("key")}, {"reverse", Value(false)}});
  requireDefined(input, at(args));
  if (!input.isDict())
    renderError(at(args), "'" + pythonTypeName(input) + "' object has no attribute 'items'");
  std::string by = toText(a[1], at(args));
  if (by != "key" && by != "value")
    renderError(at(args), "You can only sort by either 'key' or 'value'");
  std::size_t pos = by == "key" ? 0 : 1;
  ValueList pairs;
  for (const auto& [key, value] : input.asDict().entries())
    pairs.push_back(Value::tuple({key, value}));
  bool reverse = a[2].truthy();
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Value& x, const Value& y) {
    int order = orderValues(sortKey(x.asList()[pos], a[0].truthy()),
                            sortKey(y.asList()[pos], a[0].truthy()), at(args));
    return reverse ? order > 0 : order < 0;
  });
  return Value::list(pairs);
}

Value doItems(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("items", args, {});
  ValueList pairs;
  if (input.isUndefined())
    return iteratorOf(pairs);
  if (!input.isDict())
    renderError(at(args), "Can only get item pairs from a mapping.");
  for (const auto& [key, value] : input.asDict().entries())
    pairs.push_back(Value::tuple({key, value}));
  return iteratorOf(pairs);
}

Value doFirst(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("first", args, {});
  ValueList items = iterate(input, at(args));
  if (items.empty())
    return Value::undefinedAt("No first item, sequence was empty.", at(args).line, at(args).column);
  return items.front();
}

Value doLast(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("last", args, {});
  requireDefined(input, at(args));
  if (input.isDict())
    renderError(at(args), "'dict' object is not reversible");
  ValueList items = iterate(input, at(args));
  if (items.empty())
    return Value::undefinedAt("No last item, sequence was empty.", at(args).line, at(args).column);
  return items.back();
}

Value doLength(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("length", args, {});
  return Value(length(input, at(args)));
}

Value doList(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("list", args, {});
  return Value::list(iterate(input, at(args)));
}

Value doReverse(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs("reverse", args, {});
  requireDefined(input, at(args));
  if (input.isString()) {
    std::u32string text = decodeUtf8(input.asString());
    std::reverse(text.begin(), text.end());
    return Value(encodeUtf8(text));
  }
  ValueList items = iterate(input, at(args));
  std::reverse(items.begin(), items.end());
  return iteratorOf(items);
}

Value doJoin(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("join", args, {{"d", Value("")}, {"attribute", Value::none()}});
  std::string separator = toText(a[0], at(args));
  std::string out;
  bool first = true;
  for (const auto& item : iterate(input, at(args))) {
    Value v = a[1].isNone() ? item : lookupPath(item, a[1], at(args));
    out += (first ? "" : separator) + toText(v, at(args));
    first = false;
  }
  return Value(out);
}

Value doMap(const Value& input, const CallArgs& args, const FilterContext& context) {
  ValueList items = iterate(input, at(args));
  ValueList out;
  bool byAttribute = args.positional.empty();
  if (byAttribute) {
    BoundArgs a("map", args, {{"attribute", {}, true}, {"default", Value::none()}});
    for (const auto& item : items) {
      Value v = lookupPath(item, a[0], at(args));
      bool hasDefault = std::any_of(args.keywords.begin(), args.keywords.end(),
                                    [](const auto& k) { return k.first == "default"; });
      out.push_back(v.isUndefined() && hasDefault ? a[1] : v);
    }
    return iteratorOf(out);
  }
  CallArgs rest{ValueList(args.positional.begin() + 1, args.positional.end()), args.keywords,
                args.position};
  std::string name = toText(args.positional[0], at(args));
  if (!isKnownFilter(name))
    renderError(at(args), "No filter named '" + name + "'.");
  for (const auto& item : items)
    out.push_back(context.applyFilter(name, item, rest));
  return iteratorOf(out);
}

// select / reject / selectattr / rejectattr, like Jinja's select_or_reject.
Value selectOrReject(const Value& input, const CallArgs& args, const FilterContext& context,
                     bool select, bool byAttribute) {
  ValueList items = iterate(input, at(args));
  std::size_t skip = byAttribute ? 1 : 0;
  if (byAttribute && args.positional.empty())
    renderError(at(args), "Missing parameter for attribute name");
  Value attribute = byAttribute ? args.positional[0] : Value::none();
  bool hasTest = args.positional.size() > skip;
  std::string test = hasTest ? toText(args.positional[skip], at(args)) : "";
  if (hasTest && !isKnownTest(test))
    renderError(at(args), "No test named '" + test + "'.");
  CallArgs testArgs{hasTest ? ValueList(args.positional.begin() + skip + 1, args.positional.end())
                            : ValueList{},
                    args.keywords, args.position};
  ValueList out;
  for (const auto& item : items) {
    Value v = byAttribute ? lookupPath(item, attribute, at(args)) : item;
    bool passes = hasTest ? context.applyTest(test, v, testArgs) : toBool(v, at(args));
    if (passes == select)
      out.push_back(item);
  }
  return iteratorOf(out);
}

Value aggregate(const Value& input, const CallArgs& args, bool wantMax) {
  BoundArgs a(wantMax ? "max" : "min", args,
              {{"case_sensitive", Value(false)}, {"attribute", Value::none()}});
  ValueList items = iterate(input, at(args));
  if (items.empty())
    return Value::undefinedAt("No aggregated item, sequence was empty.", at(args).line,
                              at(args).column);
  std::size_t best = 0;
  Value bestKey = keyOf(items[0], a[1], a[0].truthy(), at(args));
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value key = keyOf(items[i], a[1], a[0].truthy(), at(args));
    int order = orderValues(key, bestKey, at(args));
    if (wantMax ? order > 0 : order < 0) {
      best = i;
      bestKey = key;
    }
  }
  return items[best];
}

Value doSum(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("sum", args, {{"attribute", Value::none()}, {"start", Value(0)}});
  Value total = a[1];
  for (const auto& item : iterate(input, at(args)))
    total = binaryOperation("+", total, a[0].isNone() ? item : lookupPath(item, a[0], at(args)),
                            at(args));
  return total;
}

Value doUnique(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("unique", args, {{"case_sensitive", Value(false)}, {"attribute", Value::none()}});
  ValueList seen, out;
  for (const auto& item : iterate(input, at(args))) {
    Value key = keyOf(item, a[1], a[0].truthy(), at(args));
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      continue;
    seen.push_back(key);
    out.push_back(item);
  }
  return iteratorOf(out);
}

Value doBatch(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("batch", args, {{"linecount", {}, true}, {"fill_with", Value::none()}});
  requireDefined(a[0], at(args));
  if (!a[0].isInt() || a[0].asInt() <= 0)
    renderError(at(args), "batch size must be a positive integer");
  auto size = static_cast<std::size_t>(a[0].asInt());
  ValueList batches, current;
  for (const auto& item : iterate(input, at(args))) {
    if (current.size() == size) {
      batches.push_back(Value::list(current));
      current.clear();
    }
    current.push_back(item);
  }
  if (!current.empty()) {
    bool fill = !args.keywords.empty() || args.positional.size() > 1;
    if (fill && !a[1].isNone())
      while (current.size() < size)
        current.push_back(a[1]);
    batches.push_back(Value::list(current));
  }
  return iteratorOf(batches);
}

// Jinja's do_slice: `slices` columns, the first ones one longer, padded with fill_with.
Value doSlice(const Value& input, const CallArgs& args, const FilterContext&) {
  BoundArgs a("slice", args, {{"slices", {}, true}, {"fill_with", Value::none()}});
  ValueList seq = iterate(input, at(args));
  requireDefined(a[0], at(args));
  if (!a[0].isInt() || a[0].asInt() <= 0)
    renderError(at(args), "slices must be a positive integer");
  auto slices = static_cast<std::size_t>(a[0].asInt());
  std::size_t perSlice = seq.size() / slices, withExtra = seq.size() % slices, offset = 0;
  bool fill = !a[1].isNone();
  ValueList out;
  for (std::size_t i = 0; i < slices; ++i) {
    std::size_t start = offset + i * perSlice;
    if (i < withExtra)
      ++offset;
    std::size_t end = offset + (i + 1) * perSlice;
    ValueList part(seq.begin() + start, seq.begin() + end);
    if (fill && i >= withExtra)
      part.push_back(a[1]);
    out.push_back(Value::list(part));
  }
  return iteratorOf(out);
}

const std::map<std::string, Filter>& sequenceTable() {
  static const std::map<std::string, Filter> kTable = {
      {"batch", doBatch},
      {"count", doLength},
      {"dictsort", doDictsort},
      {"first", doFirst},
      {"items", doItems},
      {"join", doJoin},
      {"last", doLast},
      {"length", doLength},
      {"list", doList},
      {"map", doMap},
      {"max", [](const Value& v, const CallArgs& a,
                 const FilterContext&) { return aggregate(v, a, true); }},
      {"min", [](const Value& v, const CallArgs& a,
                 const FilterContext&) { return aggregate(v, a, false); }},
      {"reject", [](const Value& v, const CallArgs& a,
                    const FilterContext& c) { return selectOrReject(v, a, c, false, false); }},
      {"rejectattr", [](const Value& v, const CallArgs& a,
                        const FilterContext& c) { return selectOrReject(v, a, c, false, true); }},
      {"reverse", doReverse},
      {"select", [](const Value& v, const CallArgs& a,
                    const FilterContext& c) { return selectOrReject(v, a, c, true, false); }},
      {"selectattr", [](const Value& v, const CallArgs& a,
                        const FilterContext& c) { return selectOrReject(v, a, c, true, true); }},
      {"slice", doSlice},
      {"sort", doSort},
      {"sum", doSum},
      {"unique", doUnique},
  };
  return kTable;
}

} // namespace

bool isSequenceFilter(const std::string& name) {
  return sequenceTable().count(name) > 0;
}

Value applySequenceFilter(const std::string& name, const Value& input, const CallArgs& args,
                          const FilterContext& context) {
  return sequenceTable().at(name)(input, args, context);
}

} // namespace pm::jinja
