// A lone template file given where a bundle is expected. Plain CloudFormation is a one-part
// bundle with no inputs. A file with Jinja (`{{` or `{%`) is a Proton template someone took out
// of its bundle: it is read as a one-part bundle whose schema is inferred from what it reads.
//
// Role: `pipeline.*` makes it a pipeline, else `service_instance.*` or `service.*` an instance,
// else (only `environment.*`, or nothing) the environment's infrastructure.
// Inputs: every `<namespace>.inputs.<name>` the file reads, each reported once [PRS006,
// warning]. An input tested alone by `{% if %}` (or `{% if not %}`) is a boolean; every other
// input is a string: Proton substitutes the text either way, so a number written as
// `{{ ... }}` in a template still renders as the number the spec gives.
#pragma once

#include "frontend/bundle/bundle.h"

#include <string>

namespace pm::frontend {

// `{%`, or a `{{` that does not open a dynamic reference (`{{resolve:...}}`).
bool looksLikeJinja(const std::string& text);

// `bundle` already has its name; `path` is the file, `display` how diagnostics name it.
std::optional<Bundle> readLoneTemplate(const std::string& path, Bundle bundle,
                                       ir::Diagnostics& diagnostics);

} // namespace pm::frontend
