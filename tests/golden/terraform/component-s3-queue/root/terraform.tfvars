component_s3_queue_component_s3_queue = {
  service_name          = "svc1"
  service_instance_name = "ingest-dev"
}
