variable "env_vpc_cfn_env" {
  description = "The inputs of the deployment env (env-vpc-cfn)."
  type        = any
}
