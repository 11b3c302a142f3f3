variable "build_image" {
  type    = string
  default = "aws/codebuild/standard:7.0"
}

variable "service_branch_name" {
  description = "The Proton context value service.branch_name."
  type        = string
}

variable "service_name" {
  description = "The Proton context value service.name."
  type        = string
}

variable "service_repository_connection_arn" {
  description = "The Proton context value service.repository_connection_arn."
  type        = string
}

variable "service_repository_id" {
  description = "The Proton context value service.repository_id."
  type        = string
}

variable "service_instances" {
  description = "The service instances the pipeline deploys, as Proton listed them (the fields the templates read)."
  type        = list(object({ environment = object({ account_id = string }), inputs = object({ batch_size = number, stage_name = string }), name = string }))
}

variable "stack_name" {
  description = "The name of the CloudFormation stack this module replaces."
  type        = string
}
