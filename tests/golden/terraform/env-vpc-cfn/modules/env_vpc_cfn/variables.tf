variable "vpc_cidr" {
  description = "The CIDR range of the VPC"
  type        = string
  default     = "10.0.0.0/16"
  validation {
    condition     = can(regex("([0-9]{1,3}\\.){3}[0-9]{1,3}($|/(16|20|24))", var.vpc_cidr))
    error_message = "The value of vpc_cidr must match the pattern ([0-9]{1,3}\\.){3}[0-9]{1,3}($|/(16|20|24))."
  }
}

variable "private_subnet_cidrs" {
  description = "One private subnet per availability zone"
  type        = list(string)
  default     = ["10.0.128.0/20", "10.0.144.0/20"]
}

variable "environment_tier" {
  description = "Drives log retention and NAT redundancy"
  type        = string
  default     = "dev"
  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment_tier)
    error_message = "The value of environment_tier must be one of \"dev\", \"staging\", \"prod\"."
  }
}

variable "nat_gateways" {
  description = "How many NAT gateways to create (0 keeps the VPC private-only)"
  type        = number
  default     = 1
  validation {
    condition     = var.nat_gateways >= 0 && var.nat_gateways <= 2
    error_message = "The value of nat_gateways must be between 0 and 2."
  }
}

variable "enable_flow_logs" {
  description = "Send VPC flow logs to CloudWatch Logs"
  type        = bool
  default     = true
}

variable "flow_log_retention_days" {
  type    = number
  default = 30
  validation {
    condition     = var.flow_log_retention_days >= 1 && var.flow_log_retention_days <= 3653
    error_message = "The value of flow_log_retention_days must be between 1 and 3653."
  }
}

variable "cluster_name" {
  description = "Name suffix of the shared ECS cluster"
  type        = string
  default     = "platform"
  validation {
    condition     = length(var.cluster_name) >= 3 && length(var.cluster_name) <= 32
    error_message = "The length of cluster_name must be between 3 and 32."
  }
}

variable "cost_center" {
  description = "Finance cost center, e.g. CC-1042"
  type        = string
  validation {
    condition     = can(regex("^CC-[0-9]{4}$", var.cost_center))
    error_message = "The value of cost_center must match the pattern ^CC-[0-9]{4}$."
  }
  validation {
    condition     = length(var.cost_center) >= 7 && length(var.cost_center) <= 7
    error_message = "The length of cost_center must be between 7 and 7."
  }
}

variable "owner" {
  description = "Team that owns the environment"
  type        = string
  default     = " Platform Team "
}

variable "extra_tags" {
  description = "Additional KEY=VALUE tags for the VPC"
  type        = list(string)
  default     = []
}

variable "create_database" {
  description = "Create a shared Aurora PostgreSQL cluster"
  type        = bool
  default     = false
}

variable "environment_name" {
  description = "The Proton context value environment.name."
  type        = string
}
