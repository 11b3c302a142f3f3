variable "svc_worker_component_instance_ingest_dev" {
  description = "The inputs of the deployment ingest-dev (svc-worker-component-instance-ingest-dev)."
  type        = any
}

variable "svc_worker_component_instance_ingest_prod" {
  description = "The inputs of the deployment ingest-prod (svc-worker-component-instance-ingest-prod)."
  type        = any
}
