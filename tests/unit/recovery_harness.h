// Inverse rendering under test: render a bundle part with a spec, recover the spec from the
// rendering (or an edited copy), and compare the two.
#pragma once

#include "frontend/frontend.h"
#include "frontend/parametric/spec_recovery.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>

namespace pm::test {

// One rendering of a fixture bundle part; paths relative to fixtures/, empty when not given.
struct RecoveryCase {
  std::string bundle;
  frontend::PartRole part = frontend::PartRole::Infrastructure;
  std::string instance;
  std::string spec;
  std::string environmentOutputs;
  std::string componentOutputs;
};

struct Recovery {
  std::optional<frontend::Bundle> bundle;
  std::optional<frontend::Spec> spec;
  frontend::RenderRequest request;
  std::string deployed;
  std::optional<frontend::RecoveredSpec> recovered;
  ir::Diagnostics diagnostics;
};

// Renders `c` into run.deployed (REQUIREs that it renders).
void renderCase(const RecoveryCase& c, Recovery& run);

// Recovers run's part from `deployed` with what `recover-spec` is given besides the template:
// the environment outputs, and for a pipeline the service's instances and their outputs.
void recover(Recovery& run, const std::string& deployed);

// A spec value as comparable text: lists joined, YAML 1.1 booleans in lower case.
std::string normalized(const YAML::Node& node);

// The inputs block of a spec document for `part`.
YAML::Node inputsOf(const YAML::Node& document, frontend::PartRole part);

// Whether the recovery said why input `name` could not be recovered.
bool reportedUnrecoverable(const Recovery& run, const std::string& name);

// Whether the recovered spec omitted `name` because `value` is its schema default.
bool equalsDefault(const frontend::RecoveredSpec& recovered, const std::string& name,
                   const std::string& value);

// Renders and recovers `c`: every input the spec sets comes back, unless the recovery said why
// it could not, and the unedited rendering shows no drift. `lost` names inputs whose value a
// construct loses on the way (a `lower` filter, items split apart): they, and the drift their
// construct leaves, are not checked.
void checkRoundTrip(const RecoveryCase& c, const std::set<std::string>& lost = {});

} // namespace pm::test
