// A conversion target: turns a ConversionModel into files. Backends write only to the in-memory
// OutputTree and report through diagnostics; an error diagnostic means the driver writes nothing.
#pragma once

#include "backends/conversion_model.h"
#include "backends/output_tree.h"
#include "ir/diagnostics.h"

#include <memory>
#include <string_view>
#include <vector>

namespace pm::backends {

class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  virtual void emit(const ConversionModel& model, OutputTree& output,
                    ir::Diagnostics& diagnostics) const = 0;
};

// The backend named `target` ("cdk", "terraform", "servicecatalog"); nullptr when the name is
// unknown or the backend is not built yet.
std::unique_ptr<Backend> makeBackend(std::string_view target);
// Every target name, for help texts and messages.
std::vector<std::string_view> backendNames();

} // namespace pm::backends
