// Carrying CodeBuild bundles over: inputs files, buildspecs and workflows.
#include "tools/proton-migrate/codebuild_carryover.h"

#include "frontend/jinja/json_text.h"

#include <fmt/format.h>

namespace pm::driver {

namespace {

const frontend::ManifestTemplate* codeBuildEntry(const frontend::BundlePart& part) {
  if (!part.manifest)
    return nullptr;
  for (const frontend::ManifestTemplate& entry : part.manifest->templates)
    if (entry.engine == frontend::RenderingEngine::CodeBuild)
      return &entry;
  return nullptr;
}

// A YAML double-quoted scalar: JSON's string escapes are valid there.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out + "\"";
}

bool callsProton(const std::string& command) {
  return command.find("aws proton ") != std::string::npos;
}

// The commands as YAML list items; Proton API calls commented out: the service is gone.
std::string commandLines(const std::vector<std::string>& commands, const std::string& indent) {
  std::string lines;
  for (const std::string& command : commands)
    lines += fmt::format("{}{}- {}\n", indent,
                         callsProton(command) ? "# Proton has reached end of support: " : "",
                         quoted(command));
  return lines.empty() ? indent + "- echo nothing to run\n" : lines;
}

std::string environmentVariables(const frontend::CodeBuildSettings& settings,
                                 const std::string& indent) {
  std::string lines;
  for (const auto& [name, value] : settings.environmentVariables)
    lines += fmt::format("{}{}: {}\n", indent, name, quoted(value));
  return lines;
}

std::string buildspec(const frontend::CodeBuildSettings& settings,
                      const std::vector<std::string>& commands, const std::string& instance) {
  std::string spec = "# Carried over from the Proton template's manifest: the commands Proton ran "
                     "in CodeBuild.\n# PROTON_INSTANCE names the folder of inputs/ to use.\n"
                     "version: 0.2\nenv:\n  variables:\n    PROTON_INSTANCE: " +
                     quoted(instance) + "\n";
  spec += environmentVariables(settings, "    ");
  if (!settings.secretsManager.empty()) {
    spec += "  secrets-manager:\n";
    for (const auto& [name, value] : settings.secretsManager)
      spec += fmt::format("    {}: {}\n", name, quoted(value));
  }
  spec += "phases:\n  install:\n";
  if (!settings.runtimes.empty()) {
    spec += "    runtime-versions:\n";
    for (const auto& [runtime, version] : settings.runtimes)
      spec += fmt::format("      {}: {}\n", runtime, quoted(version));
  }
  spec += "    commands:\n      - cp \"inputs/${PROTON_INSTANCE}/proton-inputs.json\" "
          "proton-inputs.json\n  build:\n    commands:\n";
  return spec + commandLines(commands, "      ");
}

// A setup action for the CodeBuild runtimes GitHub's runners do not carry at that version.
std::string runtimeSteps(const frontend::CodeBuildSettings& settings) {
  std::string steps;
  for (const auto& [runtime, version] : settings.runtimes) {
    if (runtime == "nodejs")
      steps += fmt::format("      - uses: actions/setup-node@v4\n        with:\n"
                           "          node-version: {}\n",
                           quoted(version));
    else if (runtime == "python")
      steps += fmt::format("      - uses: actions/setup-python@v5\n        with:\n"
                           "          python-version: {}\n",
                           quoted(version));
  }
  return steps;
}

std::string workflow(const std::string& name, const std::string& directory,
                     const frontend::CodeBuildSettings& settings) {
  std::string text = fmt::format(
      "# Carried over from the Proton template {}: runs the manifest's commands as Proton's\n"
      "# CodeBuild project did. Needs AWS credentials: set the AWS_ROLE_ARN secret. Move it to\n"
      "# .github/workflows/ and make working-directory the path of the carried-over part.\n"
      "name: {} ({})\non:\n  workflow_dispatch:\n    inputs:\n      instance:\n"
      "        description: the instance whose proton-inputs.json to use (a folder of inputs/)\n"
      "        default: default\n      action:\n        type: choice\n"
      "        options: [provision, deprovision]\n        default: provision\n"
      "permissions:\n  id-token: write\n  contents: read\njobs:\n  run:\n"
      "    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: {}\n"
      "    env:\n",
      name, name, directory, quoted(directory));
  text += environmentVariables(settings, "      ");
  text += "      PROTON_INSTANCE: ${{ inputs.instance }}\n    steps:\n"
          "      - uses: actions/checkout@v4\n";
  text += runtimeSteps(settings);
  text += "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
          "          role-to-assume: ${{ secrets.AWS_ROLE_ARN }}\n"
          "          aws-region: ${{ vars.AWS_REGION }}\n"
          "      - run: cp \"inputs/${PROTON_INSTANCE}/proton-inputs.json\" proton-inputs.json\n";
  for (const char* action : {"provision", "deprovision"}) {
    const auto& commands =
        std::string(action) == "provision" ? settings.provision : settings.deprovision;
    text += fmt::format("      - name: {}\n        if: inputs.action == '{}'\n        run: |\n",
                        action, action);
    for (const std::string& command : commands)
      text += fmt::format("          {}{}\n", callsProton(command) ? "# " : "", command);
    if (commands.empty())
      text += "          echo nothing to run\n";
  }
  return text;
}

void copyFiles(const frontend::FileTree& files, const std::string& directory,
               backends::OutputTree& output) {
  for (const std::string& name : files.list(directory)) {
    std::string relative = frontend::joinPath(directory, name);
    if (files.isDirectory(relative))
      copyFiles(files, relative, output);
    else if (auto text = files.read(relative))
      output.write(relative, *text);
  }
}

// The instances a part is deployed as: the spec's, or one ("" in the request) named "default".
std::vector<std::string> instanceNames(const LoadedBundle& loaded, frontend::PartRole role) {
  std::vector<std::string> names;
  if (role == frontend::PartRole::Instance && loaded.inputs.spec)
    for (const frontend::ServiceInstanceSpec& instance : loaded.inputs.spec->instances)
      names.push_back(instance.name);
  if (names.empty())
    names.push_back("");
  return names;
}

std::string folderOf(const std::string& instance) {
  return instance.empty() ? "default" : instance;
}

void writeInputs(const LoadedBundle& loaded, const frontend::BundlePart& part,
                 backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  for (const std::string& instance : instanceNames(loaded, part.role)) {
    auto context = frontend::buildContext(loaded.bundle, loaded.inputs.request(part.role, instance),
                                          diagnostics);
    if (!context)
      continue;
    output.write(
        frontend::joinPath(part.directory, "inputs/" + folderOf(instance) + "/proton-inputs.json"),
        jinja::htmlSafeJson(*context, 2, {}) + "\n");
  }
}

void carryOverParts(const LoadedBundle& loaded, backends::OutputTree& output,
                    ir::Diagnostics& diagnostics) {
  for (const frontend::BundlePart& part : loaded.bundle.parts) {
    const frontend::ManifestTemplate* entry = codeBuildEntry(part);
    if (!entry)
      continue;
    const frontend::CodeBuildSettings& settings = entry->codeBuild;
    copyFiles(loaded.bundle.files, part.directory, output);
    writeInputs(loaded, part, output, diagnostics);
    std::string instance = folderOf(instanceNames(loaded, part.role).front());
    output.write(frontend::joinPath(part.directory, "buildspec-provision.yml"),
                 buildspec(settings, settings.provision, instance));
    output.write(frontend::joinPath(part.directory, "buildspec-deprovision.yml"),
                 buildspec(settings, settings.deprovision, instance));
    std::string name = loaded.bundle.name + "-" + frontend::partRoleName(part.role);
    output.write(".github/workflows/" + name + ".yml", workflow(name, part.directory, settings));
    diagnostics.report(ir::Severity::Info, kCarryOverRule, entry->location,
                       fmt::format("{} is provisioned by CodeBuild commands: carried over as a "
                                   "buildspec and a GitHub Actions workflow, not converted",
                                   part.directory));
  }
}

void carryOverCodeBuild(const LoadedBundle& loaded, const std::string& prefix,
                        backends::OutputTree& output, ir::Diagnostics& diagnostics) {
  backends::OutputTree carried;
  carryOverParts(loaded, carried, diagnostics);
  for (const auto& [relative, content] : carried.files())
    output.write(prefix + relative, content);
}

} // namespace

bool isCodeBuildBundle(const frontend::Bundle& bundle) {
  for (const frontend::BundlePart& part : bundle.parts)
    if (codeBuildEntry(part))
      return true;
  return false;
}

void carryOverCodeBuildBundles(std::vector<LoadedBundle>& bundles, backends::OutputTree& output,
                               ir::Diagnostics& diagnostics) {
  bool several = bundles.size() > 1;
  for (const LoadedBundle& loaded : bundles)
    if (isCodeBuildBundle(loaded.bundle))
      carryOverCodeBuild(loaded, several ? loaded.bundle.name + "/" : "", output, diagnostics);
  std::erase_if(bundles,
                [](const LoadedBundle& loaded) { return isCodeBuildBundle(loaded.bundle); });
}

} // namespace pm::driver
