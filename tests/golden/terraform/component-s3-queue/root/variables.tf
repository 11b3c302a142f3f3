variable "component_s3_queue_component_s3_queue" {
  description = "The inputs of the deployment component-s3-queue (component-s3-queue)."
  type        = any
}
