// The CloudFormation YAML writer of the servicecatalog target: quoting, intrinsic forms and
// block layout.
#include "backends/servicecatalog/cloudformation_writer.h"
#include "backends/servicecatalog/template_document.h"
#include "backends/servicecatalog/yaml_scalar.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

using namespace pm;
using namespace pm::backends::sc;
using ir::Expr;
using ir::ExprKind;

TEST_CASE("Service Catalog writer quotes strings YAML would read as another type") {
  for (const char* typed : {"true", "No", "null", "~", "0755", "12:30", "1e3", "0x1F", ".5", "",
                            "2024-01-01", "-dash", "a: b", "trailing ", "#comment", "*alias"})
    CHECK_FALSE(isPlainSafe(typed));
  for (const char* plain : {"my-bucket", "Fn::Join", "arn:aws:s3:::x", "${AWS::Region}-x",
                            "10.0.0.0/16", "AWS::S3::Bucket", "v1.2"})
    CHECK(isPlainSafe(plain));
  CHECK(yamlScalar("it's") == "'it''s'");
  CHECK(yamlScalar("a\tb") == "\"a\\tb\"");
}

TEST_CASE("Service Catalog writer writes short tags and falls back to the long key inside a tag") {
  ir::ExprPtr document =
      MapBuilder()
          .add("Name", ref("BucketName"))
          .add("Arn", Expr::getAtt({"Bucket", "Arn", nullptr, false}, {}))
          .add("UserData", call(ExprKind::Base64, {fnSub("echo ${AWS::Region}")}))
          .add("Joined", call(ExprKind::Join, {text(""), items({text("a"), ref("B")})}))
          .add("Port", Expr::number("8080", 8080, {}))
          .add("Empty", items({}))
          .build();
  std::string yaml = writeCloudFormationYaml(document);
  CHECK(yaml == "Name: !Ref BucketName\n"
                "Arn: !GetAtt Bucket.Arn\n"
                "UserData:\n"
                "  Fn::Base64: !Sub echo ${AWS::Region}\n"
                "Joined: !Join\n"
                "  - ''\n"
                "  - - a\n"
                "    - !Ref B\n"
                "Port: 8080\n"
                "Empty: []\n");
  CHECK_NOTHROW(YAML::Load(yaml));
}

TEST_CASE("Service Catalog writer writes long-form intrinsics as keys") {
  ir::ExprPtr document = MapBuilder()
                             .add("Name", ref("BucketName"))
                             .add("Arn", Expr::getAtt({"Bucket", "Arn", nullptr, false}, {}))
                             .build();
  CHECK(writeCloudFormationYaml(document, IntrinsicForm::Long) == "Name:\n"
                                                                  "  Ref: BucketName\n"
                                                                  "Arn:\n"
                                                                  "  Fn::GetAtt:\n"
                                                                  "    - Bucket\n"
                                                                  "    - Arn\n");
}

TEST_CASE("Service Catalog writer keeps multi-line strings exact in literal blocks") {
  ir::ExprPtr document = MapBuilder()
                             .add("Script", text("#!/bin/sh\necho hi\n"))
                             .add("NoNewline", text("a\nb"))
                             .add("Indented", text("a\n  b"))
                             .build();
  std::string yaml = writeCloudFormationYaml(document);
  YAML::Node node = YAML::Load(yaml);
  CHECK(node["Script"].as<std::string>() == "#!/bin/sh\necho hi\n");
  CHECK(node["NoNewline"].as<std::string>() == "a\nb");
  CHECK(node["Indented"].as<std::string>() == "a\n  b");
  CHECK(yaml.find("Script: |\n  #!/bin/sh\n  echo hi\n") != std::string::npos);
}

TEST_CASE("Service Catalog writer refuses Proton references that were not lowered") {
  CHECK_THROWS_AS(writeCloudFormationYaml(Expr::inputRef("port", {})), std::logic_error);
}
