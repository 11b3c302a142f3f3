// The diagnostic rule ids the CloudFormation reader reports.
#pragma once

namespace pm::frontend {

inline constexpr const char* kSyntaxErrorRule = "PRS001";       // YAML/JSON syntax
inline constexpr const char* kTemplateStructureRule = "PRS008"; // CloudFormation structure

} // namespace pm::frontend
