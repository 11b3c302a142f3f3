// Writing the migration report as Markdown and JSON.
#include "tools/proton-migrate/migration_report.h"

#include "backends/report/json_fields.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <map>
#include <sstream>

namespace pm::driver {

namespace {

std::string code(const std::string& text) {
  return "`" + text + "`";
}

// A Markdown table cell: pipes escaped, newlines as spaces.
std::string cell(std::string text) {
  std::string out;
  for (char c : text)
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

std::size_t driftCount(const MigrationReport& report) {
  return differenceCount(report.verifications);
}

std::string verdict(const MigrationReport& report) {
  std::size_t drift = driftCount(report);
  if (drift == 0)
    return "verified: every deployed template equals the bundle's render with these inputs";
  return std::to_string(drift) +
         " difference(s) between the deployed templates and the "
         "bundle's render" +
         (report.acceptDrift ? " (accepted with --accept-drift)" : "");
}

std::map<std::string, std::size_t> countsByKind(const MigrationReport& report) {
  std::map<std::string, std::size_t> counts;
  for (const ResourceAdoption& row : report.artifacts.resources)
    ++counts[row.kind];
  return counts;
}

// --- runbook ------------------------------------------------------------------------------

std::string stackArn(const MigrationStack& stack) {
  return stack.dump.stackId.empty() ? "<ARN of " + stack.dump.stackName + ">" : stack.dump.stackId;
}

std::vector<std::string> terraformSteps(const MigrationReport& report) {
  std::vector<std::string> steps = {
      "`cd terraform/root && terraform init`",
      "`terraform plan`: expect only imports (one per resource in `imports.tf`) and no changes; "
      "fill in the import blocks left commented out (see the findings)"};
  for (const MigrationStack& stack : report.stacks)
    if (stack.part)
      steps.push_back("`aws cloudformation update-stack --stack-name " + stack.dump.stackName +
                      " --template-body file://retain.yaml --capabilities CAPABILITY_IAM "
                      "CAPABILITY_NAMED_IAM` with that stack's `retain.yaml` (see "
                      "`terraform/root/README.md`): every resource gets DeletionPolicy Retain");
  steps.push_back("`terraform apply`: the resources are imported into the Terraform state");
  for (const MigrationStack& stack : report.stacks)
    if (stack.part)
      steps.push_back("`aws cloudformation delete-stack --stack-name " + stack.dump.stackName +
                      "`: the stack goes, its resources stay (retained) and Terraform owns them");
  steps.push_back("`terraform plan` again: no changes");
  return steps;
}

std::vector<std::string> cdkSteps(const MigrationReport&) {
  return {"`cd cdk && npm install && npx cdk synth`",
          "`npx cdk bootstrap` once per account and region, if not done yet",
          "`npx cdk diff`: every stack keeps its deployed name and logical IDs, expect no "
          "resource changes (only the CDK's own metadata, if any)",
          "`npx cdk deploy --all`: the deployed stacks are updated in place and are managed by "
          "this app from now on (see `cdk/README.md`)"};
}

std::vector<std::string> serviceCatalogSteps(const MigrationReport& report) {
  std::vector<std::string> steps = {
      "deploy the portfolio: `servicecatalog/upload.sh` (see `servicecatalog/README.md`); each "
      "product's artifact is the deployed template byte for byte",
      "look up the product and provisioning artifact IDs: `aws servicecatalog "
      "describe-product-as-admin --name PRODUCT`"};
  for (const MigrationStack& stack : report.stacks)
    if (stack.part)
      steps.push_back("`aws servicecatalog import-as-provisioned-product --product-id <product "
                      "id> --provisioning-artifact-id <artifact id> --provisioned-product-name " +
                      stack.name + " --physical-id " + stackArn(stack) + " --idempotency-token " +
                      stack.name +
                      "`, then wait for the stack's IMPORT_COMPLETE before the next import");
  return steps;
}

// --- Markdown -------------------------------------------------------------------------------

void stacksSection(const MigrationReport& report, std::ostream& out) {
  out << "## Stacks\n\n| stack | role | name | part | resources | template |\n"
      << "| --- | --- | --- | --- | --- | --- |\n";
  for (const MigrationStack& stack : report.stacks)
    out << "| " << code(stack.dump.stackName) << " | " << stackRoleName(stack.role) << " | "
        << cell(stack.name) << " | "
        << (stack.part ? frontend::partRoleName(*stack.part) : "- (outputs only)") << " | "
        << stack.dump.resources.size() << " | "
        << (stack.part ? code(stack.templatePath) : std::string("-")) << " |\n";
}

void inputsSection(const MigrationReport& report, std::ostream& out) {
  out << "\n## Inputs ("
      << (report.inputs.recovered ? "recovered from the deployed templates" : "given in the spec")
      << ")\n\nThe spec used is `spec.yaml`. Values of inputs whose name looks secret "
         "are masked here.\n";
  for (const StackInputs& stack : report.inputs.stacks) {
    out << "\n### " << code(stack.stackName) << "\n\n";
    if (stack.values.empty()) {
      out << "No inputs.\n";
      continue;
    }
    out << "| input | value | from |\n| --- | --- | --- |\n";
    for (const StackInputValue& value : stack.values)
      out << "| " << code(value.name) << " | " << cell(value.value) << " | " << value.origin
          << " |\n";
  }
}

// Whole resources or outputs on one side only: more likely another template version than drift.
bool elementsDiffer(const MigrationReport& report) {
  for (const StackVerification& verification : report.verifications)
    for (const ir::TemplateDifference& difference : verification.differences)
      if (difference.path.empty())
        return true;
  return false;
}

void driftSection(const MigrationReport& report, std::ostream& out) {
  out << "\n## Verification\n\n" << verdict(report) << ".\n";
  if (elementsDiffer(report))
    out << "\nSome resources or outputs exist on one side only: the stack may have been "
           "deployed from another version of the template than this bundle's.\n";
  for (const StackVerification& verification : report.verifications) {
    if (verification.differences.empty())
      continue;
    out << "\n### " << code(verification.stack->dump.stackName) << "\n\n"
        << "| where | path | deployed | rendered | location |\n| --- | --- | --- | --- | --- |\n";
    for (const ir::TemplateDifference& difference : verification.differences)
      out << "| " << code(difference.element) << " | " << cell(difference.path) << " | "
          << cell(difference.deployed) << " | " << cell(difference.rendered) << " | "
          << code(difference.location.str()) << " |\n";
  }
}

void resourcesSection(const MigrationReport& report, std::ostream& out) {
  out << "\n## Resources\n\n";
  for (const auto& [kind, count] : countsByKind(report))
    out << "- " << kind << ": " << count << "\n";
  out << "\n| stack | logical ID | type | physical ID | " << report.target
      << " | import ID | note |\n"
      << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const ResourceAdoption& row : report.artifacts.resources)
    out << "| " << code(row.stackName) << " | " << code(row.logicalId) << " | " << row.type << " | "
        << code(row.physicalId) << " | " << cell(row.mapping) << " | "
        << (row.importId.empty() ? "-" : code(row.importId)) << " | " << cell(row.note) << " |\n";
}

void findingsSection(const MigrationReport& report, std::ostream& out) {
  out << "\n## Findings\n\n";
  if (report.findings.empty())
    out << "None.\n";
  for (const ir::Diagnostic& finding : report.findings)
    out << "- " << ir::severityName(finding.severity) << " [" << finding.ruleId << "] "
        << code(finding.location.str()) << ": " << cell(finding.message) << "\n";
}

void runbookSection(const MigrationReport& report, std::ostream& out) {
  out << "\n## Runbook\n\n";
  std::size_t number = 0;
  for (const std::string& step : runbookSteps(report))
    out << ++number << ". " << step << "\n";
}

// --- JSON -----------------------------------------------------------------------------------

using backends::report::JsonWriter;
using backends::report::writeField;

void jsonStacks(const MigrationReport& report, JsonWriter& json) {
  json.Key("stacks");
  json.StartArray();
  for (const MigrationStack& stack : report.stacks) {
    json.StartObject();
    writeField(json, "stackName", stack.dump.stackName);
    writeField(json, "role", std::string(stackRoleName(stack.role)));
    writeField(json, "name", stack.name);
    writeField(json, "part", stack.part ? frontend::partRoleName(*stack.part) : "");
    json.Key("resources");
    json.Uint(static_cast<unsigned>(stack.dump.resources.size()));
    json.EndObject();
  }
  json.EndArray();
}

void jsonInputs(const MigrationReport& report, JsonWriter& json) {
  json.Key("inputs");
  json.StartObject();
  writeField(json, "source", report.inputs.recovered ? "recovered" : "given");
  json.Key("stacks");
  json.StartArray();
  for (const StackInputs& stack : report.inputs.stacks) {
    json.StartObject();
    writeField(json, "stackName", stack.stackName);
    json.Key("values");
    json.StartArray();
    for (const StackInputValue& value : stack.values) {
      json.StartObject();
      writeField(json, "name", value.name);
      writeField(json, "value", value.value);
      writeField(json, "from", value.origin);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void jsonDrift(const MigrationReport& report, JsonWriter& json) {
  json.Key("drift");
  json.StartArray();
  for (const StackVerification& verification : report.verifications)
    for (const ir::TemplateDifference& difference : verification.differences) {
      json.StartObject();
      writeField(json, "stackName", verification.stack->dump.stackName);
      writeField(json, "element", difference.element);
      writeField(json, "path", difference.path);
      writeField(json, "deployed", difference.deployed);
      writeField(json, "rendered", difference.rendered);
      writeField(json, "location", difference.location.str());
      json.EndObject();
    }
  json.EndArray();
}

void jsonResources(const MigrationReport& report, JsonWriter& json) {
  json.Key("resourcesByKind");
  json.StartObject();
  for (const auto& [kind, count] : countsByKind(report)) {
    json.Key(kind.c_str());
    json.Uint(static_cast<unsigned>(count));
  }
  json.EndObject();
  json.Key("resources");
  json.StartArray();
  for (const ResourceAdoption& row : report.artifacts.resources) {
    json.StartObject();
    writeField(json, "stackName", row.stackName);
    writeField(json, "logicalId", row.logicalId);
    writeField(json, "type", row.type);
    writeField(json, "physicalId", row.physicalId);
    writeField(json, "mapping", row.mapping);
    writeField(json, "kind", row.kind);
    writeField(json, "importId", row.importId);
    writeField(json, "note", row.note);
    json.EndObject();
  }
  json.EndArray();
}

void jsonFindingsAndRunbook(const MigrationReport& report, JsonWriter& json) {
  json.Key("findings");
  json.StartArray();
  for (const ir::Diagnostic& finding : report.findings) {
    json.StartObject();
    writeField(json, "rule", finding.ruleId);
    writeField(json, "severity", ir::severityName(finding.severity));
    writeField(json, "location", finding.location.str());
    writeField(json, "message", finding.message);
    json.EndObject();
  }
  json.EndArray();
  json.Key("runbook");
  json.StartArray();
  for (const std::string& step : runbookSteps(report))
    json.String(step.c_str(), static_cast<rapidjson::SizeType>(step.size()));
  json.EndArray();
}

} // namespace

std::vector<std::string> runbookSteps(const MigrationReport& report) {
  std::vector<std::string> steps = {
      driftCount(report) == 0
          ? "the verification found no drift: the code deploys what is deployed"
          : "review every difference under Verification: fix the live stack or the code first"};
  std::vector<std::string> target = report.target == "terraform" ? terraformSteps(report)
                                    : report.target == "cdk"     ? cdkSteps(report)
                                                                 : serviceCatalogSteps(report);
  steps.insert(steps.end(), target.begin(), target.end());
  return steps;
}

std::string reportMarkdown(const MigrationReport& report) {
  std::ostringstream out;
  out << "# Migration of " << code(report.bundle) << " to " << report.target << "\n\n"
      << verdict(report) << ". Code: `" << report.target << "/` (" << report.mode
      << " mode). Deployed templates: `deployed/`.\n\n";
  stacksSection(report, out);
  inputsSection(report, out);
  driftSection(report, out);
  resourcesSection(report, out);
  findingsSection(report, out);
  runbookSection(report, out);
  return out.str();
}

std::string reportJson(const MigrationReport& report) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.SetIndent(' ', 2);
  json.StartObject();
  writeField(json, "bundle", report.bundle);
  writeField(json, "target", report.target);
  writeField(json, "mode", report.mode);
  json.Key("verified");
  json.Bool(driftCount(report) == 0);
  json.Key("acceptDrift");
  json.Bool(report.acceptDrift);
  jsonStacks(report, json);
  jsonInputs(report, json);
  jsonDrift(report, json);
  jsonResources(report, json);
  jsonFindingsAndRunbook(report, json);
  json.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

} // namespace pm::driver
