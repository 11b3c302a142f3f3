// A TypeScript type of an L1 property as the class table encodes it (cdk_classes.h).
#pragma once

#include <string_view>
#include <vector>

namespace pm::backends::cdk {

class PropertyShape {
public:
  constexpr PropertyShape() = default;
  constexpr explicit PropertyShape(std::string_view text) : text_(text) {}

  // Also accepts an IResolvable (a token such as Fn::If) in place of a value.
  bool acceptsResolvable() const { return !text_.empty() && text_.front() == 'R'; }
  // s n b j S L M U, after any R.
  char kind() const;
  bool isAny() const { return kind() == 'j'; }
  bool isStringList() const { return kind() == 'L' && element().kind() == 's'; }
  PropertyShape element() const;              // of L and M
  std::string_view structId() const;          // of S
  std::vector<PropertyShape> members() const; // of U
  std::string_view text() const { return text_; }

private:
  std::string_view body() const { return acceptsResolvable() ? text_.substr(1) : text_; }
  std::string_view text_ = "j";
};

inline constexpr PropertyShape kAnyShape{"j"};
inline constexpr PropertyShape kStringShape{"s"};
inline constexpr PropertyShape kNumberShape{"n"};
inline constexpr PropertyShape kBooleanShape{"Rb"};
inline constexpr PropertyShape kStringListShape{"Ls"};

} // namespace pm::backends::cdk
