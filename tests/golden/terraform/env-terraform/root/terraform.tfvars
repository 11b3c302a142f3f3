env_terraform_env = {
  vpc_cidr         = "10.1.0.0/16"
  az_count         = 2
  region           = "us-east-1"
  environment_name = "env"
}
