module "component_s3_queue_component_s3_queue" {
  source = "../modules/component_s3_queue"

  service_name          = var.component_s3_queue_component_s3_queue.service_name
  service_instance_name = var.component_s3_queue_component_s3_queue.service_instance_name
}
