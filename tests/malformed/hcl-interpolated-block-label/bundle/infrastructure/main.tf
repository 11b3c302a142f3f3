resource "aws_sqs_queue" "${var.environment.name}" {
  name = var.environment.inputs.queue_name
}
