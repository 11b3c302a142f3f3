variable "topic_name" {
  type    = string
  default = "orders"
  validation {
    condition     = length(var.topic_name) >= 1 && length(var.topic_name) <= 64
    error_message = "The length of topic_name must be between 1 and 64."
  }
}

variable "fifo" {
  type    = bool
  default = false
}
