env_vpc_cfn_env = {
  vpc_cidr                = "10.20.0.0/16"
  private_subnet_cidrs    = ["10.20.128.0/20", "10.20.144.0/20", "10.20.160.0/20"]
  environment_tier        = "staging"
  nat_gateways            = 2
  enable_flow_logs        = true
  flow_log_retention_days = 90
  cluster_name            = "platform"
  cost_center             = "CC-1042"
  owner                   = "Platform Team"
  extra_tags              = ["team=payments", "data-class=internal"]
  create_database         = true
  environment_name        = "env"
}
