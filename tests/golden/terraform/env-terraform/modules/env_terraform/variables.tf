variable "vpc_cidr" {
  type    = string
  default = "10.1.0.0/16"
}

variable "az_count" {
  type    = number
  default = 2
  validation {
    condition     = var.az_count >= 1 && var.az_count <= 3
    error_message = "The value of az_count must be between 1 and 3."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment_name" {
  description = "The Proton context value environment.name."
  type        = string
}

variable "proton_tags" {
  description = "The tags Proton added to every resource it deployed."
  type        = map(string)
  default     = {}
}
