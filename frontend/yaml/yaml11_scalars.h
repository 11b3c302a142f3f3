// The implicit resolvers of PyYAML's resolver.py (YAML 1.1) as hand-written matchers: every
// plain scalar of a spec, schema or outputs file goes through them, and compiling the
// equivalent std::regex patterns costs more than reading the file. Each function states the
// pattern it matches in full.
#pragma once

#include <optional>
#include <string_view>

namespace pm::frontend::yaml11 {

// yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
bool isBool(std::string_view text);
// ~|null|Null|NULL|(empty)
bool isNull(std::string_view text);
// [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
// | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
bool isInt(std::string_view text);
// [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)?
// | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
bool isFloat(std::string_view text);

struct Date {
  std::string_view year, month, day;
};
// ([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}), with its three parts.
std::optional<Date> asDate(std::string_view text);

} // namespace pm::frontend::yaml11
