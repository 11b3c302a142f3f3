module "env_vpc_cfn_env" {
  source = "../modules/env_vpc_cfn"

  vpc_cidr                = var.env_vpc_cfn_env.vpc_cidr
  private_subnet_cidrs    = var.env_vpc_cfn_env.private_subnet_cidrs
  environment_tier        = var.env_vpc_cfn_env.environment_tier
  nat_gateways            = var.env_vpc_cfn_env.nat_gateways
  enable_flow_logs        = var.env_vpc_cfn_env.enable_flow_logs
  flow_log_retention_days = var.env_vpc_cfn_env.flow_log_retention_days
  cluster_name            = var.env_vpc_cfn_env.cluster_name
  cost_center             = var.env_vpc_cfn_env.cost_center
  owner                   = var.env_vpc_cfn_env.owner
  extra_tags              = var.env_vpc_cfn_env.extra_tags
  create_database         = var.env_vpc_cfn_env.create_database
  environment_name        = var.env_vpc_cfn_env.environment_name
}
