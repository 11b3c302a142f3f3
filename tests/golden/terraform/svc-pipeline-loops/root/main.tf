module "svc_pipeline_loops_instance_worker_dev" {
  source = "../modules/svc_pipeline_loops_instance"

  batch_size            = var.svc_pipeline_loops_instance_worker_dev.batch_size
  stage_name            = var.svc_pipeline_loops_instance_worker_dev.stage_name
  service_name          = var.svc_pipeline_loops_instance_worker_dev.service_name
  service_instance_name = var.svc_pipeline_loops_instance_worker_dev.service_instance_name
}

module "svc_pipeline_loops_instance_worker_staging" {
  source = "../modules/svc_pipeline_loops_instance"

  batch_size            = var.svc_pipeline_loops_instance_worker_staging.batch_size
  stage_name            = var.svc_pipeline_loops_instance_worker_staging.stage_name
  service_name          = var.svc_pipeline_loops_instance_worker_staging.service_name
  service_instance_name = var.svc_pipeline_loops_instance_worker_staging.service_instance_name
}

module "svc_pipeline_loops_instance_worker_prod" {
  source = "../modules/svc_pipeline_loops_instance"

  batch_size            = var.svc_pipeline_loops_instance_worker_prod.batch_size
  stage_name            = var.svc_pipeline_loops_instance_worker_prod.stage_name
  service_name          = var.svc_pipeline_loops_instance_worker_prod.service_name
  service_instance_name = var.svc_pipeline_loops_instance_worker_prod.service_instance_name
}

module "svc_pipeline_loops_pipeline" {
  source = "../modules/svc_pipeline_loops_pipeline"

  build_image                       = var.svc_pipeline_loops_pipeline.build_image
  service_branch_name               = var.svc_pipeline_loops_pipeline.service_branch_name
  service_name                      = var.svc_pipeline_loops_pipeline.service_name
  service_repository_connection_arn = var.svc_pipeline_loops_pipeline.service_repository_connection_arn
  service_repository_id             = var.svc_pipeline_loops_pipeline.service_repository_id
  service_instances = [
    {
      environment = {
        account_id = "123456789012"
      }
      inputs = {
        batch_size = 5
        stage_name = "dev"
      }
      name = "worker-dev"
    },
    {
      environment = {
        account_id = "123456789012"
      }
      inputs = {
        batch_size = 10
        stage_name = "deploy"
      }
      name = "worker-staging"
    },
    {
      environment = {
        account_id = "123456789012"
      }
      inputs = {
        batch_size = 50
        stage_name = "prod"
      }
      name = "worker-prod"
    },
  ]
  stack_name = "pipeline"
}
