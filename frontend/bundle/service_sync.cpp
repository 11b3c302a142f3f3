// proton-ops.yaml reading.
#include "frontend/bundle/service_sync.h"

#include "frontend/input_file.h"
#include "frontend/yaml/yaml_file.h"

namespace pm::frontend {

namespace {

constexpr const char* kBadSync = "PRS010";

bool readInstance(const std::string& path, const std::string& service, const YAML::Node& name,
                  const YAML::Node& body, ServiceSync& sync, ir::Diagnostics& diagnostics) {
  if (!body.IsMap() || !body["branch"] || !body["spec"] || !body["branch"].IsScalar() ||
      !body["spec"].IsScalar()) {
    diagnostics.error(kBadSync, locationOf(path, name),
                      "synced instance '" + name.Scalar() + "' needs 'branch' and 'spec'");
    return false;
  }
  sync.instances.push_back({service, name.Scalar(), body["branch"].Scalar(), body["spec"].Scalar(),
                            locationOf(path, name)});
  return true;
}

} // namespace

std::optional<ServiceSync> readServiceSync(const std::string& path, ir::Diagnostics& diagnostics) {
  auto text = readInputFile(path, diagnostics);
  if (!text)
    return std::nullopt;
  auto document = loadYamlDocument(path, *text, diagnostics);
  if (!document)
    return std::nullopt;
  const YAML::Node services =
      document->IsMap() && (*document)["sync"] && (*document)["sync"].IsMap()
          ? (*document)["sync"]["services"]
          : YAML::Node();
  if (!services || !services.IsMap()) {
    diagnostics.error(
        kBadSync, locationOf(path, *document),
        "a service-sync file is 'sync: services: <service>: <instance>: {branch, spec}'");
    return std::nullopt;
  }
  ServiceSync sync{path, {}};
  bool ok = true;
  for (const auto& service : services) {
    if (!service.second.IsMap()) {
      diagnostics.error(kBadSync, locationOf(path, service.first),
                        "service '" + service.first.Scalar() +
                            "' must map instance names to settings");
      ok = false;
      continue;
    }
    for (const auto& instance : service.second)
      ok = readInstance(path, service.first.Scalar(), instance.first, instance.second, sync,
                        diagnostics) &&
           ok;
  }
  if (!ok)
    return std::nullopt;
  return sync;
}

} // namespace pm::frontend
