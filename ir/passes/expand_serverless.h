// Pass (for backends without SAM support, such as Terraform): expands the AWS::Serverless::*
// resources of a module using the SAM transform the way the transform does. A Function becomes
// the function, its role `<Function>Role` (policies, policy templates and managed policies) and
// per event the resources SAM makes (`<Function><Event>Permission`, event source mappings
// `<Function><Event>`, schedule rules `<Function><Event>`, HttpApi routes and integrations
// `<Function><Event>Route`/`Integration` as resources, Api methods in the swagger body).
// An HttpApi becomes AWS::ApiGatewayV2::Api plus `<Api>ApiGatewayDefaultStage`, an Api becomes
// a RestApi with its deployment and `<Api>ProdStage` stage (implicit APIs `ServerlessHttpApi`,
// `ServerlessRestApi`), a SimpleTable a DynamoDB table. Logical IDs of the SAM resources are
// kept, so Ref and GetAtt to them read the generated resource as they do after the transform;
// Globals are merged into the functions and APIs. What is not expanded is reported.
#pragma once

#include "ir/diagnostics.h"
#include "ir/module.h"

namespace pm::ir {

inline constexpr const char* kServerlessExpansionRule = "MIG030";

void expandServerless(Module& module, Diagnostics& diagnostics);

} // namespace pm::ir
