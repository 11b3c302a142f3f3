variable "svc_pipeline_loops_instance_worker_dev" {
  description = "The inputs of the deployment worker-dev (svc-pipeline-loops-instance)."
  type        = any
}

variable "svc_pipeline_loops_instance_worker_staging" {
  description = "The inputs of the deployment worker-staging (svc-pipeline-loops-instance)."
  type        = any
}

variable "svc_pipeline_loops_instance_worker_prod" {
  description = "The inputs of the deployment worker-prod (svc-pipeline-loops-instance)."
  type        = any
}

variable "svc_pipeline_loops_pipeline" {
  description = "The inputs of the deployment pipeline (svc-pipeline-loops-pipeline)."
  type        = any
}
