variable "svc_sqs_json_instance_billing_dev" {
  description = "The inputs of the deployment billing-dev (svc-sqs-json-instance-billing-dev)."
  type        = any
}

variable "svc_sqs_json_instance_billing_prod" {
  description = "The inputs of the deployment billing-prod (svc-sqs-json-instance-billing-prod)."
  type        = any
}
