module "svc_worker_component_instance_ingest_dev" {
  source = "../modules/svc_worker_component_instance_ingest_dev"
}

module "svc_worker_component_instance_ingest_prod" {
  source = "../modules/svc_worker_component_instance_ingest_prod"
}
