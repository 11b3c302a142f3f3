svc_pipeline_loops_instance_worker_dev = {
  batch_size            = 5
  stage_name            = "dev"
  service_name          = "svc1"
  service_instance_name = "worker-dev"
}
svc_pipeline_loops_instance_worker_staging = {
  batch_size            = 10
  stage_name            = "deploy"
  service_name          = "svc1"
  service_instance_name = "worker-staging"
}
svc_pipeline_loops_instance_worker_prod = {
  batch_size            = 50
  stage_name            = "prod"
  service_name          = "svc1"
  service_instance_name = "worker-prod"
}
svc_pipeline_loops_pipeline = {
  build_image                       = "aws/codebuild/standard:7.0"
  service_branch_name               = null
  service_name                      = "svc1"
  service_repository_connection_arn = null
  service_repository_id             = null
}
