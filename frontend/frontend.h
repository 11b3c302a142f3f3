// What the frontend offers: reading bundles and their side files, and Proton-exact rendering.
#pragma once

#include "frontend/bundle/archive_reader.h"
#include "frontend/bundle/bundle.h"
#include "frontend/bundle/bundle_discovery.h"
#include "frontend/bundle/registration.h"
#include "frontend/bundle/outputs_file.h"
#include "frontend/bundle/schema_inputs.h"
#include "frontend/bundle/service_sync.h"
#include "frontend/bundle/spec.h"
#include "frontend/cloudformation/cloudformation_reader.h"
#include "frontend/instance_outputs.h"
#include "frontend/proton_context.h"
#include "frontend/render.h"
