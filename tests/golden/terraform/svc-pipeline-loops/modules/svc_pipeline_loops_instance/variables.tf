variable "batch_size" {
  description = "Messages per invocation"
  type        = number
  default     = 10
  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 100
    error_message = "The value of batch_size must be between 1 and 100."
  }
}

variable "stage_name" {
  description = "Name of the pipeline stage that deploys the instance"
  type        = string
  default     = "deploy"
}

variable "service_name" {
  description = "The Proton context value service.name."
  type        = string
}

variable "service_instance_name" {
  description = "The Proton context value service_instance.name."
  type        = string
}
