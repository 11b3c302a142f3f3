// Python's operators and protocols on template values (str(), bool(), +, <, in, getattr,
// iteration), with StrictUndefined's rule that any use of an undefined value is an error.
// Every new kind of Value (issue 3: symbolic inputs) is taught to the engine here.
#pragma once

#include "frontend/jinja/template_error.h"
#include "frontend/jinja/value.h"

#include <string>

namespace pm::jinja {

// Raises the undefined value's message (at the place it was looked up, else at `position`).
[[noreturn]] void failUndefined(const Value& value, Position position);
// Raises unless `value` is defined; lenient undefined values pass when `allowLenient`.
void requireDefined(const Value& value, Position position, bool allowLenient = false);

std::string toText(const Value& value, Position position);  // Python str()
bool toBool(const Value& value, Position position);         // Python bool()
ValueList iterate(const Value& value, Position position);   // Python iter()
std::int64_t length(const Value& value, Position position); // Python len()
std::string pythonTypeName(const Value& value);             // 'int', 'str', 'dict'

Value binaryOperation(const std::string& op, const Value& left, const Value& right,
                      Position position);
Value negate(const Value& value, Position position, bool minus);
// Python's <, <=, ==, ... on two values; ordering raises TypeError like Python.
bool compareValues(const std::string& op, const Value& left, const Value& right, Position position);
bool contains(const Value& container, const Value& item, Position position);
// -1, 0, 1 for sorting with Python's rules.
int orderValues(const Value& left, const Value& right, Position position);

// Jinja's Environment.getattr (attribute, then item) and getitem (item, then attribute).
Value getAttribute(const Value& object, const std::string& name, Position position);
Value getItem(const Value& object, const Value& key, Position position);
Value sliceValue(const Value& object, const Value& start, const Value& stop, const Value& step,
                 Position position);

} // namespace pm::jinja
