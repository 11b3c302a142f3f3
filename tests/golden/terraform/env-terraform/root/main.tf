module "env_terraform_env" {
  source = "../modules/env_terraform"

  vpc_cidr         = var.env_terraform_env.vpc_cidr
  az_count         = var.env_terraform_env.az_count
  region           = var.env_terraform_env.region
  environment_name = var.env_terraform_env.environment_name
}
