// Matching YAML 1.1 plain scalars with a small cursor instead of regular expressions.
#include "frontend/yaml/yaml11_scalars.h"

#include "ir/text_cursor.h"

#include <algorithm>
#include <array>

namespace pm::frontend::yaml11 {

namespace {

using Cursor = ir::TextCursor;

constexpr std::string_view kDigits = ir::kDecimalDigits;
constexpr std::string_view kDigitsOrUnderscore = "0123456789_";

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

// (?::[0-5]?[0-9])+ : the base-60 groups; at least one. Two digits when the first is 0-5 and a
// digit follows (one digit would leave a digit nothing after a group accepts).
bool sexagesimalGroups(Cursor& cursor) {
  int groups = 0;
  while (cursor.one(":")) {
    Cursor twoDigits = cursor;
    if (twoDigits.one("012345") && twoDigits.one(kDigits))
      cursor = twoDigits;
    else if (!cursor.one(kDigits))
      return false;
    ++groups;
  }
  return groups > 0;
}

// [eE][-+][0-9]+ when present (the sign is required in YAML 1.1).
bool optionalExponent(Cursor& cursor) {
  if (!cursor.one("eE"))
    return true;
  return cursor.one("-+") && cursor.many(kDigits) > 0;
}

} // namespace

bool isBool(std::string_view text) {
  return isOneOf(text, {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false",
                        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"});
}

bool isNull(std::string_view text) {
  return isOneOf(text, {"~", "null", "Null", "NULL", ""});
}

bool isInt(std::string_view text) {
  Cursor start(text);
  start.one("-+");
  auto whole = [&](auto&& rest) {
    Cursor cursor = start;
    return rest(cursor) && cursor.atEnd();
  };
  return whole([](Cursor& c) { return c.literal("0b") && c.many("01_") > 0; }) ||
         whole(
             [](Cursor& c) { return c.literal("0x") && c.many("0123456789abcdefABCDEF_") > 0; }) ||
         whole([](Cursor& c) { return c.one("0") && c.many("01234567_") > 0; }) ||
         whole([](Cursor& c) { return c.one("0"); }) || whole([](Cursor& c) {
           return c.one("123456789") && (c.many(kDigitsOrUnderscore), true);
         }) ||
         whole([](Cursor& c) {
           return c.one("123456789") && (c.many(kDigitsOrUnderscore), true) && sexagesimalGroups(c);
         });
}

bool isFloat(std::string_view text) {
  Cursor start(text);
  auto whole = [&](Cursor from, auto&& rest) { return rest(from) && from.atEnd(); };
  Cursor signed_ = start;
  signed_.one("-+");
  return whole(signed_,
               [](Cursor& c) {
                 return c.one(kDigits) && (c.many(kDigitsOrUnderscore), c.one(".")) &&
                        (c.many(kDigitsOrUnderscore), optionalExponent(c));
               }) ||
         whole(start,
               [](Cursor& c) {
                 return c.one(".") && c.many(kDigitsOrUnderscore) > 0 && optionalExponent(c);
               }) ||
         whole(signed_,
               [](Cursor& c) {
                 return c.one(kDigits) && (c.many(kDigitsOrUnderscore), sexagesimalGroups(c)) &&
                        c.one(".") && (c.many(kDigitsOrUnderscore), true);
               }) ||
         whole(signed_,
               [](Cursor& c) {
                 return c.literal(".inf") || c.literal(".Inf") || c.literal(".INF");
               }) ||
         whole(start, [](Cursor& c) {
           return c.literal(".nan") || c.literal(".NaN") || c.literal(".NAN");
         });
}

std::optional<Date> asDate(std::string_view text) {
  Cursor cursor(text);
  auto digits = [&](std::size_t least, std::size_t most) {
    std::size_t start = cursor.position();
    std::size_t count = 0;
    while (count < most && cursor.one(kDigits))
      ++count;
    return count >= least ? std::optional(text.substr(start, count)) : std::nullopt;
  };
  auto year = digits(4, 4);
  if (!year || !cursor.one("-"))
    return std::nullopt;
  auto month = digits(1, 2);
  if (!month || !cursor.one("-"))
    return std::nullopt;
  auto day = digits(1, 2);
  if (!day || !cursor.atEnd())
    return std::nullopt;
  return Date{*year, *month, *day};
}

} // namespace pm::frontend::yaml11
