// The subset reader held to yaml-cpp's reading of the same text (yaml_subset_reader.h).
#pragma once

#include <string>

namespace pm::fuzz {

// Empty when the subset reader declines the text or gives the tree yaml-cpp's reading gives;
// otherwise where the trees first differ.
std::string yamlSubsetDifference(const std::string& text);

} // namespace pm::fuzz
