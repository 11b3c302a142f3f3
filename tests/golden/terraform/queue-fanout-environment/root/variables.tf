variable "environment_env" {
  description = "The inputs of the deployment env (environment)."
  type        = any
}
