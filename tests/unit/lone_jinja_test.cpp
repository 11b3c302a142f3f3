// A lone template file with Jinja: read as a one-part Proton bundle whose schema is inferred
// from the inputs it reads (frontend/bundle/lone_template.h).
#include "frontend/bundle/bundle.h"
#include "frontend/bundle/spec.h"
#include "frontend/render.h"
#include "temp_tree.h"

#include <doctest/doctest.h>

using namespace pm;

namespace {

constexpr const char* kInstanceTemplate = R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: "{{ service.name }}-{{ service_instance.name }}"
      VisibilityTimeout: {{ service_instance.inputs.timeout }}
      DelaySeconds: {{ service_instance.inputs.timeout }}
{% if service_instance.inputs.dlq %}
  DeadLetterQueue:
    Type: AWS::SQS::Queue
{% endif %}
)";

std::size_t countRule(const ir::Diagnostics& diagnostics, const std::string& rule) {
  std::size_t count = 0;
  for (const ir::Diagnostic& diagnostic : diagnostics.all())
    count += diagnostic.ruleId == rule ? 1 : 0;
  return count;
}

} // namespace

TEST_CASE("lone jinja: service_instance makes an instance part with inferred inputs") {
  test::TempTree tree;
  std::string path = tree.write("queue.yaml", kInstanceTemplate);
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(path, diagnostics);
  REQUIRE(bundle);
  CHECK(bundle->kind == frontend::BundleKind::Service);
  REQUIRE(bundle->parts.size() == 1);
  CHECK(bundle->parts[0].role == frontend::PartRole::Instance);
  REQUIRE(bundle->schema);
  REQUIRE(bundle->schema->serviceInputs);
  const auto& inputs = bundle->schema->serviceInputs->properties;
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].name == "timeout");
  CHECK(inputs[0].type == frontend::PropertyType::String);
  CHECK(inputs[0].location.line == 6);
  CHECK(inputs[1].name == "dlq");
  CHECK(inputs[1].type == frontend::PropertyType::Boolean);
  // Each input is reported once, however often it is read.
  CHECK(countRule(diagnostics, "PRS006") == 2);
  CHECK_FALSE(diagnostics.hasErrors());
  CHECK(diagnostics.all()[0].message.find("no schema.yaml: input 'timeout' inferred") !=
        std::string::npos);
}

TEST_CASE("lone jinja: environment references only make an infrastructure part") {
  test::TempTree tree;
  std::string path = tree.write("env.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"
                                            "    Properties:\n      BucketName: "
                                            "{{ environment.inputs.bucket }}\n");
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(path, diagnostics);
  REQUIRE(bundle);
  CHECK(bundle->kind == frontend::BundleKind::Environment);
  CHECK(bundle->parts[0].role == frontend::PartRole::Infrastructure);
  REQUIRE(bundle->schema->environmentInputs);
  CHECK(bundle->schema->environmentInputs->properties[0].name == "bucket");
}

TEST_CASE("lone jinja: plain CloudFormation stays a plain template") {
  test::TempTree tree;
  std::string path = tree.write("plain.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"
                                              "    Properties:\n      BucketName: "
                                              "'{{resolve:ssm:bucket-name}}'\n");
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(path, diagnostics);
  REQUIRE(bundle);
  CHECK(bundle->kind == frontend::BundleKind::PlainTemplate);
  CHECK_FALSE(bundle->schema);
  CHECK(diagnostics.all().empty());
}

TEST_CASE("lone jinja: renders with the spec's values") {
  test::TempTree tree;
  std::string path = tree.write("queue.yaml", kInstanceTemplate);
  std::string specPath = tree.write("spec.yaml", "proton: ServiceSpec\ninstances:\n"
                                                 "  - name: a\n    environment: dev\n"
                                                 "    spec:\n      timeout: \"30\"\n"
                                                 "      dlq: false\n");
  ir::Diagnostics diagnostics;
  auto bundle = frontend::readBundle(path, diagnostics);
  auto spec = frontend::readSpec(specPath, diagnostics);
  REQUIRE(bundle);
  REQUIRE(spec);
  frontend::RenderRequest request;
  request.part = frontend::PartRole::Instance;
  request.spec = &*spec;
  auto rendered = frontend::renderPart(*bundle, request, diagnostics);
  REQUIRE(rendered);
  CHECK(rendered->find("QueueName: \"service-a\"") != std::string::npos);
  CHECK(rendered->find("VisibilityTimeout: 30") != std::string::npos);
  CHECK(rendered->find("DeadLetterQueue") == std::string::npos);
  CHECK_FALSE(diagnostics.hasErrors());
}
