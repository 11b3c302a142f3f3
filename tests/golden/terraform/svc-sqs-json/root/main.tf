module "svc_sqs_json_instance_billing_dev" {
  source = "../modules/svc_sqs_json_instance_billing_dev"

  stack_name = "billing-dev"
}

module "svc_sqs_json_instance_billing_prod" {
  source = "../modules/svc_sqs_json_instance_billing_prod"

  stack_name = "billing-prod"
}
