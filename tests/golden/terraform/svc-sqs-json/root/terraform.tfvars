svc_sqs_json_instance_billing_dev  = {}
svc_sqs_json_instance_billing_prod = {}
