module "environment_env" {
  source = "../modules/environment"

  topic_name = var.environment_env.topic_name
  fifo       = var.environment_env.fifo
}
