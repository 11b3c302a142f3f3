variable "env_terraform_env" {
  description = "The inputs of the deployment env (env-terraform)."
  type        = any
}
