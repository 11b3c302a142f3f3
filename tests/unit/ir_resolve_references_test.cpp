// The resolve-references pass: every reference names something the template declares, or it
// is reported where it is written.
#include "cloudformation_test_support.h"
#include "ir/passes/resolve_references.h"
#include "ir/reference.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

constexpr const char* kTemplate = R"(Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsBig: !And [!Condition IsProd, !Equals [!Ref AWS::Region, us-east-1]]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProd
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: Queue
    Properties:
      TopicName: !Sub
        - '${Env}-${Queue.QueueName}-${Suffix}-${!Literal}'
        - Suffix: !If [IsBig, big, !Ref AWS::NoValue]
      Arn: !GetAtt Queue.Arn
Outputs:
  TopicArn:
    Value: !Ref Topic
    Condition: IsProd
)";

ir::Module readModule(const std::string& text, ir::Diagnostics& diagnostics) {
  auto module = frontend::readCloudFormation("t.yaml", text, diagnostics);
  REQUIRE(module);
  return std::move(*module);
}

} // namespace

TEST_CASE("References to parameters, resources, pseudo parameters, conditions and Sub "
          "variables resolve") {
  ir::Diagnostics diagnostics;
  ir::Module module = readModule(kTemplate, diagnostics);
  ir::runResolveReferences(module, diagnostics);
  CHECK(diagnostics.all().empty());

  std::vector<ir::Reference> references = ir::collectReferences(module);
  REQUIRE(references.size() == 13);
  // Topic's Sub comes first in source order among its properties.
  const ir::Reference& env = references[1];
  CHECK(env.from == "Topic");
  CHECK(env.kind == ir::ReferenceKind::Sub);
  CHECK(env.targetKind == ir::TargetKind::Input);
  CHECK(env.location == ir::SourceLocation{"t.yaml", 15, 12});
  const ir::Reference& queueName = references[2];
  CHECK(queueName.targetKind == ir::TargetKind::Resource);
  CHECK(queueName.attribute == "QueueName");
  CHECK(references[3].targetKind == ir::TargetKind::SubVariable);
  CHECK(references[4].kind == ir::ReferenceKind::Condition);
  CHECK(references[5].targetKind == ir::TargetKind::PseudoParameter);
  CHECK(references[6].kind == ir::ReferenceKind::GetAtt);
  CHECK(references[7].kind == ir::ReferenceKind::DependsOn);
  CHECK(references.back().fromKind == ir::ElementKind::Condition);
}

TEST_CASE("Unresolved references are errors at the reference, with a suggestion") {
  ir::Diagnostics diagnostics;
  ir::Module module = readModule(R"(Parameters:
  Env: {Type: String}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: IsProdd
    DependsOn: [Missing]
    Properties:
      A: !Ref Evn
      B: !GetAtt Env.Arn
      C: !Sub '${Nope}'
      D: !If [Other, a, b]
)",
                                 diagnostics);
  ir::runResolveReferences(module, diagnostics);
  const auto& all = diagnostics.all();
  REQUIRE(all.size() == 6);
  for (const ir::Diagnostic& diagnostic : all) {
    CHECK(diagnostic.ruleId == "PRS012");
    CHECK(diagnostic.severity == ir::Severity::Error);
  }
  CHECK(all[0].location == ir::SourceLocation{"t.yaml", 9, 10});
  CHECK(all[0].message.find("did you mean 'Env'?") != std::string::npos);
  CHECK(all[1].message.find("is a parameter") != std::string::npos);
  CHECK(all[2].location == ir::SourceLocation{"t.yaml", 11, 16});
  CHECK(all[3].message.find("condition 'Other'") != std::string::npos);
  CHECK(all[4].location == ir::SourceLocation{"t.yaml", 7, 17});
  CHECK(all[5].location == ir::SourceLocation{"t.yaml", 6, 16});
}

TEST_CASE("Names the Serverless transform generates are warnings, not errors") {
  const std::string body = R"(Resources:
  Handler:
    Type: AWS::Serverless::Function
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref HandlerRole]
      Api: !Ref ServerlessRestApi
      Other: !Ref Typo
)";
  ir::Diagnostics withTransform;
  ir::Module serverless =
      readModule("Transform: AWS::Serverless-2016-10-31\n" + body, withTransform);
  ir::runResolveReferences(serverless, withTransform);
  REQUIRE(withTransform.all().size() == 3);
  CHECK(withTransform.all()[0].severity == ir::Severity::Warning);
  CHECK(withTransform.all()[1].severity == ir::Severity::Warning);
  CHECK(withTransform.all()[2].severity == ir::Severity::Error);

  ir::Diagnostics plain;
  ir::Module module = readModule(body, plain);
  ir::runResolveReferences(module, plain);
  CHECK(plain.errorCount() == 3);
}

TEST_CASE("References inside Unsupported nodes are not reported again") {
  ir::Diagnostics diagnostics;
  ir::Module module = readModule(
      "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !GetAtt [X, Y, Z]\n",
      diagnostics);
  std::size_t before = diagnostics.all().size();
  ir::runResolveReferences(module, diagnostics);
  CHECK(diagnostics.all().size() == before);
}
