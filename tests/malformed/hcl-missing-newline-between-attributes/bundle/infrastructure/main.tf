resource "aws_sqs_queue" "jobs" {
  name = var.environment.inputs.queue_name delay_seconds = 5
}
