// The frontend's view of a Terraform part (spans, its edit kinds) handed to the terraform
// backend's (byte offsets, its edit kinds): the two layers do not see each other.
#include "tools/proton-migrate/terraform_bundle.h"

#include "frontend/hcl/plain_module.h"

namespace pm::driver {

namespace {

tf::NativeEditKind nativeKind(frontend::hcl::ProtonEditKind kind) {
  using K = frontend::hcl::ProtonEditKind;
  switch (kind) {
  case K::Value:
    return tf::NativeEditKind::Value;
  case K::Remove:
    return tf::NativeEditKind::Remove;
  case K::AllInputs:
    return tf::NativeEditKind::AllInputs;
  case K::Tags:
    return tf::NativeEditKind::Tags;
  case K::InstanceList:
    return tf::NativeEditKind::InstanceList;
  case K::Backend:
    return tf::NativeEditKind::Backend;
  case K::Components:
    return tf::NativeEditKind::Components;
  case K::AwsVersion:
    return tf::NativeEditKind::AwsVersion;
  }
  return tf::NativeEditKind::Remove;
}

tf::NativeFile nativeFile(const frontend::hcl::PlainTerraformFile& file) {
  tf::NativeFile native{file.name, file.text, {}, file.declaresProviders, file.requiredVariables};
  for (const frontend::hcl::ProtonEdit& edit : file.edits)
    native.edits.push_back(
        {edit.span.begin, edit.span.end, nativeKind(edit.kind), edit.value, edit.location});
  return native;
}

} // namespace

bool isTerraformPart(const frontend::BundlePart& part) {
  return part.engine() == frontend::RenderingEngine::Hcl;
}

std::optional<ir::Module> readTerraformBundlePart(const frontend::Bundle& bundle,
                                                  const frontend::BundlePart& part,
                                                  const std::string& moduleName,
                                                  tf::NativeSources& sources,
                                                  ir::Diagnostics& diagnostics) {
  auto plain = frontend::hcl::readPlainTerraformModule(bundle, part, diagnostics);
  if (!plain)
    return std::nullopt;
  std::vector<tf::NativeFile>& files = sources[moduleName];
  files.clear();
  for (const frontend::hcl::PlainTerraformFile& file : plain->files)
    files.push_back(nativeFile(file));
  return std::move(plain->module);
}

} // namespace pm::driver
