// The fuzz harnesses' entry points, one per frontend: each takes the raw bytes libFuzzer (or a
// regression test) gives and runs one reader over them. Bad input must end in diagnostics; a
// crash, a sanitizer report or a broken invariant (abort) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pm::fuzz {

using FuzzEntry = int (*)(const std::uint8_t* data, std::size_t size);

struct FuzzTarget {
  std::string_view name; // the executable's name, and the folder of its regression inputs
  FuzzEntry entry;
};

const std::vector<FuzzTarget>& fuzzTargets();
const FuzzTarget* findFuzzTarget(std::string_view name);

int jinjaLexerFuzz(const std::uint8_t* data, std::size_t size);
int jinjaParserFuzz(const std::uint8_t* data, std::size_t size);
int jinjaRenderFuzz(const std::uint8_t* data, std::size_t size);
int cfnYamlFuzz(const std::uint8_t* data, std::size_t size);
int yamlSubsetFuzz(const std::uint8_t* data, std::size_t size);
int cfnJsonFuzz(const std::uint8_t* data, std::size_t size);
int schemaFuzz(const std::uint8_t* data, std::size_t size);
int specFuzz(const std::uint8_t* data, std::size_t size);
int hclFuzz(const std::uint8_t* data, std::size_t size);
int archiveFuzz(const std::uint8_t* data, std::size_t size);
int convertFuzz(const std::uint8_t* data, std::size_t size);

} // namespace pm::fuzz
