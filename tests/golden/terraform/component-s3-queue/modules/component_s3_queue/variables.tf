variable "service_name" {
  description = "The Proton context value service.name."
  type        = string
}

variable "service_instance_name" {
  description = "The Proton context value service_instance.name."
  type        = string
}
