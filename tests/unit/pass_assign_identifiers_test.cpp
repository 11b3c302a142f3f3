// The assign-identifiers pass and its naming table: one stable, unique name per target for every
// input, resource, output, condition, mapping and module.
#include "ir/passes/assign_identifiers.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace pm;

namespace {

using T = ir::NamingTarget;
using K = ir::NamedKind;

ir::Module moduleWith(std::vector<std::string> inputs, std::vector<std::string> resources,
                      const std::string& name = "env") {
  ir::Module module;
  module.name = name;
  int line = 1;
  for (std::string& input : inputs) {
    ir::Input declared;
    declared.name = std::move(input);
    declared.location = {"t.yaml", line++, 3};
    module.inputs.push_back(std::move(declared));
  }
  for (std::string& resource : resources) {
    ir::Resource declared;
    declared.logicalId = std::move(resource);
    declared.type = "AWS::EC2::VPC";
    declared.location = {"t.yaml", line++, 3};
    module.resources.push_back(std::move(declared));
  }
  return module;
}

struct Assigned {
  ir::Identifiers identifiers;
  ir::Diagnostics diagnostics;
  std::string name(T target, K kind, const std::string& source) const {
    const std::string* found = identifiers.find(target, "env", kind, source);
    REQUIRE(found);
    return *found;
  }
};

Assigned assign(ir::Module module) {
  ir::ModuleGraph graph;
  graph.add(std::move(module));
  Assigned result;
  ir::runAssignIdentifiers(graph, result.diagnostics, result.identifiers);
  return result;
}

} // namespace

TEST_CASE("Names are split into words at punctuation and case changes for each style") {
  ir::NamingStyle snake{ir::CaseStyle::Snake, 0, "_", "_"};
  ir::NamingStyle camel{ir::CaseStyle::Camel, 0, "", "_"};
  ir::NamingStyle pascal{ir::CaseStyle::Pascal, 255, "", ""};
  CHECK(ir::normaliseName("my-bucket", snake) == "my_bucket");
  CHECK(ir::normaliseName("MyVPCName", snake) == "my_vpc_name");
  CHECK(ir::normaliseName("ec2Instance", snake) == "ec2_instance");
  CHECK(ir::normaliseName("2fa", snake) == "_2fa");
  CHECK(ir::normaliseName("vpc_cidr", camel) == "vpcCidr");
  CHECK(ir::normaliseName("environment.name", pascal) == "EnvironmentName");
  CHECK(ir::normaliseName("2fa", pascal) == "2fa");
  CHECK(ir::normaliseName("日本", snake).empty());
  CHECK(ir::normaliseName(std::string(300, 'a'), pascal).size() == 255);
  CHECK(ir::isValidName("MyBucket1", pascal));
  CHECK_FALSE(ir::isValidName("my-bucket", pascal));
  CHECK_FALSE(ir::isValidName("2fa", snake));
}

TEST_CASE("Tricky source names get valid identifiers in every target") {
  Assigned a = assign(moduleWith({"my-bucket", "2fa", "class", "env", "count"}, {}));
  CHECK(a.name(T::CloudFormation, K::Input, "my-bucket") == "MyBucket");
  CHECK(a.name(T::Terraform, K::Input, "my-bucket") == "my_bucket");
  CHECK(a.name(T::Cdk, K::Input, "my-bucket") == "myBucket");
  CHECK(a.name(T::CloudFormation, K::Input, "2fa") == "2fa");
  CHECK(a.name(T::Terraform, K::Input, "2fa") == "_2fa");
  CHECK(a.name(T::Cdk, K::Input, "2fa") == "_2fa");
  // Reserved names move aside with a number and are reported.
  CHECK(a.name(T::Cdk, K::Input, "class") == "class2");
  CHECK(a.name(T::Cdk, K::Input, "env") == "env2");
  CHECK(a.name(T::Terraform, K::Input, "count") == "count_2");
  CHECK(a.name(T::Terraform, K::Input, "class") == "class");
  CHECK(a.diagnostics.all().size() == 3);
  CHECK_FALSE(a.diagnostics.hasErrors());
}

TEST_CASE("Valid CloudFormation names and logical IDs are kept exactly") {
  Assigned a = assign(moduleWith({"vpcCidr", "MyBucket"}, {"MyVPC", "MyBucket"}));
  CHECK(a.name(T::CloudFormation, K::Input, "vpcCidr") == "vpcCidr");
  CHECK(a.name(T::CloudFormation, K::Resource, "MyVPC") == "MyVPC");
  // A parameter and a logical ID share the Ref namespace: the parameter moves, never the ID.
  CHECK(a.name(T::CloudFormation, K::Resource, "MyBucket") == "MyBucket");
  CHECK(a.name(T::CloudFormation, K::Input, "MyBucket") == "MyBucket2");
  CHECK(a.diagnostics.all().size() == 1);
  CHECK(a.diagnostics.all()[0].severity == ir::Severity::Warning);
}

TEST_CASE("MyVPC and MyVpc collide in Terraform and CDK and get a stable suffix") {
  Assigned a = assign(moduleWith({}, {"MyVpc", "MyVPC"}));
  CHECK(a.name(T::Terraform, K::Resource, "MyVPC") == "my_vpc");
  CHECK(a.name(T::Terraform, K::Resource, "MyVpc") == "my_vpc_2");
  CHECK(a.name(T::Cdk, K::Resource, "MyVPC") == "myVpc");
  CHECK(a.name(T::Cdk, K::Resource, "MyVpc") == "myVpc2");
  REQUIRE(a.diagnostics.all().size() == 2);
  // A Terraform address is the deployed resource's identity: an error. A CDK variable is not:
  // the construct keeps the logical ID.
  const ir::Diagnostic& terraform = a.diagnostics.all()[0];
  CHECK(terraform.ruleId == ir::kIdentifierCollisionRule);
  CHECK(terraform.severity == ir::Severity::Error);
  CHECK(terraform.location == ir::SourceLocation{"t.yaml", 1, 3});
  CHECK(terraform.message.starts_with("Terraform resource name of resource 'MyVpc' would be "
                                      "'my_vpc', which resource 'MyVPC' already has; using "
                                      "'my_vpc_2'"));
  REQUIRE(terraform.notes.size() == 1);
  CHECK(terraform.notes[0].location == ir::SourceLocation{"t.yaml", 2, 3});
  CHECK(a.diagnostics.all()[1].severity == ir::Severity::Warning);
}

TEST_CASE("A suffix never takes a name that another element has as its plain name") {
  Assigned a = assign(moduleWith({"a-b", "a_b", "a_b_2"}, {}));
  CHECK(a.name(T::Terraform, K::Input, "a-b") == "a_b");
  CHECK(a.name(T::Terraform, K::Input, "a_b_2") == "a_b_2");
  CHECK(a.name(T::Terraform, K::Input, "a_b") == "a_b_3");
}

TEST_CASE("Names without ASCII letters fall back to the element kind") {
  Assigned a = assign(moduleWith({"名前", "Größe", "número"}, {}));
  CHECK(a.name(T::Terraform, K::Input, "名前") == "input");
  CHECK(a.name(T::Terraform, K::Input, "Größe") == "gr_e");
  CHECK(a.name(T::Cdk, K::Input, "número") == "nMero");
  CHECK(a.name(T::CloudFormation, K::Input, "名前") == "Input");
}

TEST_CASE("Identifiers do not depend on the order elements were inserted in") {
  std::vector<std::string> inputs{"vpc_cidr", "vpcCidr", "VpcCidr", "my-bucket", "class"};
  std::vector<std::string> resources{"MyVPC", "MyVpc", "Bucket", "my_vpc"};
  Assigned forward = assign(moduleWith(inputs, resources));
  std::reverse(inputs.begin(), inputs.end());
  std::rotate(resources.begin(), resources.begin() + 1, resources.end());
  Assigned shuffled = assign(moduleWith(inputs, resources));
  CHECK(forward.identifiers.all() == shuffled.identifiers.all());
  CHECK(forward.diagnostics.all().size() == shuffled.diagnostics.all().size());
}

TEST_CASE("Modules get graph-wide Terraform module and CDK stack class names") {
  ir::ModuleGraph graph;
  graph.add(moduleWith({}, {}, "my-env"));
  graph.add(moduleWith({}, {}, "My_Env"));
  graph.add(moduleWith({}, {}, "stack"));
  ir::Diagnostics diagnostics;
  ir::Identifiers identifiers;
  ir::runAssignIdentifiers(graph, diagnostics, identifiers);
  CHECK(*identifiers.moduleName(T::Cdk, "My_Env") == "MyEnv");
  CHECK(*identifiers.moduleName(T::Cdk, "my-env") == "MyEnv2");
  CHECK(*identifiers.moduleName(T::Terraform, "my-env") == "my_env_2");
  CHECK(*identifiers.moduleName(T::Cdk, "stack") == "Stack2");
  CHECK(identifiers.moduleName(T::Cdk, "absent") == nullptr);
}

TEST_CASE("Every CloudFormation namespace of the naming table keeps valid names") {
  for (const ir::NamingNamespace& space : ir::namingNamespaces())
    if (space.target == T::CloudFormation)
      CHECK(space.keepValidNames);
  CHECK(ir::terraformAddress("aws_vpc", "my_vpc") == "aws_vpc.my_vpc");
}
