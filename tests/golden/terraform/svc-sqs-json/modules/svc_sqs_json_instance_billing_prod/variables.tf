variable "stack_name" {
  description = "The name of the CloudFormation stack this module replaces."
  type        = string
}
