svc_worker_component_instance_ingest_dev  = {}
svc_worker_component_instance_ingest_prod = {}
